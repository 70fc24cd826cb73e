// A PostgresSessionStore for tests: the shared PostgreSQL when DATABASE_URL is set (a schema of
// its own, dropped at close), else an embedded PGlite.
import { randomBytes } from 'node:crypto';
import { PostgresSessionStore } from '../../src/server';

export async function openSqlStore(): Promise<{
  store: PostgresSessionStore;
  close(): Promise<void>;
}> {
  const schema = `auth_client_test_${randomBytes(4).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 2, application_name: schema });
    const store = await PostgresSessionStore.create({ db: pool, schema });
    return {
      store,
      close: async () => {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool.end();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  const store = await PostgresSessionStore.create({ db, schema });
  return { store, close: () => db.close() };
}
