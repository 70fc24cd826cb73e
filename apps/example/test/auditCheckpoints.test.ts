// The checkpoints the Case Desk's audit log signs leave the store for a folder, and the verifier
// trusts what is there: a store rewritten after a checkpoint was exported fails verification.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAuditLog,
  generateCheckpointKeys,
  memoryStore,
  verifierKey,
  verify,
} from '@cityofboston/audit-log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditCheckpoints } from '../src/server/audit/AuditCheckpoints';

const APP = { name: '311-case-desk', version: 'test', department: 'PWD' };
const ORIGIN = 'boston.gov/audit/311-case-desk/checkpoints-test';
const KEYS = generateCheckpointKeys();
const event = (n: number) => ({
  actor: { type: 'user' as const, id: 'u-auditor' },
  action: 'audit.read',
  target: { type: 'AuditLog', id: `page-${n}` },
  outcome: 'success' as const,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'case-desk-checkpoints-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['a folder', true],
  ['memory', false],
])('exported checkpoints in %s', (_name, onDisk) => {
  it('hands back the newest exported checkpoint, which verifies the log, and remembers it', async () => {
    const exported = new AuditCheckpoints(onDisk ? dir : undefined);
    const store = memoryStore();
    const log = createAuditLog({
      app: APP,
      store,
      closeStore: false,
      signer: { privateKey: KEYS.privateKey, origin: ORIGIN },
      sinks: [exported.sink],
    });
    expect(await exported.latest()).toBeUndefined();
    for (let n = 1; n <= 3; n++) await log.record(event(n));
    const signed = await log.checkpoint();
    const latest = await exported.latest();
    expect(latest).toBe(signed?.note);
    if (onDisk) expect(await readFile(join(dir, 'latest.checkpoint'), 'utf8')).toBe(latest);

    const keys = [verifierKey(ORIGIN, KEYS.publicKey)];
    const result = await verify(store, { keys, trusted: [latest ?? ''], origin: ORIGIN });
    expect(result).toMatchObject({ ok: true, count: 3 });
    if (result.latestCheckpoint) await exported.verified.save(result.latestCheckpoint);
    expect(await exported.verified.load()).toBe(latest);

    // A store rewritten from scratch is consistent in itself, but not with what was exported.
    const rewritten = memoryStore();
    const forged = createAuditLog({ app: APP, store: rewritten, closeStore: false });
    for (let n = 1; n <= 3; n++) await forged.record(event(n + 10));
    const check = await verify(rewritten, {
      keys,
      trusted: [latest ?? '', (await exported.verified.load()) ?? ''],
      origin: ORIGIN,
    });
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.reason)).toContain('checkpoint-mismatch');
    await forged.close();
    await log.close();
  });
});
