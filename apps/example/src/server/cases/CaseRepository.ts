import { ServiceRequest } from '@cityofboston/standards-schema';
import { fakeMany } from '@cityofboston/standards-schema/testing';
import type { Database, Queryable } from '../database';

/** The filters of the cases list (all optional). */
export interface CaseFilter {
  status?: 'open' | 'closed' | undefined;
  service?: string | undefined;
  neighborhood?: string | undefined;
  /** Inclusive calendar date (YYYY-MM-DD, UTC). */
  from?: string | undefined;
  /** Inclusive calendar date (YYYY-MM-DD, UTC). */
  to?: string | undefined;
  /** A case id prefix. */
  id?: string | undefined;
  /** The owning department (need-to-know: a list is always scoped to one). */
  department?: string | undefined;
}

/** One page of cases, newest first. */
export interface CasePage {
  total: number;
  page: number;
  pageSize: number;
  records: ServiceRequest[];
}

/** The distinct values the filters offer. */
export interface CaseFacets {
  services: { code: string; name: string }[];
  neighborhoods: string[];
}

/** The seed's fixed value: the same synthetic records on every machine. */
export const SEED = 311;

/** Reads and writes service requests in the app's `cases` table (JSONB plus filter columns). */
export class CaseRepository {
  readonly #db: Database;
  readonly #t: string;

  constructor(db: Database, schema: string) {
    this.#db = db;
    this.#t = `"${schema}".cases`;
    this.schema = schema;
  }

  readonly schema: string;

  /** Creates the tables when missing. */
  async migrate(): Promise<void> {
    const s = `"${this.schema}"`;
    for (const sql of [
      `CREATE SCHEMA IF NOT EXISTS ${s}`,
      `CREATE TABLE IF NOT EXISTS ${this.#t} (
        id text PRIMARY KEY,
        status text NOT NULL,
        service_code text NOT NULL,
        service_name text,
        neighborhood text,
        requested_at timestamptz NOT NULL,
        contact_email text,
        record jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`,
      // The owning department, for need-to-know scoping (added after the first release).
      `ALTER TABLE ${this.#t} ADD COLUMN IF NOT EXISTS department text`,
      `UPDATE ${this.#t} SET department = coalesce(record->>'department', record->>'agency_responsible', 'PWD')
       WHERE department IS NULL`,
      `CREATE INDEX IF NOT EXISTS cases_department_requested_idx ON ${this.#t} (department, requested_at DESC, id)`,
      `CREATE INDEX IF NOT EXISTS cases_requested_idx ON ${this.#t} (requested_at DESC, id)`,
      `CREATE INDEX IF NOT EXISTS cases_status_idx ON ${this.#t} (status)`,
      `CREATE INDEX IF NOT EXISTS cases_service_idx ON ${this.#t} (service_code)`,
      `CREATE INDEX IF NOT EXISTS cases_neighborhood_idx ON ${this.#t} (neighborhood)`,
      `CREATE INDEX IF NOT EXISTS cases_contact_idx ON ${this.#t} (contact_email)`,
      `CREATE TABLE IF NOT EXISTS ${s}.settings (key text PRIMARY KEY, value text NOT NULL)`,
    ]) {
      await this.#db.query(sql);
    }
  }

