// record() throughput with hashing and redaction, to every store, side by side with pino writing
// the same events to a file with `sync: true` (and with redact paths); verify() throughput over
// events in memory and over a JSONL file; and the latency of a single record().
// Run: npm run bench -w @cityofboston/audit-log

import { createHash } from 'node:crypto';
import { fsyncSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { compare } from '../../../bench/harness';
import {
  type AuditStore,
  createAuditLog,
  memoryStore,
  type RecordInput,
  verify,
} from '../src/index';
import { jsonlStore, pgliteStore, postgresStore } from '../src/node';

const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
const BATCH = 256;
// The goal rows alternate the two sides in rounds: this machine's disk latency drifts from second
// to second, and each fsync'd batch waits for it while pino never does.
const ROUNDS = { time: 2500, rounds: 5 } as const;

function event(n: number): RecordInput {
  return {
    actor: { type: 'user', id: `u-${n % 50}`, department: 'PWD', roles: ['caseworker'] },
    action: 'case.view',
    target: { type: 'ServiceRequest', id: `1010055${n % 10_000}`, classification: 'confidential' },
    outcome: 'success',
    purpose: 'case-management',
    source: { ip: '10.20.30.40', userAgent: 'Mozilla/5.0' },
    details: { queue: 'PWD_Street Lights', note: 'caller at 617-555-0199 asked for an update', n },
  };
}
const events = Array.from({ length: BATCH }, (_, i) => event(i));

let fileNo = 0;
function pinoSync(redact: boolean) {
  const dest = pino.destination({ dest: join(dir, `pino-${fileNo++}.log`), sync: true });
  const logger = pino(
    redact
      ? { redact: { paths: ['details.note', 'source.ip', 'actor.name'], censor: '[redacted]' } }
      : {},
    dest,
  );
  return {
    label: `pino sync file${redact ? ' + redact' : ''}`,
    fn: () => {
      for (const e of events) logger.info(e);
    },
  };
}

/** pino with `sync: true` and an fsync of its file after every 256 lines: our durability. */
function pinoSyncFsync() {
  const dest = pino.destination({ dest: join(dir, `pino-${fileNo++}.log`), sync: true });
  const logger = pino({}, dest);
  return {
    label: 'pino sync file + fsync per 256 lines',
    fn: () => {
      for (const e of events) logger.info(e);
      fsyncSync((dest as unknown as { fd: number }).fd);
    },
  };
}

function ours(label: string, store: AuditStore) {
  const log = createAuditLog({ app: { name: 'bench' }, store, closeStore: false });
  return {
    log,
    contender: { label, fn: () => Promise.all(events.map((e) => log.record(e))) },
  };
}

const memory = ours('record → memory', memoryStore());
await compare({
  name: 'record to memory (hash + redact) vs pino sync file',
  ours: memory.contender,
  peer: pinoSync(false),
  itemsPerOp: BATCH,
});

const jsonl = ours(
  'record → JSONL (fsync per batch)',
  jsonlStore({ path: join(dir, 'audit.jsonl') }),
);
await compare({
  name: 'record to JSONL, fsync per batch of 256, vs pino sync file with an fsync per 256 lines (the same durability)',
  ours: jsonl.contender,
  peer: pinoSyncFsync(),
  itemsPerOp: BATCH,
  goal: 'ratio >= 0.8',
  ...ROUNDS,
});
await compare({
  name: 'record to JSONL, fsync per batch, vs pino sync file',
  ours: jsonl.contender,
  peer: pinoSync(false),
  itemsPerOp: BATCH,
  goal: 'ratio >= 0.5',
  ...ROUNDS,
});
await compare({
  name: 'record to JSONL, fsync per batch, vs pino sync file with redact paths',
  ours: jsonl.contender,
  peer: pinoSync(true),
  itemsPerOp: BATCH,
  goal: 'ratio >= 0.5',
  ...ROUNDS,
});

// The same without the fsync (a throwaway log): what the durability itself costs per batch.
const unsynced = ours(
  'record → JSONL (no fsync)',
  jsonlStore({ path: join(dir, 'unsynced.jsonl'), fsync: false }),
);
await compare({
  name: 'record to JSONL without fsync vs pino sync file (what the fsync costs)',
  ours: unsynced.contender,
  peer: pinoSync(false),
  itemsPerOp: BATCH,
  ...ROUNDS,
});

const single = ours('one record() → JSONL', jsonlStore({ path: join(dir, 'single.jsonl') }));
const onePino = pino.destination({ dest: join(dir, 'pino-one.log'), sync: true });
const onePinoLogger = pino({}, onePino);
let k = 0;
await compare({
  name: 'latency of one record() to JSONL (fsync) vs one pino sync write',
  ours: { label: single.contender.label, fn: () => single.log.record(event(k++)) },
  peer: { label: 'one pino sync write', fn: () => onePinoLogger.info(event(k++)) },
  itemsPerOp: 1,
});

const pgl = ours('record → PGlite', pgliteStore({ dataDir: join(dir, 'pglite') }));
await pgl.log.record(event(0)); // open and migrate outside the measurement
await compare({
  name: 'record to PGlite vs pino sync file',
  ours: pgl.contender,
  peer: pinoSync(false),
  itemsPerOp: BATCH,
});

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `audit_bench_${process.pid}`;
const pgStore = postgresStore({ connectionString: url, schema });
let pgOk = true;
try {
  await pgStore.head();
} catch (error) {
  pgOk = false;
  console.log(
    `PostgreSQL at ${url} not reachable; skipping its benchmark (${(error as Error).message})`,
  );
}
if (pgOk) {
  const pgLog = ours('record → PostgreSQL', pgStore);
  await compare({
    name: 'record to PostgreSQL (batched) vs pino sync file',
    ours: pgLog.contender,
    peer: pinoSync(false),
    itemsPerOp: BATCH,
    goal: 'ours >= 10,000 events/s',
  });
  await pgLog.log.flush();
}

// verify: a 20,000-event chain, against hashing the same lines without canonicalization.
const VERIFY_N = 20_000;
const chain = memoryStore();
const chainLog = createAuditLog({ app: { name: 'bench' }, store: chain, closeStore: false });
for (let i = 0; i < VERIFY_N; i += BATCH) {
  await Promise.all(
    Array.from({ length: Math.min(BATCH, VERIFY_N - i) }, (_, j) => chainLog.record(event(i + j))),
  );
}
const lines = chain.events.map((e) => JSON.stringify(e));
await compare({
  name: 'verify a 20,000-event chain in memory vs bare SHA-256 of the same lines',
  ours: {
    label: 'verify events (canonicalize + SHA-256 + links)',
    fn: async () => {
      const r = await verify(chain.events);
      if (!r.ok) throw new Error('chain did not verify');
    },
  },
  peer: {
    label: 'JSON.parse + SHA-256 per line',
    fn: () => {
      for (const line of lines) {
        JSON.parse(line);
        createHash('sha256').update(line).digest('hex');
      }
    },
  },
  itemsPerOp: VERIFY_N,
});

// The same chain as a JSONL file: verify reads it, checks every line is canonical and hashes the
// stored text; the peer reads the same file and parses and hashes every line, checking nothing.
const chainPath = join(dir, 'chain.jsonl');
const fileLog = createAuditLog({
  app: { name: 'bench' },
  store: jsonlStore({ path: chainPath, fsync: false }),
});
for (let i = 0; i < VERIFY_N; i += BATCH) {
  await Promise.all(
    Array.from({ length: Math.min(BATCH, VERIFY_N - i) }, (_, j) => fileLog.record(event(i + j))),
  );
}
await fileLog.close();
await compare({
  name: 'verify a 20,000-event JSONL file vs reading it with JSON.parse + SHA-256 per line',
  ours: {
    label: 'verify JSONL (canonical check + SHA-256 + links)',
    fn: async () => {
      const store = jsonlStore({ path: chainPath });
      const r = await verify(store);
      await store.close();
      if (!r.ok || r.count !== VERIFY_N) throw new Error('chain did not verify');
    },
  },
  peer: {
    label: 'readFile + JSON.parse + SHA-256 per line',
    fn: async () => {
      for (const line of (await readFile(chainPath, 'utf8')).split('\n')) {
        if (!line) continue;
        JSON.parse(line);
        createHash('sha256').update(line).digest('hex');
      }
    },
  },
  itemsPerOp: VERIFY_N,
  goal: 'ours >= 200,000 events/s',
  ...ROUNDS,
});

if (pgOk) {
  const c = await (
    pgStore as unknown as { client(): Promise<{ exec(s: string): Promise<void> }> }
  ).client();
  await c.exec(`DROP SCHEMA "${schema}" CASCADE`);
}
for (const s of [memory, jsonl, unsynced, single, pgl]) await s.log.close();
await pgStore.close();
rmSync(dir, { recursive: true, force: true });
