import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleEvent } from '../test/fixtures';
import { generateCheckpointKeys } from './checkpoint';
import { createAuditLog } from './createAuditLog';
import { jsonlStore } from './jsonlStore';
import { runCli } from './runCli';

// `city-audit verify --threads` on a file large enough (over 32 MiB) for the worker threads: events
// with a long note, so that takes fewer of them.
let dir: string;
let path: string;
let note: string;
const LONG = 'The request and what was done about it are recorded in the case. '.repeat(33);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-cli-threads-'));
  path = join(dir, 'audit.jsonl');
  const keys = generateCheckpointKeys();
  await writeFile(join(dir, 'pub.pem'), keys.publicKey);
  const log = createAuditLog({
    app: { name: 'cli-threads' },
    store: jsonlStore({ path, fsync: false }),
    batch: { maxSize: 2048, maxQueue: 20_000 },
    signer: { privateKey: keys.privateKey, everyEvents: 5000, everyMs: 0 },
  });
  await Promise.all(
    Array.from({ length: 16_000 }, (_, i) =>
      log.record(
        sampleEvent(i, { details: { n: i, note: `caller asked for an update. ${LONG}` } }),
      ),
    ),
  );
  await log.close();
  note = join(dir, 'held.note');
  await writeFile(note, log.lastCheckpoint?.note as string);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    progress: false,
  });
  return { code, stdout };
}

const args = (file: string) => [
  'verify',
  '--store',
  `jsonl:${file}`,
  '--public-key',
  join(dir, 'pub.pem'),
  '--trusted',
  note,
  '--json',
];

it('verify --threads 2 gives what --threads 1 gives, intact and tampered', {
  timeout: 120_000,
}, async () => {
  expect((await stat(path)).size).toBeGreaterThan(32 << 20);
  const one = await run(...args(path), '--threads', '1');
  const two = await run(...args(path), '--threads', '2');
  expect(one.code).toBe(0);
  expect(two).toEqual(one);
  expect(JSON.parse(two.stdout)).toMatchObject({ ok: true, count: 16_000 });

  const lines = (await readFile(path, 'utf8')).split('\n');
  lines[9000] = (lines[9000] as string).replace('caller asked', 'caller demanded');
  const tampered = join(dir, 'tampered.jsonl');
  await writeFile(tampered, lines.join('\n'));
  await writeFile(`${tampered}.checkpoints`, await readFile(`${path}.checkpoints`));
  const bad1 = await run(...args(tampered), '--threads', '1');
  const bad2 = await run(...args(tampered), '--threads', '2');
  expect(bad2.code).toBe(1);
  expect(bad2).toEqual(bad1);
  expect(JSON.parse(bad2.stdout).problems[0]).toMatchObject({
    seq: 9001,
    reason: 'hash-mismatch',
    line: 9001,
  });
});

it('verify --threads refuses a count that is not a whole number >= 1 (exit 2)', async () => {
  const r = await run(...args(path), '--threads', '0');
  expect(r.code).toBe(2);
});
