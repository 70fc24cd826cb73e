import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAMPER_KEYS } from '../../test/tamperMatrix';
import { createAuditLog } from '../createAuditLog';
import { isAuditLogError } from '../errors';
import { canonicalize } from '../internal/canonical';
import { GENESIS_HASH, hashEvent } from '../internal/chain';
import { hashBatchEvent } from '../internal/sealBatch';
import { jsonlStore } from '../jsonlStore';
import { verifierKey } from '../note/signedNote';
import { type VerifyOptions, type VerifyResult, verify } from '../verify';
import { LINE_TUNING, type LineTuning } from './verifyLineFile';

// The parallel path must give exactly what one thread gives: same ok, count, roots, problems
// (reasons, messages, line numbers). Chunks of 2,000 bytes hold about 4 lines, so every tamper
// below sits near a chunk boundary, and a sweep puts one on each side of several boundaries.

const dir = mkdtempSync(join(tmpdir(), 'verify-lines-'));
const vkey = verifierKey('city-audit/default', TAMPER_KEYS.publicKey);
const N = 600;
let held: string;
let lines: string[];
let basePath: string;

function event(n: number) {
  return {
    actor: { type: 'user' as const, id: `u-${n % 7}`, department: 'PWD', roles: ['caseworker'] },
    action: n % 3 === 0 ? 'case.update' : 'case.view',
    target: { type: 'case', id: `BCS-${1000 + (n % 11)}` },
    outcome: 'success' as const,
    purpose: 'service-delivery',
    // Some lines are not ASCII, and some have a key with an escape (the fast scanner leaves
    // those to the per-event path): both must verify the same in workers.
    details: {
      n,
      note: n % 5 === 0 ? 'vecino José Núñez, calle 🌳' : 'routine check',
      ...(n % 13 === 0 ? { 'quoted "key"': true } : {}),
    },
  };
}

async function writeLog(path: string, count: number, offset = 0): Promise<string> {
  const log = createAuditLog({
    app: { name: 'verify-lines' },
    store: jsonlStore({ path, fsync: false }),
    signer: { privateKey: TAMPER_KEYS.privateKey, everyEvents: 100, everyMs: 0 },
  });
  await Promise.all(Array.from({ length: count }, (_, i) => log.record(event(i + offset))));
  await log.close();
  return log.lastCheckpoint?.note as string;
}

