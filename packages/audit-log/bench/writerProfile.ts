// Where a PostgreSQL writer's time goes: each statement of an append timed on the connection
// (audit_append_batch, which stores and stages the rows and commits them without holding
// anything shared; audit_seal_batch, which holds the chain head inside it), with `w` instances
// on one chain. Used by writers.bench.ts.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createAuditLog } from '../src/index';
import { postgresStore } from '../src/node';
import { benchEvent } from './writerEvent';

/** Milliseconds per kind of statement, and how many of each. */
export type Profile = Record<string, { ms: number; n: number }>;

function kindOf(text: string): string {
  if (text.includes('audit_append_batch')) return 'append rows (head not held)';
  if (text.includes('audit_seal_batch')) return 'seal (head held inside)';
  if (text.includes('e.id = ANY')) return 'idempotency lookup';
  return 'other';
}

/** Records `total` events spread over `w` instances on one chain; returns the profile. */
export async function profileWriters(
  url: string,
  schema: string,
  w: number,
  total: number,
): Promise<{ profile: Profile; ms: number; batches: number; nodeCpuS: number; pgCpuS: number }> {
  const profile: Profile = {};
  const app = `city-audit-profile-${process.pid}`;
  const pools = Array.from({ length: w }, () => {
    const pool = new pg.Pool({ connectionString: url, max: 2, application_name: app });
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...a: unknown[]) => Promise<unknown>;
      // pg's Pool calls query with a callback; time from the call to the callback.
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
        const started = performance.now();
        const done = () => {
          const k = kindOf(String((args[0] as { text?: string })?.text ?? args[0]));
          const p = profile[k] ?? { ms: 0, n: 0 };
          profile[k] = p;
          p.ms += performance.now() - started;
          p.n += 1;
        };
        const cb = args.at(-1);
        if (typeof cb === 'function') {
          args[args.length - 1] = (...r: unknown[]) => {
            done();
            return (cb as (...r: unknown[]) => unknown)(...r);
          };
          return query(...args);
        }
        const result = query(...args) as Promise<unknown>;
        return result.finally(done);
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
  // Both connections of every pool open now, so the backends listed below are all of them.
  for (const pool of pools) {
    const held = await Promise.all([pool.connect(), pool.connect()]);
    for (const c of held) c.release();
  }
  // The CPU time of this process and of the PostgreSQL backends serving these writers (the
  // server runs on this machine: /proc has their counters).
  const backends = (
    await (pools[0] as pg.Pool).query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [app],
    )
  ).rows.map((r) => r.pid);
  for (const k of Object.keys(profile)) delete profile[k];
  const pgCpu = () => backends.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const pg0 = pgCpu();
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  let k = 0;
  await Promise.all(
    logs.map((log) =>
      Promise.all(Array.from({ length: total / w }, () => log.record(benchEvent(k++)))),
    ),
  );
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const pgCpuS = pgCpu() - pg0;
  for (const l of logs) await l.close();
  for (const p of pools) await p.end();
  return {
    profile,
    ms,
    batches: profile['seal (head held inside)']?.n ?? 0,
    nodeCpuS: (cpu.user + cpu.system) / 1e6,
    pgCpuS,
  };
}

/** User + system CPU seconds of a process (0 when /proc cannot tell, e.g. a remote server). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
