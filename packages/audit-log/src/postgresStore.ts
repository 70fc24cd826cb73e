import type { Pool, PoolClient } from 'pg';
import { AuditLogError } from './errors';
import { type SqlClient, type SqlStoreOptions, sqlStore } from './internal/sql/sqlStore';
import type { AuditStore } from './store';

export interface PostgresStoreOptions extends SqlStoreOptions {
  /** `postgres://user@host:5432/db`; the store owns the pool it creates. */
  connectionString?: string;
  /**
   * A `pg` Pool to use instead (the store does not end it). If the pool has no `'error'`
   * listener, the store adds one that ignores the error: an idle connection that drops must
   * not crash the app (the pool discards it and the next statement reconnects).
   */
  pool?: Pool;
  /** Pool size when the store creates the pool (default 4). */
  max?: number;
  /**
   * How long a new connection may take when the store creates the pool (default 10,000 ms), so
   * an unreachable server fails a write (and its retries) instead of holding it forever.
   */
  connectionTimeoutMillis?: number;
}

/** A PostgreSQL-backed store; `schema` names where its tables are. */
export interface PostgresStore extends AuditStore {
  readonly schema: string;
}

/** A lost connection as the store reports it: `STORE_UNAVAILABLE`, the driver's error as cause. */
function connectionLost(failed: unknown): AuditLogError {
  if (failed instanceof AuditLogError) return failed;
  return new AuditLogError(
    'STORE_UNAVAILABLE',
    `postgresStore: the connection to PostgreSQL was lost during a write (${(failed as Error)?.message}); the write is retried as a whole, and event ids keep it from being stored twice`,
    { cause: failed },
  );
}

/**
 * `pool.connect()` with `onError` listening from the moment the pool hands the client over. The
 * pool stops listening then, and a promise would resume the caller a tick later: a server's
 * FATAL message read in the same chunk as the previous statement's reply would land in between,
 * with no listener (pg emits it as 'error', which crashes the process). The callback form of
 * `connect` runs in that very tick.
 */
function checkout(pool: Pool, onError: (error: Error) => void): Promise<PoolClient> {
  return new Promise((resolve, reject) => {
    pool.connect((error, client) => {
      if (error || !client) {
        reject(error ?? new Error('the pool gave no client'));
        return;
      }
      client.on('error', onError);
      resolve(client);
    });
  });
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
      let broken: Error | undefined;
      // While checked out, a client is not the pool's: a connection lost between two statements
      // (a terminated backend, a cut network) emits 'error' on the client, and an 'error' nobody
      // listens to crashes the process. The failure is kept and reaches the caller through the
      // statement that fails next; the client is then released as broken, so the pool drops it.
      const onError = (error: Error) => {
        broken ??= error;
      };
      const client = await checkout(pool, onError);
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
        if (!broken) {
          await client.query('ROLLBACK').catch((e: Error) => {
            broken = e;
          });
        }
        throw broken ? connectionLost(error) : error;
      } finally {
        client.release(broken ?? false);
        // A broken client is ended by the pool and may still report its socket's last words.
        if (!broken) client.off('error', onError);
      }
    },
    close: async () => {
      if (owned) await pool.end();
    },
  };
}

/**
 * A PostgreSQL store on `pg`. Several app instances can write one log: each stores its batch
 * side by side with the others, then one short statement places the waiting batches after the
 * chain head (format-2 events: see the README), so sequence numbers never fork or leave a gap.
 * Run with a login that is a member of the writer role (SELECT and the append functions only)
 * in production; migrations need an owner.
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
      if (options.pool) {
        if (options.pool.listenerCount('error') === 0) options.pool.on('error', () => {});
        return wrap(options.pool, false);
      }
      const pg = await import('pg');
      const PoolCtor = (pg.default?.Pool ??
        (pg as unknown as { Pool: typeof Pool }).Pool) as typeof Pool;
      const pool = new PoolCtor({
        connectionString: options.connectionString,
        max: options.max ?? 4,
        connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
        // Notice a peer that vanished without closing (a cut network) on idle connections too.
        keepAlive: true,
      });
      // An idle client's network error must not crash the process: the pool drops that client
      // and the next statement gets a fresh connection (or reports the outage).
      pool.on('error', () => {});
      return wrap(pool, true);
    },
    options,
  );
}
