import { AuthError } from '../authError';
import type { SessionStore } from './sessionStore';

/**
 * What {@link PostgresSessionStore} needs of a database client: `query(text, params)` resolving
 * to `{ rows }`. A `pg` `Pool` and a PGlite instance both fit.
 */
export interface SqlSessionClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Options for {@link PostgresSessionStore.create}. */
export interface PostgresSessionStoreOptions {
  /** A `pg` Pool (or PGlite); the store does not close it. */
  db: SqlSessionClient;
  /** The schema of the table (default `public`); created if missing. */
  schema?: string;
  /** The table (default `city_auth_sessions`); created if missing. */
  table?: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * A {@link SessionStore} in PostgreSQL: sessions, the revocation list and one-time values shared
 * by every instance of the app and kept across restarts. One table of `(key, value jsonb,
 * expires_at)`; expired rows are never returned and are deleted by {@link purgeExpired} (call it
 * from a daily job). `setIfAbsent` is one `INSERT … ON CONFLICT` statement, atomic across
 * instances.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createBff, PostgresSessionStore } from '@cityofboston/auth-client/server';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const bff = createBff({
 *   // ...issuer, clientId, clientSecret, baseUrl, secret
 *   store: await PostgresSessionStore.create({ db: pool, schema: 'case_desk' }),
 * });
 * ```
 */
export class PostgresSessionStore implements SessionStore {
  readonly durable = true;
  readonly #db: SqlSessionClient;
  readonly #table: string;

  private constructor(db: SqlSessionClient, table: string) {
    this.#db = db;
    this.#table = table;
  }

  /** Creates the schema and table if missing, and returns the store. */
  static async create(options: PostgresSessionStoreOptions): Promise<PostgresSessionStore> {
    if (!options?.db) {
      throw new AuthError('invalid_configuration', 'PostgresSessionStore: `db` is required.');
    }
    const schema = options.schema ?? 'public';
    const table = options.table ?? 'city_auth_sessions';
    for (const [what, name] of [
      ['schema', schema],
      ['table', table],
    ] as const) {
      if (!IDENTIFIER.test(name)) {
        throw new AuthError(
          'invalid_configuration',
          `PostgresSessionStore: ${what} ${JSON.stringify(name)} must be a plain SQL identifier (letters, digits, underscore).`,
        );
      }
    }
    const qualified = `"${schema}"."${table}"`;
    await options.db.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await options.db.query(
      `CREATE TABLE IF NOT EXISTS ${qualified} (key text PRIMARY KEY, value jsonb NOT NULL, expires_at timestamptz NOT NULL)`,
    );
    return new PostgresSessionStore(options.db, qualified);
  }

  async get(key: string): Promise<unknown> {
    const { rows } = await this.#db.query(
      `SELECT value FROM ${this.#table} WHERE key = $1 AND expires_at > now()`,
      [key],
    );
    return (rows[0] as { value: unknown } | undefined)?.value;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.#db.query(
      `INSERT INTO ${this.#table} (key, value, expires_at) VALUES ($1, $2::jsonb, now() + make_interval(secs => $3::double precision))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      [key, JSON.stringify(value), ttlSeconds],
    );
  }

  async delete(key: string): Promise<void> {
    await this.#db.query(`DELETE FROM ${this.#table} WHERE key = $1`, [key]);
  }

  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    const { rows } = await this.#db.query(
      `INSERT INTO ${this.#table} (key, value, expires_at) VALUES ($1, $2::jsonb, now() + make_interval(secs => $3::double precision))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE ${this.#table}.expires_at <= now()
       RETURNING key`,
      [key, JSON.stringify(value), ttlSeconds],
    );
    return rows.length > 0;
  }

  /** Deletes expired rows; returns how many. */
  async purgeExpired(): Promise<number> {
    const { rows } = await this.#db.query(
      `DELETE FROM ${this.#table} WHERE expires_at <= now() RETURNING key`,
    );
    return rows.length;
  }
}
