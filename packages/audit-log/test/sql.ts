import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { SqlQueryable } from '../src/internal/sql/sqlStore';
import { pgliteStore } from '../src/pgliteStore';
import { postgresStore } from '../src/postgresStore';
import type { AuditStore } from '../src/store';

/** A database for a test file: real PostgreSQL when DATABASE_URL is set, else one PGlite. */
export interface TestDatabase {
  kind: 'postgres' | 'pglite';
  /** A store on a schema of its own (or a shared one, to test several writers). */
  store(options: { schema: string; chainId?: string }): AuditStore & { schema: string };
  /** Superuser statements, for tampering and for inspecting the tables. */
  admin<T>(fn: (sql: SqlQueryable) => Promise<T>): Promise<T>;
  newSchema(): string;
  close(): Promise<void>;
}

export async function openTestDatabase(which: 'env' | 'pglite' = 'env'): Promise<TestDatabase> {
  const url = which === 'env' ? process.env.DATABASE_URL : undefined;
  const schemas: string[] = [];
  const newSchema = () => {
    const name = `audit_test_${randomBytes(5).toString('hex')}`;
    schemas.push(name);
    return name;
  };
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 6 });
    return {
      kind: 'postgres',
      newSchema,
      store: (o) => postgresStore({ pool, ...o }),
      async admin(fn) {
        const client = await pool.connect();
        try {
          return await fn({
            query: async (text, params) => ({
              rows: (await client.query(text, params as unknown[])).rows,
            }),
            exec: async (text) => {
              await client.query(text);
            },
          });
        } finally {
          client.release();
        }
      },
      async close() {
        for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
        await pool.end();
      },
    };
  }
  const db = await PGlite.create();
  return {
    kind: 'pglite',
    newSchema,
    store: (o) => pgliteStore({ db, ...o }),
    admin: (fn) =>
      fn({
        query: (text, params) => db.query(text, params),
        exec: async (text) => {
          await db.exec(text);
        },
      }),
    close: () => db.close(),
  };
}
