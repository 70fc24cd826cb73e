import type { Pool, PoolClient } from 'pg';
import { AuditLogError } from './errors';
import { type SqlClient, type SqlStoreOptions, sqlStore } from './internal/sql/sqlStore';
import type { AuditStore } from './store';

export interface PostgresStoreOptions extends SqlStoreOptions {
  /** `postgres://user@host:5432/db`; the store owns the pool it creates. */
  connectionString?: string;
  /** A `pg` Pool to use instead (the store does not end it). */
  pool?: Pool;
  /** Pool size when the store creates the pool (default 4). */
  max?: number;
}

/** A PostgreSQL-backed store; `schema` names where its tables are. */
export interface PostgresStore extends AuditStore {
  readonly schema: string;
}

function wrap(pool: Pool, owned: boolean): SqlClient {
  const run = async (c: Pool | PoolClient, text: string, params?: unknown[]) => {
    const r = await c.query(text, params as unknown[]);
    return { rows: r.rows };
  };
  return {
    query: (text, params) => run(pool, text, params),
    exec: async (text) => {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (text, params) => run(client, text, params),
          exec: async (text) => {
            await client.query(text);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      if (owned) await pool.end();
    },
  };
}

/**
 * A PostgreSQL store on `pg`. Several app instances can write one chain: each batch takes the
 * chain's head row lock, so sequence numbers and hashes never fork. Run with a login that is a
 * member of the writer role (INSERT and SELECT only) in production; migrations need an owner.
 *
 * @example
 * ```ts
 * const store = postgresStore({ connectionString: process.env.DATABASE_URL, chainId: 'case-desk' });
 * const log = createAuditLog({ app: { name: 'case-desk' }, store });
 * ```
 */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  if (!options || (!options.pool && !options.connectionString)) {
    throw new AuditLogError('INVALID_OPTIONS', 'postgresStore: pass `connectionString` or `pool`');
  }
  return sqlStore(
    'postgres',
    async () => {
      if (options.pool) return wrap(options.pool, false);
      const pg = await import('pg');
      const PoolCtor = (pg.default?.Pool ??
        (pg as unknown as { Pool: typeof Pool }).Pool) as typeof Pool;
      const pool = new PoolCtor({
        connectionString: options.connectionString,
        max: options.max ?? 4,
      });
      // An idle client's network error must not crash the process; the next query reports it.
      pool.on('error', () => {});
      return wrap(pool, true);
    },
    options,
  );
}
