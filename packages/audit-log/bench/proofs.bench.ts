// Proofs at city scale: verify() of a 1,000,000-event JSONL log with the Merkle checks (chain,
// tree, signed checkpoints) against the floor of reading, parsing and SHA-256 hashing the same
// file, and inclusion-proof verifications per second. (PostgreSQL writers: writers.bench.ts.)
// Run: npm run bench -w @cityofboston/audit-log after a build (the verify rows run the built package)
//      (AUDIT_BENCH_EVENTS=100000 for a quicker run)

import { createHash, verify as edVerify } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare } from '../../../bench/harness';
import {
  type AuditLog,
  createAuditLog,
  eventLeafHash,
  generateCheckpointKeys,
  inclusionProof,
  MerkleLevels,
  memoryStore,
  parseVerifierKey,
  proveEvent,
  type RecordInput,
  treeRoot,
  verifierKey,
  verifyEventProof,
  verifyInclusion,
} from '../src/index';
import { jsonlStore } from '../src/node';
import { defaultThreads } from '../src/verifyLines/verifyLineFile';
import { idleRounds, timedAlone } from './idleRounds';
import { cpuByThread } from './threadCpu';

const dir = mkdtempSync(join(tmpdir(), 'audit-proofs-bench-'));
const N = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const keys = generateCheckpointKeys();
const vkey = verifierKey('city-audit/default', keys.publicKey);

function event(n: number): RecordInput {
  return {
    actor: { type: 'user', id: `u-${n % 50}`, department: 'PWD', roles: ['caseworker'] },
    action: 'case.view',
    target: { type: 'ServiceRequest', id: `1010055${n % 10_000}`, classification: 'confidential' },
    outcome: 'success',
    purpose: 'case-management',
    source: { ip: '10.20.30.40', userAgent: 'Mozilla/5.0' },
    details: { queue: 'PWD_Street Lights', note: 'caller asked for an update', n },
  };
}

async function fill(log: AuditLog, count: number, batch = 2048) {
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, (_, j) => log.record(event(i + j))),
    );
  }
}

