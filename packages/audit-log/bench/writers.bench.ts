// PostgreSQL with 1, 2 and 4 app instances (each its own pool and log) writing one chain, in one
// run: the throughput of 2 and 4 writers as a ratio of one writer's.
// Run: npm run bench -w @cityofboston/audit-log   (needs DATABASE_URL or PostgreSQL on 127.0.0.1)

import { compare } from '../../../bench/harness';
import { createAuditLog, type RecordInput } from '../src/index';
import { postgresStore } from '../src/node';

function event(n: number): RecordInput {
  return {
    actor: { type: 'user', id: `u-${n % 50}`, department: 'PWD', roles: ['caseworker'] },
    action: 'case.view',
    target: { type: 'ServiceRequest', id: `1010055${n % 10_000}`, classification: 'confidential' },
    outcome: 'success',
    purpose: 'case-management',
    details: { queue: 'PWD_Street Lights', note: 'caller asked for an update', n },
  };
}

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `audit_writers_${process.pid}`;
const probe = postgresStore({ connectionString: url, schema });
let pgOk = true;
try {
  await probe.head();
} catch (error) {
  pgOk = false;
  console.log(`PostgreSQL at ${url} not reachable; skipping (${(error as Error).message})`);
}
if (pgOk) {
  const PER_OP = 2048;
  const instances = Array.from({ length: 4 }, () =>
    createAuditLog({
      app: { name: 'bench' },
      store: postgresStore({ connectionString: url, schema, max: 2 }),
      batch: { maxQueue: 100_000 },
    }),
  );
  await Promise.all(instances.map((l) => l.record(event(0))));
  let k = 0;
  /** PER_OP events spread over the first `w` instances, each recording its share concurrently. */
  const writers = (w: number) => () =>
    Promise.all(
      instances
        .slice(0, w)
        .map((log) =>
          Promise.all(Array.from({ length: PER_OP / w }, () => log.record(event(k++)))),
        ),
    );
  for (const w of [2, 4]) {
    await compare({
      name: `PostgreSQL: ${w} writers on one chain vs 1 writer`,
      ours: { label: `${w} instances`, fn: writers(w) },
      peer: { label: '1 instance', fn: writers(1) },
      itemsPerOp: PER_OP,
      ...(w === 4 ? { goal: 'ratio >= 1.5' } : {}),
      time: 4000,
      rounds: 2,
      iterations: 3,
    });
  }
  for (const l of instances) await l.close();
  const c = await (
    probe as unknown as { client(): Promise<{ exec(s: string): Promise<void> }> }
  ).client();
  await c.exec(`DROP SCHEMA "${schema}" CASCADE`);
}
await probe.close();
