import type { WorkRequest } from '../shared/WorkRequest';
import type { Queryable } from './database';

/** Work requests in the database, one JSON document per row. */
export class WorkRequestRepository {
  readonly #db: Queryable;
  constructor(db: Queryable) {
    this.#db = db;
  }

  async migrate(): Promise<void> {
    await this.#db.query(
      `CREATE TABLE IF NOT EXISTS work_requests (
        id bigserial PRIMARY KEY,
        department text NOT NULL,
        record jsonb NOT NULL
      )`,
    );
  }

  /** A department's requests, newest first. */
  async list(department: string, limit = 100): Promise<WorkRequest[]> {
    const { rows } = await this.#db.query<{ record: WorkRequest }>(
      'SELECT record FROM work_requests WHERE department = $1 ORDER BY id DESC LIMIT $2',
      [department, limit],
    );
    return rows.map((r) => r.record);
  }

  async get(id: string): Promise<WorkRequest | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const { rows } = await this.#db.query<{ record: WorkRequest }>(
      'SELECT record FROM work_requests WHERE id = $1',
      [id],
    );
    return rows[0]?.record;
  }

  /** Inserts inside the caller's transaction; the record gets its id from the database. */
  async create(tx: Queryable, record: Omit<WorkRequest, 'id'>): Promise<WorkRequest> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO work_requests (department, record) VALUES ($1, '{}'::jsonb) RETURNING id::text AS id`,
      [record.department],
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('work_requests: the insert returned no id');
    const saved: WorkRequest = { id, ...record };
    await tx.query('UPDATE work_requests SET record = $2::jsonb WHERE id = $1', [
      id,
      JSON.stringify(saved),
    ]);
    return saved;
  }
}