// 1. verify a large JSONL log: checkpoints every 100,000 events in the store, the last one held.
const path = join(dir, 'big.jsonl');
const writer = createAuditLog({
  app: { name: 'bench' },
  store: jsonlStore({ path, fsync: false }),
  batch: { maxSize: 2048, maxQueue: 100_000 },
  signer: { privateKey: keys.privateKey, everyEvents: 100_000, everyMs: 0 },
});
const started = Date.now();
await fill(writer, N);
await writer.close();
const held = writer.lastCheckpoint?.note as string;
console.log(`wrote ${N} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** The floor: read the file in 1 MiB chunks, JSON.parse and SHA-256 every line, check nothing. */
async function floor(): Promise<number> {
  let n = 0;
  let carry = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() as string;
    for (const line of lines) {
      JSON.parse(line);
      createHash('sha256').update(line).digest('hex');
      n++;
    }
  }
  return n;
}

// verify in one thread (threads: 1) and with the default worker threads (the machine's
// parallelism, at most 4), each against the floor, in the same run. Both run the built package,
// as a department app does: its workers load dist/lineWorker.js in about 30 ms of CPU each, where
// a worker started from the TypeScript sources first loads tsx (about 0.2 s each, per verify).
const threadsDefault = defaultThreads();
const builtName = '@cityofboston/audit-log';
const built = (await import(builtName).catch(() => {
  throw new Error('build the package first: npx turbo run build --filter=@cityofboston/audit-log');
})) as typeof import('../src/index');
const builtNode = (await import(`${builtName}/node`)) as typeof import('../src/node');
const verifyOnce = async (threads: number | undefined) => {
  const store = builtNode.jsonlStore({ path });
  const r = await built.verify(store, {
    keys: [vkey],
    trusted: [held],
    ...(threads === undefined ? {} : { threads }),
  });
  await store.close();
  if (!r.ok || r.count !== N || r.checkpointsChecked < 2) {
    throw new Error(`did not verify: ${JSON.stringify(r.firstBad)}`);
  }
};
const floorOnce = async () => {
  if ((await floor()) !== N) throw new Error('floor read a different count');
};
for (const [label, threads] of [
  ['one thread', 1],
  [`default: ${threadsDefault} worker threads`, undefined],
] as const) {
  await compare({
    name: `verify a ${N.toLocaleString('en-US')}-event JSONL log with Merkle checks (${label}) vs reading + JSON.parse + SHA-256 of every line`,
    ours: {
      label: `verify, ${label} (chain + RFC 9162 tree + signed checkpoints, trusted key and checkpoint)`,
      fn: () => verifyOnce(threads),
    },
    peer: { label: 'stream + JSON.parse + SHA-256 per line', fn: floorOnce },
    itemsPerOp: N,
    goal: 'ratio >= 1.5',
    time: 3000,
    rounds: 3,
    iterations: 1,
  });
}

// The three side by side in alternating rounds, by wall time and by CPU time (this process's
// user + system time, all its threads). Wall time is what a person waits for; CPU time swings
// less with other jobs' load, but worker threads cannot lower it (they add a little: the work is
// the same, plus handing chunks over), so the CPU ratio of the default stays near one thread's.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const measure = async (fn: () => Promise<void>) => {
  const cpu = cpuMs();
  const wall = performance.now();
  await fn();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
};
const sides = { one: [] as number[][], many: [] as number[][] };
const busiest = { one: [] as number[], many: [] as number[], floor: [] as number[] };
for (let round = 0; round < 3; round++) {
  const one = await measure(() => verifyOnce(1));
  const many = await measure(() => verifyOnce(undefined));
  const peer = await measure(floorOnce);
  sides.one.push([peer.wall / one.wall, peer.cpu / one.cpu]);
  sides.many.push([peer.wall / many.wall, peer.cpu / many.cpu]);
  const rate = (ms: number) => Math.round((N / ms) * 1000).toLocaleString('en-US');
  console.log(
    `round ${round + 1}: events/s wall (per CPU-second): one thread ${rate(one.wall)} (${rate(one.cpu)}), ${threadsDefault} workers ${rate(many.wall)} (${rate(many.cpu)}), floor ${rate(peer.wall)} (${rate(peer.cpu)})`,
  );
  // Where the time went, by thread: the busiest thread's CPU time bounds the wall time when
  // every thread has a core of its own (this machine's other jobs rarely leave that).
  const threads = {
    one: await cpuByThread(() => verifyOnce(1)),
    many: await cpuByThread(() => verifyOnce(undefined)),
    floor: await cpuByThread(floorOnce),
  };
  for (const side of ['one', 'many', 'floor'] as const) {
    busiest[side].push(threads[side][0] ?? Number.NaN);
  }
  console.log(
    `round ${round + 1}: CPU ms by thread, busiest first: one thread [${threads.one.join(', ')}], ${threadsDefault} workers [${threads.many.join(', ')}], floor [${threads.floor.join(', ')}]`,
  );
}
const mid = (rows: number[][], k: number) =>
  ([...rows.map((r) => r[k] as number)].sort((a, b) => a - b)[1] as number).toFixed(2);
const midOf = (values: number[]) => [...values].sort((a, b) => a - b)[1] as number;
console.log(
  `verify vs floor, median of 3 rounds: one thread wall ${mid(sides.one, 0)} / CPU ${mid(sides.one, 1)}; ${threadsDefault} workers wall ${mid(sides.many, 0)} / CPU ${mid(sides.many, 1)} (goal: wall >= 1.5); load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `busiest thread's CPU time, median of 3 rounds: floor ${midOf(busiest.floor)} ms, one thread ${midOf(busiest.one)} ms (floor / it: ${(midOf(busiest.floor) / midOf(busiest.one)).toFixed(2)}), ${threadsDefault} workers ${midOf(busiest.many)} ms (floor / it: ${(midOf(busiest.floor) / midOf(busiest.many)).toFixed(2)}): the wall-time ratios with a free core per thread`,
);

// Rounds while the machine is otherwise idle (AUDIT_BENCH_IDLE_MINUTES, default 10, to wait for
// them; 0 skips): the wall-time ratios the threads give when their cores are free.
const idleMinutes = Number(process.env.AUDIT_BENCH_IDLE_MINUTES ?? 10);
if (idleMinutes > 0) {
  const idle = await idleRounds(3, idleMinutes, async () => {
    const one = await timedAlone(() => verifyOnce(1));
    const many = await timedAlone(() => verifyOnce(undefined));
    const peer = await timedAlone(floorOnce);
    const othersBusy = Math.max(one.othersBusy, many.othersBusy, peer.othersBusy);
    console.log(
      `idle round: one thread ${one.wallMs.toFixed(0)} ms, ${threadsDefault} workers ${many.wallMs.toFixed(0)} ms, floor ${peer.wallMs.toFixed(0)} ms (other processes used ${othersBusy.toFixed(2)} CPUs at most); wall ratios one thread ${(peer.wallMs / one.wallMs).toFixed(2)}, ${threadsDefault} workers ${(peer.wallMs / many.wallMs).toFixed(2)}`,
    );
    return {
      result: [peer.wallMs / one.wallMs, peer.wallMs / many.wallMs] as const,
      othersBusy,
    };
  });
  console.log(
    idle.length === 0
      ? `no idle moment in ${idleMinutes} minutes: no idle rounds`
      : `idle rounds (${idle.length}): wall ratio vs floor, one thread ${idle.map((r) => r[0].toFixed(2)).join(', ')}; ${threadsDefault} workers ${idle.map((r) => r[1].toFixed(2)).join(', ')} (goal >= 1.5)`,
  );
}

