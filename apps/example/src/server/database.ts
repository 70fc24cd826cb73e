import type { AuditStore } from '@cityofboston/audit-log';
import { pgliteStore, postgresStore } from '@cityofboston/audit-log/node';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Something SQL can be sent to: the database or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** The app database: PGlite in a folder (embedded default) or PostgreSQL (production). */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** An audit store on the same database, its tables in their own schema. */
  auditStore(schema: string): AuditStore;
  close(): Promise<void>;
}

/** Opens PGlite in `dataDir` (`memory` for an in-memory database). */
export async function openPglite(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir === 'memory' ? undefined : dataDir);
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) =>
      (await db.query(text, params as never)) as { rows: T[] },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <T>(text: string, params?: unknown[]) =>
            (await tx.query(text, params as never)) as { rows: T[] },
        }),
      ),
    auditStore: (schema) => pgliteStore({ db, schema }),
    close: () => db.close(),
  };
}

/** Opens a PostgreSQL pool on `connectionString`. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 5 });
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: async <T>(text: string, params?: unknown[]) =>
      (await pool.query(text, params as unknown[])) as unknown as { rows: T[] },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(text: string, params?: unknown[]) =>
            (await client.query(text, params as unknown[])) as unknown as { rows: T[] },
        });
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
