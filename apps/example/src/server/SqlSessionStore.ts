import type { SessionStore } from '@cityofboston/auth-client/server';
import type { Queryable } from './database';

/**
 * A `SessionStore` in the app database, so several app instances behind a load balancer share
 * sessions, sign-outs and one-time login transactions (`SESSION_STORE=database`).
 */
export class SqlSessionStore implements SessionStore {
  readonly #db: Queryable;
  readonly #t: string;

  constructor(db: Queryable, schema: string) {
    this.#db = db;
    this.#t = `"${schema}".sessions`;
  }

  async migrate(): Promise<void> {
    await this.#db.query(
      `CREATE TABLE IF NOT EXISTS ${this.#t} (key text PRIMARY KEY, value jsonb NOT NULL, expires_at timestamptz NOT NULL)`,
    );
  }

  async get(key: string): Promise<unknown> {
    const { rows } = await this.#db.query<{ value: unknown }>(
      `SELECT value FROM ${this.#t} WHERE key = $1 AND expires_at > now()`,
      [key],
    );
    return rows[0]?.value;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.#db.query(
      `INSERT INTO ${this.#t} (key, value, expires_at) VALUES ($1, $2::jsonb, now() + make_interval(secs => $3))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      [key, JSON.stringify(value), ttlSeconds],
    );
  }

  async delete(key: string): Promise<void> {
    await this.#db.query(`DELETE FROM ${this.#t} WHERE key = $1`, [key]);
  }

  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    const { rows } = await this.#db.query(
      `INSERT INTO ${this.#t} (key, value, expires_at) VALUES ($1, $2::jsonb, now() + make_interval(secs => $3))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE ${this.#t}.expires_at <= now()
       RETURNING key`,
      [key, JSON.stringify(value), ttlSeconds],
    );
    return rows.length > 0;
  }
}
