// Where a PostgreSQL writer's time goes: each statement of the append transaction timed on the
// connection (BEGIN, the INSERT of the batch's rows, the seal that takes the chain head, the
// COMMIT that releases it), with `w` instances on one chain. Used by writers.bench.ts.
import pg from 'pg';
import { createAuditLog } from '../src/index';
import { postgresStore } from '../src/node';
import { benchEvent } from './writerEvent';

/** Milliseconds per kind of statement, and how many of each. */
export type Profile = Record<string, { ms: number; n: number }>;

function kindOf(text: string): string {
  const t = text.trimStart().slice(0, 40).toUpperCase();
  if (t.startsWith('BEGIN')) return 'begin';
  if (t.startsWith('COMMIT')) return 'commit (head held)';
  if (t.startsWith('INSERT INTO')) return 'insert rows';
  if (t.includes('AUDIT_SEAL_BATCH') || text.includes('audit_seal_batch'))
    return 'seal (takes head)';
  if (t.startsWith('SELECT E.ID, E.RECORD')) return 'idempotency lookup';
  return 'other';
}

/** Records `total` events spread over `w` instances on one chain; returns the profile. */
export async function profileWriters(
  url: string,
  schema: string,
  w: number,
  total: number,
): Promise<{ profile: Profile; ms: number; batches: number }> {
  const profile: Profile = {};
  const pools = Array.from({ length: w }, () => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...a: unknown[]) => Promise<unknown>;
      (client as unknown as { query: unknown }).query = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await query(...args);
        } finally {
          const k = kindOf(String(args[0]));
          const p = (profile[k] ??= { ms: 0, n: 0 });
          p.ms += performance.now() - started;
          p.n += 1;
        }
      };
    });
    return pool;
  });
  const logs = pools.map((pool) =>
    createAuditLog({
      app: { name: 'bench' },
      store: postgresStore({ pool, schema, migrate: false }),
      batch: { maxQueue: 100_000 },
    }),
  );
  await Promise.all(logs.map((l) => l.record(benchEvent(0))));
  for (const k of Object.keys(profile)) delete profile[k];
  const started = performance.now();
  let k = 0;
  await Promise.all(
    logs.map((log) =>
      Promise.all(Array.from({ length: total / w }, () => log.record(benchEvent(k++)))),
    ),
  );
  const ms = performance.now() - started;
  for (const l of logs) await l.close();
  for (const p of pools) await p.end();
  return { profile, ms, batches: profile['commit (head held)']?.n ?? 0 };
}
