import type { Principal } from '@cityofboston/standards-schema';
import type { RequestHandler } from 'express';
import type { Database } from '../database';

/** A member of staff who has used the app: their id at the IdP, name and department. */
export interface Person {
  id: string;
  name: string;
  department: string;
}

/**
 * The staff who have used the app, so an auditor can filter the trail by a person's name (the
 * log is indexed by id). Written when a signed-in request finishes, once per person and name
 * per process.
 */
export class People {
  readonly #db: Database;
  readonly #t: string;
  readonly #known = new Set<string>();

  constructor(db: Database, schema: string) {
    this.#db = db;
    this.#t = `"${schema}".people`;
  }

  async migrate(): Promise<void> {
    await this.#db.query(
      `CREATE TABLE IF NOT EXISTS ${this.#t} (
        id text PRIMARY KEY,
        name text NOT NULL,
        department text NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    await this.#db.query(
      `CREATE INDEX IF NOT EXISTS people_name_idx ON ${this.#t} (lower(name) text_pattern_ops)`,
    );
  }

  /** Remembers `p` (their current name and department). */
  async seen(p: Principal): Promise<void> {
    const key = `${p.sub}\u0000${p.name}\u0000${p.department}`;
    if (this.#known.has(key)) return;
    await this.#db.query(
      `INSERT INTO ${this.#t} (id, name, department) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, department = excluded.department, seen_at = now()`,
      [p.sub, p.name, p.department],
    );
    this.#known.add(key);
  }

  /** Records the signed-in person of every API request once it has finished. */
  middleware(): RequestHandler {
    return (_req, res, next) => {
      res.once('finish', () => {
        const p = res.locals.principal as Principal | undefined;
        if (p?.sub && p.name) this.seen(p).catch(() => {});
      });
      next();
    };
  }

  /** The names of the people with `ids` (those the app has seen), by id. */
  async names(ids: readonly string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const { rows } = await this.#db.query<{ id: string; name: string }>(
      `SELECT id, name FROM ${this.#t} WHERE id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  /**
   * The people `who` names: the one whose id it is, else those whose name contains it (any case,
   * at most 10).
   */
  async find(who: string): Promise<Person[]> {
    const exact = await this.#db.query<Person>(
      `SELECT id, name, department FROM ${this.#t} WHERE id = $1`,
      [who],
    );
    if (exact.rows.length > 0) return exact.rows;
    const pattern = `%${who.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    const { rows } = await this.#db.query<Person>(
      `SELECT id, name, department FROM ${this.#t} WHERE lower(name) LIKE $1 ORDER BY name, id LIMIT 10`,
      [pattern],
    );
    return rows;
  }
}
