// PostgreSQL with 1, 2 and 4 app instances writing one chain, in one run: the throughput of 2
// and 4 writers as a ratio of one writer's. Twice: instances as logs in this process (each its
// own pool; they share this process's one thread), and instances as processes of their own (as
// app instances are deployed: each its own pool, its own Node thread). Then where one append's
// time goes (the head is held only inside the seal statement).
// Run: npm run bench -w @cityofboston/audit-log   (needs DATABASE_URL or PostgreSQL on 127.0.0.1)
// This file alone: npx tsx bench/writers.bench.ts

import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compare } from '../../../bench/harness';
import { createAuditLog } from '../src/index';
import { postgresStore } from '../src/node';
import { benchEvent as event } from './writerEvent';
import { profileWriters } from './writerProfile';

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

  // The same with each instance a process of its own.
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const script = fileURLToPath(new URL('./writerProcess.ts', import.meta.url));
  const procs = await Promise.all(
    Array.from(
      { length: 4 },
      () =>
        new Promise<ChildProcess>((resolve, reject) => {
          const p = fork(script, [url, schema], { execArgv: ['--import', tsx] });
          p.once('message', () => resolve(p));
          p.once('error', reject);
        }),
    ),
  );
  const ask = (p: ChildProcess, n: number) =>
    new Promise<void>((resolve) => {
      p.once('message', () => resolve());
      p.send(n);
    });
  const processes = (w: number) => async () => {
    await Promise.all(procs.slice(0, w).map((p) => ask(p, PER_OP / w)));
  };
  for (const w of [2, 4]) {
    await compare({
      name: `PostgreSQL: ${w} writer processes on one chain vs 1 writer process`,
      ours: { label: `${w} processes`, fn: processes(w) },
      peer: { label: '1 process', fn: processes(1) },
      itemsPerOp: PER_OP,
      ...(w === 4 ? { goal: 'ratio >= 1.5' } : {}),
      time: 4000,
      rounds: 2,
      iterations: 3,
    });
  }
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve) => {
          p.once('exit', () => resolve());
          p.send(0);
        }),
    ),
  );
  // Where the time goes: each statement of an append timed on its connection, 1 and 4 writers.
  console.log('\nPer batch of an append (ms per statement, from the client; 8,192 events):');
  for (const w of [1, 4]) {
    const { profile, ms, batches, nodeCpuS, pgCpuS } = await profileWriters(url, schema, w, 8192);
    const parts = Object.entries(profile)
      .map(([k, v]) => `${k} ${(v.ms / v.n).toFixed(2)} ms x ${v.n}`)
      .join('; ');
    console.log(
      `  ${w} writer(s): ${Math.round((8192 / ms) * 1000)} events/s, ${batches} batches; ${parts}; CPU over ${(ms / 1000).toFixed(2)} s wall: Node ${nodeCpuS.toFixed(2)} s, PostgreSQL backends ${pgCpuS.toFixed(2)} s; load ${loadavg()[0]?.toFixed(1)}`,
    );
  }
  const c = await (
    probe as unknown as { client(): Promise<{ exec(s: string): Promise<void> }> }
  ).client();
  await c.exec(`DROP SCHEMA "${schema}" CASCADE`);
}
await probe.close();
