import type { AuditStore } from '@cityofboston/audit-log';
import { pgliteStore, postgresStore } from '@cityofboston/audit-log/node';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The audit log's schema in the app database. */
export const AUDIT_SCHEMA = 'audit';

/** Something SQL can be sent to: the database or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** The app database: PGlite in a folder (embedded default) or PostgreSQL (production). */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** The audit log's store on the same database, in its own schema. */
  auditStore(schema: string): AuditStore;
  close(): Promise<void>;
}

/** Opens PGlite in `dataDir` (`memory` for a database that lives only in this process). */
export async function openPglite(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir === 'memory' ? undefined : dataDir);
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    query: async <T>(text: string, params?: unknown[]) =>
      (await q.query(text, params as never)) as unknown as { rows: T[] },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    auditStore: (schema) => pgliteStore({ db, schema }),
    close: () => db.close(),
  };
}

/** Opens a PostgreSQL pool on `connectionString`. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 5, application_name: 'city-app' });
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(text: string, params?: unknown[]) =>
      (await q.query(text, params)) as unknown as { rows: T[] },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    auditStore: (schema) => postgresStore({ connectionString, schema, max: 3 }),
    close: () => pool.end(),
  };
}
