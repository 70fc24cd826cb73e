import type { PGlite } from '@electric-sql/pglite';
import { type SqlClient, type SqlStoreOptions, sqlStore } from './internal/sql/sqlStore';
import type { AuditStore } from './store';

export interface PgliteStoreOptions extends SqlStoreOptions {
  /** Folder for the embedded database (created if missing). Omit for an in-memory database. */
  dataDir?: string;
  /** An open PGlite instance to use instead (the store does not close it). */
  db?: PGlite;
}

/** A PGlite-backed store; `schema` names where its tables are. */
export interface PgliteStore extends AuditStore {
  readonly schema: string;
}

function wrap(db: PGlite, owned: boolean): SqlClient {
  return {
    query: (text, params) => db.query(text, params),
    exec: async (text) => {
      await db.exec(text);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (text, params) => tx.query(text, params),
          exec: async (text) => {
            await tx.exec(text);
          },
        }),
      ),
    close: async () => {
      if (owned) await db.close();
    },
  };
}

/**
 * The embedded default: PostgreSQL compiled to WebAssembly (PGlite) in a data folder, with the
 * same tables, triggers, grants and monthly partitions as {@link postgresStore}. PGlite is
 * single-process: one app instance opens a data folder at a time.
 *
 * @example
 * ```ts
 * const store = pgliteStore({ dataDir: 'var/audit-db' });
 * const log = createAuditLog({ app: { name: 'case-desk' }, store });
 * ```
 */
export function pgliteStore(options: PgliteStoreOptions = {}): PgliteStore {
  return sqlStore(
    'pglite',
    async () => {
      if (options.db) return wrap(options.db, false);
      const { PGlite: Engine } = await import('@electric-sql/pglite');
      const db = await Engine.create(options.dataDir);
      return wrap(db, true);
    },
    options,
  );
}