beforeAll(async () => {
  basePath = join(dir, 'base.jsonl');
  held = await writeLog(basePath, N);
  lines = readFileSync(basePath, 'utf8').split('\n').slice(0, -1);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** A copy of the log (with its checkpoints) whose lines are `text`. */
function variant(text: string): string {
  const path = join(dir, `v${files++}.jsonl`);
  writeFileSync(path, text);
  writeFileSync(`${path}.checkpoints`, readFileSync(`${basePath}.checkpoints`));
  return path;
}

const tuning = (extra: LineTuning = {}): LineTuning => ({
  chunkBytes: 2000,
  minFileBytes: 0,
  ...extra,
});

async function verifyWith(
  path: string,
  threads: number,
  options: VerifyOptions,
  t: LineTuning,
): Promise<VerifyResult> {
  const store = jsonlStore({ path });
  try {
    return await verify(store, {
      keys: [vkey],
      trusted: [held],
      ...options,
      threads,
      [LINE_TUNING]: t,
    } as VerifyOptions);
  } finally {
    await store.close();
  }
}

/** Verifies with 1, 2 and 4 threads; all must agree, and the workers must have run. */
async function agree(path: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const one = await verifyWith(path, 1, options, tuning());
  for (const threads of [2, 4]) {
    const stats = { chunks: 0 };
    const many = await verifyWith(path, threads, options, tuning({ stats }));
    expect(stats.chunks).toBeGreaterThan(0);
    expect(many).toEqual(one);
  }
  return one;
}

describe('verify in worker threads agrees with one thread', () => {
  it('on a log with no problem (ASCII and non-ASCII lines, keys with escapes)', async () => {
    const stats = { chunks: 0 };
    const r = await verifyWith(basePath, 2, {}, tuning({ stats }));
    expect(stats.chunks).toBeGreaterThan(100);
    expect(r.ok).toBe(true);
    expect(r.count).toBe(N);
    expect(r.checkpointsChecked).toBeGreaterThan(1);
    expect(await agree(basePath)).toEqual(r);
  });

  it('on a modified event', async () => {
    const copy = [...lines];
    copy[101] = (copy[101] as string).replace('routine check', 'routine cheque');
    const r = await agree(variant(`${copy.join('\n')}\n`));
    expect(r.problems).toEqual([
      expect.objectContaining({ seq: 102, reason: 'hash-mismatch', line: 102 }),
    ]);
  });

  it('on a deleted line', async () => {
    const copy = lines.filter((_, i) => i !== 200);
    const r = await agree(variant(`${copy.join('\n')}\n`));
    expect(r.problems.map((p) => p.reason)).toContain('missing');
    expect(r.problems[0]).toMatchObject({ seq: 201, line: 201 });
  });

  it('on a reordered pair', async () => {
    const copy = [...lines];
    [copy[300], copy[301]] = [copy[301] as string, copy[300] as string];
    const r = await agree(variant(`${copy.join('\n')}\n`));
    expect(r.problems.map((p) => p.reason)).toEqual(
      expect.arrayContaining(['missing', 'out-of-order']),
    );
  });

  it('on a truncated last line (a torn write is not part of the log)', async () => {
    const text = `${lines.join('\n')}\n`;
    const r = await agree(variant(text.slice(0, text.length - 100)));
    expect(r.count).toBe(N - 1);
    expect(r.problems.at(-1)).toMatchObject({ reason: 'truncated' });
  });

  it('on a non-canonical line and a line that is not JSON', async () => {
    const copy = [...lines];
    copy[400] = (copy[400] as string).replace('{"action"', '{ "action"');
    copy.splice(450, 0, 'not json at all');
    const r = await agree(variant(`${copy.join('\n')}\n`));
    expect(r.problems[0]).toMatchObject({ seq: 401, reason: 'malformed', line: 401 });
    expect(r.problems[0]?.message).toContain('canonical');
    expect(r.problems[1]).toMatchObject({ reason: 'malformed', line: 451 });
    expect(r.problems[1]?.message).toContain('not JSON');
  });

  it('on a consistent rewrite that a trusted checkpoint refuses', async () => {
    const path = join(dir, 'rewritten.jsonl');
    await writeLog(path, N, 7);
    const r = await agree(path);
    expect(r.ok).toBe(false);
    expect(r.problems.every((p) => p.reason === 'checkpoint-mismatch')).toBe(true);
  });

  it('on problems on each side of chunk boundaries (swapped pairs, several chunk sizes)', async () => {
    const copy = [...lines];
    for (const k of [50, 53, 56, 59, 62]) {
      [copy[k], copy[k + 1]] = [copy[k + 1] as string, copy[k] as string];
    }
    const path = variant(`${copy.join('\n')}\n`);
    const one = await verifyWith(path, 1, {}, tuning());
    expect(one.problems.filter((p) => p.reason === 'missing').map((p) => p.line)).toEqual([
      51, 54, 57, 60, 63,
    ]);
    // Lines are about 470 bytes: each size puts the boundaries between other lines.
    for (const chunkBytes of [1500, 1700, 1900, 2100, 2300]) {
      const stats = { chunks: 0 };
      expect(await verifyWith(path, 2, {}, tuning({ chunkBytes, stats }))).toEqual(one);
      expect(stats.chunks).toBeGreaterThan(100);
    }
  });

  it('with lines longer than a chunk (the read buffer grows), and blank lines between events', async () => {
    const path = variant(`${lines.slice(0, 40).join('\n\n')}\n`);
    const one = await verifyWith(path, 1, { allowUnsigned: true }, tuning());
    const stats = { chunks: 0 };
    const many = await verifyWith(
      path,
      2,
      { allowUnsigned: true },
      tuning({ chunkBytes: 300, stats }),
    );
    expect(stats.chunks).toBeGreaterThan(10);
    expect(many).toEqual(one);
    expect(one).toMatchObject({ ok: false, count: 40 }); // the store's checkpoints cover 600
    expect(one.problems.at(-1)).toMatchObject({ reason: 'truncated' });
  });

  it('on an empty file', async () => {
    const path = variant('');
    expect(await verifyWith(path, 2, {}, tuning())).toEqual(
      await verifyWith(path, 1, {}, tuning()),
    );
  });

  it('when maxProblems stops the walk, and in the progress it reports', async () => {
    const copy = lines.map((l, i) => (i % 10 === 3 ? l.replace('routine check', 'edited') : l));
    const path = variant(`${copy.join('\n')}\n`);
    const r = await agree(path, { maxProblems: 5 });
    expect(r.problems).toHaveLength(5);
    expect(r.moreProblems).toBe(true);
    const seen: Record<number, number[]> = { 1: [], 2: [] };
    for (const threads of [1, 2]) {
      await verifyWith(
        path,
        threads,
        { progressEvery: 50, onProgress: (n) => seen[threads]?.push(n) },
        tuning(),
      );
    }
    expect(seen[1]).toHaveLength(N / 50);
    expect(seen[2]).toEqual(seen[1]);
  });
});

describe('a worker that fails', () => {
  for (const [what, file] of [
    ['cannot start', new URL('../../test/noSuchLineWorker.mjs', import.meta.url)],
    ['throws', new URL('../../test/throwingLineWorker.mjs', import.meta.url)],
    ['exits', new URL('../../test/exitingLineWorker.mjs', import.meta.url)],
  ] as const) {
    it(`${what}: verify rejects with VERIFY_WORKER_FAILED, never ok`, async () => {
      const error = await verifyWith(basePath, 2, {}, tuning({ workerFile: file })).catch(
        (e: unknown) => e,
      );
      expect(isAuditLogError(error, 'VERIFY_WORKER_FAILED')).toBe(true);
      expect((error as Error).message).toContain('threads: 1');
    });
  }
});

describe('threads', () => {
  it('refuses a count that is not a whole number >= 1', async () => {
    for (const threads of [0, 1.5, Number.NaN]) {
      const error = await verifyWith(basePath, threads, {}, tuning()).catch((e: unknown) => e);
      expect(isAuditLogError(error, 'INVALID_OPTIONS')).toBe(true);
    }
  });

  it('a small file stays in this thread', async () => {
    const stats = { chunks: 0 };
    const r = await verifyWith(basePath, 2, {}, { stats });
    expect(r.ok).toBe(true);
    expect(stats.chunks).toBe(0);
  });
});

// The README promises the same result whichever path reads the log: events given as objects,
// a JSONL file in one thread (the canonical line scan, and parse for the lines it refuses), and
// the same file in worker threads. Each case below is run on all three.
describe('events, JSONL lines and JSONL lines in workers report the same problems', () => {
  type Spec = { format?: 2; prevHash?: string; text?: (line: string) => string };

  /** Canonical lines of events sealed as `specs` say (format 1 links to the claimed hash before). */
  function sealed(specs: Spec[]): string[] {
    let prev = GENESIS_HASH;
    return specs.map((spec, i) => {
      const seq = i + 1;
      const e: Record<string, unknown> = {
        action: 'case.view',
        actor: { id: `u-${seq}`, type: 'user' },
        details: { n: seq },
        id: `01a24953-0f12-72d3-b4b5-a05a2c9a4${String(seq).padStart(3, '0')}`,
        outcome: 'success',
        time: '2026-01-01T00:00:00.000Z',
      };
      if (spec.format === 2) {
        prev = hashBatchEvent(e as never);
        e.integrity = { format: 2, hash: prev, seq };
      } else {
        const prevHash = spec.prevHash ?? prev;
        prev = hashEvent(e as never, seq, prevHash);
        e.integrity = { hash: prev, prevHash, seq };
      }
      const line = canonicalize(e);
      return spec.text ? spec.text(line) : line;
    });
  }

  /** Verifies the file alone (no checkpoint: this log has none), in `threads` threads. */
  async function unsigned(path: string, threads: number, t: LineTuning): Promise<VerifyResult> {
    const store = jsonlStore({ path });
    try {
      return await verify(store, {
        allowUnsigned: true,
        threads,
        [LINE_TUNING]: t,
      } as VerifyOptions);
    } finally {
      await store.close();
    }
  }

  /** The three results; the file paths must agree exactly (line numbers too). */
  async function threePaths(eventLines: string[]) {
    const objects = await verify(
      eventLines.map((l) => JSON.parse(l)),
      { allowUnsigned: true },
    );
    const path = join(dir, `paths${files++}.jsonl`);
    writeFileSync(path, `${eventLines.join('\n')}\n`);
    const oneThread = await unsigned(path, 1, tuning());
    // One line per chunk (links across chunks) and one chunk for all (links inside a chunk).
    for (const chunkBytes of [200, 1 << 16]) {
      const stats = { chunks: 0 };
      const inWorkers = await unsigned(path, 2, tuning({ chunkBytes, stats }));
      expect(stats.chunks).toBeGreaterThan(0);
      expect(inWorkers).toEqual(oneThread);
    }
    return { objects, oneThread };
  }

  const afterFormat2 = (seq: number) =>
    `event ${seq} is in format 1 after events in format 2 (a log never goes back to format 1)`;

  it('a format-1 event after format 2 is malformed (linked to it or not)', async () => {
    // Event 3 names event 2's hash as its prevHash, so its link holds: only the format is wrong.
    // Event 4 follows it in the same chunk, and event 5 names no predecessor at all.
    const lines = sealed([{}, { format: 2 }, {}, {}, { prevHash: 'f'.repeat(64) }]);
    const { objects, oneThread } = await threePaths(lines);
    const want = [3, 4, 5].map((seq) => ({ seq, reason: 'malformed', message: afterFormat2(seq) }));
    expect(objects).toMatchObject({ ok: false, count: 5 });
    expect(objects.problems).toEqual(want);
    expect(oneThread).toMatchObject({ ok: false, count: 5, headHash: objects.headHash });
    expect(oneThread.rootHash).toBe(objects.rootHash);
    expect(oneThread.problems).toEqual(
      want.map((p) => ({ ...p, message: `${p.message} (line ${p.seq})`, line: p.seq })),
    );
  });

  it('a format-1 event after format 2 whose hash does not match: both problems, in order', async () => {
    const lines = sealed([{ format: 2 }, { text: (l) => l.replace('"n":2', '"n":22') }]);
    const { objects, oneThread } = await threePaths(lines);
    const want = [
      { seq: 2, reason: 'hash-mismatch', message: 'event 2 does not match its hash (modified)' },
      { seq: 2, reason: 'malformed', message: afterFormat2(2) },
    ];
    expect(objects.problems).toEqual(want);
    expect(oneThread.problems).toEqual(
      want.map((p) => ({ ...p, message: `${p.message} (line 2)`, line: 2 })),
    );
  });

  it('an event nested too deeply to canonicalize is malformed (the line paths do not throw)', async () => {
    const deep = `${'['.repeat(205)}${']'.repeat(205)}`;
    const lines = sealed([{ text: (l) => l.replace('"n":1', `"n":${deep}`) }, {}]);
    const { objects, oneThread } = await threePaths(lines);
    const want = {
      seq: 1,
      reason: 'malformed',
      message: 'event 1 cannot be canonicalized: value nested too deeply (or circular)',
    };
    expect(objects.problems).toEqual([want]);
    expect(oneThread.problems).toEqual([{ ...want, message: `${want.message} (line 1)`, line: 1 }]);
  });
});