  /** A stored setting, created with `make()` the first time (secrets that must survive restarts). */
  async setting(key: string, make: () => string): Promise<string> {
    await this.#db.query(
      `INSERT INTO "${this.schema}".settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
      [key, make()],
    );
    const { rows } = await this.#db.query<{ value: string }>(
      `SELECT value FROM "${this.schema}".settings WHERE key = $1`,
      [key],
    );
    return rows[0]?.value ?? '';
  }

  /** Seeds `count` synthetic requests into an empty table; returns how many it inserted. */
  async seed(count: number): Promise<number> {
    const { rows } = await this.#db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.#t}`,
    );
    if ((rows[0]?.n ?? 0) > 0 || count === 0) return 0;
    const records = fakeMany(ServiceRequest, { seed: SEED, count });
    const chunk = 2500;
    await this.#db.transaction(async (tx) => {
      for (let i = 0; i < records.length; i += chunk) {
        await this.#insert(tx, records.slice(i, i + chunk));
      }
    });
    return records.length;
  }

  async #insert(tx: Queryable, records: readonly ServiceRequest[]): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.#t} (id, status, service_code, service_name, neighborhood, requested_at, contact_email, record, department)
       SELECT r->>'service_request_id', r->>'status', r->>'service_code', r->>'service_name',
              r->>'neighborhood', (r->>'requested_datetime')::timestamptz,
              lower(r->'contact'->>'email'), r,
              coalesce(r->>'department', r->>'agency_responsible', 'PWD')
       FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(records)],
    );
  }

  #where(filter: CaseFilter): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      clauses.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.department) add('department = ?', filter.department);
    if (filter.status) add('status = ?', filter.status);
    if (filter.service) add('service_code = ?', filter.service);
    if (filter.neighborhood) add('neighborhood = ?', filter.neighborhood);
    if (filter.from) add('requested_at >= ?::date', filter.from);
    if (filter.to) add("requested_at < (?::date + interval '1 day')", filter.to);
    if (filter.id) add('id LIKE ?', `${filter.id.replace(/[%_\\]/g, '\\$&')}%`);
    return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /** A page of cases matching `filter`, newest first. */
  async list(filter: CaseFilter, page: number, pageSize: number): Promise<CasePage> {
    const { sql, params } = this.#where(filter);
    const [count, rows] = await Promise.all([
      this.#db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${this.#t} ${sql}`, params),
      this.#db.query<{ record: ServiceRequest }>(
        `SELECT record FROM ${this.#t} ${sql} ORDER BY requested_at DESC, id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ),
    ]);
    return {
      total: count.rows[0]?.n ?? 0,
      page,
      pageSize,
      records: rows.rows.map((r) => r.record),
    };
  }

  /** Every case matching `filter` up to `limit`, newest first (for shares). */
  async all(filter: CaseFilter, limit: number): Promise<ServiceRequest[]> {
    const { sql, params } = this.#where(filter);
    const { rows } = await this.#db.query<{ record: ServiceRequest }>(
      `SELECT record FROM ${this.#t} ${sql} ORDER BY requested_at DESC, id LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => r.record);
  }

  async count(filter: CaseFilter): Promise<number> {
    const { sql, params } = this.#where(filter);
    const { rows } = await this.#db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.#t} ${sql}`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  async get(
    id: string,
  ): Promise<{ record: ServiceRequest; version: number; department: string } | undefined> {
    const { rows } = await this.#db.query<{
      record: ServiceRequest;
      version: number;
      department: string;
    }>(`SELECT record, version, department FROM ${this.#t} WHERE id = $1`, [id]);
    return rows[0];
  }

  /**
   * Reads case `id` inside `tx` and locks its row until `tx` ends, so a concurrent change waits
   * and then reads what this one wrote (read, check and write in one transaction).
   */
  async lock(
    tx: Queryable,
    id: string,
  ): Promise<{ record: ServiceRequest; version: number; department: string } | undefined> {
    const { rows } = await tx.query<{
      record: ServiceRequest;
      version: number;
      department: string;
    }>(`SELECT record, version, department FROM ${this.#t} WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0];
  }

  /** Ids of every case reported with the same contact email as case `id` (itself included). */
  async sameConstituent(id: string): Promise<string[]> {
    const { rows } = await this.#db.query<{ id: string }>(
      `SELECT c.id FROM ${this.#t} c JOIN ${this.#t} me ON me.id = $1
       WHERE c.id = me.id OR (me.contact_email IS NOT NULL AND c.contact_email = me.contact_email)
       ORDER BY c.id`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Replaces a case's record (already validated) inside `tx`, if its version is still `version`
   * (the row is locked by {@link lock}, so this is a second guard); returns the new version, or
   * `undefined` when the case changed meanwhile.
   */
  async save(tx: Queryable, record: ServiceRequest, version: number): Promise<number | undefined> {
    const { rows } = await tx.query<{ version: number }>(
      `UPDATE ${this.#t} SET status = $2, record = $3::jsonb, version = version + 1
       WHERE id = $1 AND version = $4 RETURNING version`,
      [record.service_request_id, record.status, JSON.stringify(record), version],
    );
    return rows[0]?.version;
  }

  /** The filter choices within `department`'s cases. */
  async facets(department: string): Promise<CaseFacets> {
    const [services, hoods] = await Promise.all([
      this.#db.query<{ code: string; name: string | null }>(
        `SELECT service_code AS code, min(service_name) AS name FROM ${this.#t}
         WHERE department = $1 GROUP BY service_code ORDER BY 2, 1`,
        [department],
      ),
      this.#db.query<{ n: string }>(
        `SELECT DISTINCT neighborhood AS n FROM ${this.#t}
         WHERE department = $1 AND neighborhood IS NOT NULL ORDER BY 1`,
        [department],
      ),
    ]);
    return {
      services: services.rows.map((r) => ({ code: r.code, name: r.name ?? r.code })),
      neighborhoods: hoods.rows.map((r) => r.n),
    };
  }
}
