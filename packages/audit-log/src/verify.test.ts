import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../test/fixtures';
import type { CheckpointSigner } from './checkpoint';
import { createAuditLog } from './createAuditLog';
import { memoryStore } from './memoryStore';
import { signCheckpointNote } from './note/checkpointNote';
import { signNote, verifierKey } from './note/signedNote';
import { verify } from './verify';

const key = () => generateKeyPairSync('ed25519');

async function signedLog(signer: CheckpointSigner) {
  const store = memoryStore({ chainId: 'permits' });
  const log = createAuditLog({ app: { name: 'permits' }, store, signer });
  for (let i = 0; i < 6; i++) await log.record(sampleEvent(i));
  await log.close();
  return { store, held: log.lastCheckpoint?.note as string };
}

describe('verify: trust', () => {
  it('refuses to run without a trusted key and a trusted checkpoint (TRUST_REQUIRED)', async () => {
    const k = key();
    const { store, held } = await signedLog({ privateKey: k.privateKey });
    await expect(verify(store)).rejects.toMatchObject({ code: 'TRUST_REQUIRED' });
    await expect(verify(store, { publicKey: k.publicKey })).rejects.toMatchObject({
      code: 'TRUST_REQUIRED',
    });
    await expect(verify(store, { trusted: [held] })).rejects.toMatchObject({
      code: 'TRUST_REQUIRED',
    });
    expect(await verify(store, { publicKey: k.publicKey, trusted: [held] })).toMatchObject({
      ok: true,
      count: 6,
    });
  });

  it('a malformed trusted checkpoint, even one the key signed, fails verification', async () => {
    const k = key();
    const { store } = await signedLog({ privateKey: k.privateKey });
    const root = Buffer.alloc(32).toString('base64');
    for (const text of [
      `city-audit/permits\nNaN\n${root}\n`,
      `city-audit/permits\n6\nnot-base64\n`,
    ]) {
      const note = signNote(text, [{ name: 'city-audit/permits', privateKey: k.privateKey }]);
      const r = await verify(store, { publicKey: k.publicKey, trusted: [note] });
      expect(r.ok).toBe(false);
      expect(r.firstBad).toMatchObject({ reason: 'bad-signature' });
      expect(r.firstBad?.message).toMatch(/unusable/);
    }
  });

  it("refuses another log's checkpoint (origin) and one signed by an untrusted key", async () => {
    const k = key();
    const { store } = await signedLog({ privateKey: k.privateKey });
    const other = signCheckpointNote(
      { origin: 'city-audit/other', size: 6, rootHash: Buffer.alloc(32).toString('base64') },
      [{ name: 'city-audit/other', privateKey: k.privateKey }],
    );
    const r = await verify(store, {
      keys: [verifierKey('city-audit/other', k.publicKey)],
      publicKey: k.publicKey,
      trusted: [other],
    });
    expect(r.firstBad).toMatchObject({ reason: 'origin-mismatch' });
    const stranger = key();
    const { held: foreign } = await signedLog({ privateKey: stranger.privateKey });
    const s = await verify(store, { publicKey: k.publicKey, trusted: [foreign] });
    expect(s.firstBad).toMatchObject({ reason: 'bad-signature' });
  });

  it('key rotation: old and new keys both sign; a verifier trusting either one passes', async () => {
    const oldKey = key();
    const newKey = key();
    const { store, held } = await signedLog({
      privateKey: oldKey.privateKey,
      origin: 'boston.gov/audit/permits',
      alsoSignWith: [{ name: 'boston.gov/audit/permits-2027', privateKey: newKey.privateKey }],
    });
    const opts = { origin: 'boston.gov/audit/permits', trusted: [held] };
    const withOld = await verify(store, {
      ...opts,
      keys: [verifierKey('boston.gov/audit/permits', oldKey.publicKey)],
    });
    const withNew = await verify(store, {
      ...opts,
      keys: [verifierKey('boston.gov/audit/permits-2027', newKey.publicKey)],
    });
    expect(withOld).toMatchObject({ ok: true, count: 6 });
    expect(withNew).toMatchObject({ ok: true, count: 6 });
    expect(withNew.checkpointsChecked).toBeGreaterThan(0);
  });

  it('stops at maxProblems and says there were more', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'p' }, store });
    for (let i = 0; i < 6; i++) await log.record(sampleEvent(i));
    await log.close();
    for (const e of store.events) e.outcome = 'denied';
    const r = await verify(store, { allowUnsigned: true, maxProblems: 3 });
    expect(r.problems).toHaveLength(3);
    expect(r.moreProblems).toBe(true);
  });
});