// 2. Inclusion proofs: a tree of N leaves, proofs for spread-out leaves, checked against the
// root of a checkpoint whose signature was checked once (ours), against the Ed25519 check a
// recipient makes of that checkpoint (the peer: what a proof costs beside its path).
const leaves = Array.from({ length: N }, (_, i) =>
  eventLeafHash(createHash('sha256').update(String(i)).digest('hex')),
) as Buffer[];
const PROOFS = 1000;
const picks = Array.from({ length: PROOFS }, (_, i) => Math.floor((i * 7919 * 104_729) % N));
const levels = new MerkleLevels(leaves);
const proofs = picks.map((i) => inclusionProof(levels, i));
const root = treeRoot(leaves);
const verifier = parseVerifierKey(vkey);
const message = Buffer.from(held.slice(0, held.lastIndexOf('\n\n') + 1));
const sigLine = held.slice(held.lastIndexOf('\n\n') + 2).trim();
const signature = Buffer.from(sigLine.split(' ')[2] as string, 'base64').subarray(4);
// A recipient that checks proofs in bulk runs warmed-up code: V8 optimizes verifyInclusion only
// after some 100,000 proofs (on this machine the first 50,000 run at about half the speed), more
// than tinybench's warm-up of a quarter second gives. Both sides are warmed first, then measured
// in three alternating rounds (the median ratio).
const warmStart = performance.now();
for (let rep = 0; rep < 150; rep++) {
  for (let k = 0; k < PROOFS; k++) {
    const i = picks[k] as number;
    verifyInclusion(leaves[i] as Buffer, i, N, proofs[k] as Buffer[], root);
  }
}
for (let k = 0; k < 5 * PROOFS; k++) edVerify(null, message, verifier.publicKey, signature);
console.log(
  `inclusion proofs: warmed up with ${(150 * PROOFS).toLocaleString('en-US')} proofs in ${((performance.now() - warmStart) / 1000).toFixed(1)} s`,
);
await compare({
  time: 3000,
  rounds: 3,
  name: `inclusion proofs in a ${N.toLocaleString('en-US')}-leaf tree vs one Ed25519 checkpoint check`,
  ours: {
    label: 'verifyInclusion (RFC 9162, ~20 hashes)',
    fn: () => {
      for (let k = 0; k < PROOFS; k++) {
        const i = picks[k] as number;
        if (!verifyInclusion(leaves[i] as Buffer, i, N, proofs[k] as Buffer[], root)) {
          throw new Error('proof failed');
        }
      }
    },
  },
  peer: {
    label: 'Ed25519 verify of the checkpoint note',
    fn: () => {
      for (let k = 0; k < PROOFS; k++) {
        if (!edVerify(null, message, verifier.publicKey, signature)) throw new Error('bad');
      }
    },
  },
  itemsPerOp: PROOFS,
  goal: 'ours >= 50,000/s',
});

// The whole receipt check (event canonicalized and hashed, checkpoint note verified, path) on a
// smaller log, for the record.
const small = memoryStore();
const smallLog = createAuditLog({
  app: { name: 'bench' },
  store: small,
  signer: { privateKey: keys.privateKey, everyEvents: 1_000_000, everyMs: 0 },
});
await fill(smallLog, 10_000);
await smallLog.close();
const firstId = small.events[4321]?.id as string;
const bundle = await proveEvent(small, firstId);
await compare({
  name: 'a whole event proof (canonical hash + signed note + path) vs one Ed25519 checkpoint check',
  ours: {
    label: 'verifyEventProof',
    fn: () => {
      if (!verifyEventProof(bundle, { keys: [vkey] }).ok) throw new Error('bad proof');
    },
  },
  peer: {
    label: 'Ed25519 verify of the checkpoint note',
    fn: () => {
      if (!edVerify(null, message, verifier.publicKey, signature)) throw new Error('bad');
    },
  },
});

rmSync(dir, { recursive: true, force: true });
