import { expect, it } from 'vitest';
import {
  createAuditLog,
  proveConsistency,
  proveEvent,
  verifierKey,
  verify,
  verifyConsistencyProof,
  verifyEventProof,
} from '../src/index';
import { isBatchIntegrity, type SealedEvent, sealEvents } from '../src/internal/chain';
import { sealBatch } from '../src/internal/sealBatch';
import type { AuditStore } from '../src/store';
import { sampleEvent } from './fixtures';

/** How a test tampers with one kind of store, as an attacker with write access would. */
export interface Tamperer {
  modify(seq: number): Promise<void>;
  remove(seq: number): Promise<void>;
  /** Puts `forged` right after the event with seq `after`. */
  insertAfter(after: number, forged: SealedEvent): Promise<void>;
  swap(a: number, b: number): Promise<void>;
  /** Keeps only the first `keep` events. */
  truncate(keep: number): Promise<void>;
  /**
   * Replaces the events from `forged[0]`'s seq on with `forged`: a rewrite whose chain is
   * consistent (every hash and link recomputed), as someone with full write access can do.
   */
  rewriteFrom(forged: SealedEvent[]): Promise<void>;
}

export interface TamperSubject {
  store: AuditStore;
  tamper: Tamperer;
  /** A store to verify with (the same one, or a fresh reader over the same bytes). */
  reader(): Promise<AuditStore>;
  cleanup(): Promise<void>;
}

const N = 10;

/** The tamper matrix: modify, delete, insert, reorder, truncate; each caught at the right seq. */
export function tamperMatrix(open: () => Promise<TamperSubject>): void {
  async function subjectWithEvents() {
    const subject = await open();
    // The log signs a checkpoint at 5 (kept in the store) and at N, on close; the verifier holds
    // the one at N, received elsewhere (a sink), and the public key.
    const log = createAuditLog({
      app: { name: 'tamper-test' },
      store: subject.store,
      closeStore: false,
      signer: { privateKey: TAMPER_KEYS.privateKey, everyEvents: 5, everyMs: 0 },
    });
    const events: SealedEvent[] = [];
    for (let i = 1; i <= N; i++) events.push(await log.record(sampleEvent(i)));
    await log.close();
    const held = log.lastCheckpoint?.note as string;
    return { subject, events, held };
  }

  async function check(
    tamper: (t: Tamperer, events: SealedEvent[]) => Promise<void>,
    expected: { seq: number; reason: string } | undefined,
    trust: 'trusted' | 'unsigned' = 'trusted',
  ) {
    const { subject, events, held } = await subjectWithEvents();
    try {
      const last = events.at(-1) as SealedEvent;
      await tamper(subject.tamper, events);
      const reader = await subject.reader();
      const result = await verify(
        reader,
        trust === 'trusted'
          ? { publicKey: TAMPER_KEYS.publicKey, trusted: [held] }
          : { allowUnsigned: true },
      );
      if (expected === undefined) {
        expect(result).toMatchObject({ ok: true, count: N, problems: [] });
        if (trust === 'trusted') expect(result.headHash).toBe(last.integrity.hash);
      } else {
        expect(result.ok).toBe(false);
        expect(result.firstBad?.seq).toBe(expected.seq);
        expect(result.problems).toContainEqual(expect.objectContaining(expected));
      }
      if (reader !== subject.store) await reader.close();
    } finally {
      await subject.cleanup();
    }
  }

  /**
   * Events `from`..N re-sealed with a changed outcome, in the store's format: a log that is
   * consistent in itself (a chain for format 1; valid hashes in their places for format 2).
   */
  function forgeFrom(events: SealedEvent[], from: number): SealedEvent[] {
    const prev = events[from - 2] as SealedEvent;
    const unsealed = events.slice(from - 1).map(({ integrity: _i, ...e }) => ({
      ...e,
      outcome: 'denied' as const,
    }));
    if (isBatchIntegrity(prev.integrity)) {
      const { sealed } = sealBatch(unsealed);
      sealed.forEach((e, i) => {
        e.integrity.seq = from + i;
      });
      return sealed;
    }
    return sealEvents(unsealed, { seq: from - 1, hash: prev.integrity.hash }).sealed;
  }

  it('verifies an untouched chain', async () => {
    await check(async () => {}, undefined);
  });
  it('detects a modified event at its seq', async () => {
    await check((t) => t.modify(4), { seq: 4, reason: 'hash-mismatch' });
  });
  it('detects a deleted event at its seq', async () => {
    await check((t) => t.remove(4), { seq: 4, reason: 'missing' });
  });
  it('detects an inserted event (even one sealed with a valid hash) at its seq', async () => {
    await check(
      async (t, events) => {
        const fourth = events[3] as SealedEvent;
        const { integrity: _i, ...base } = fourth;
        const forged = sealEvents([{ ...base, id: '01900000-0000-7000-8000-000000000000' }], {
          seq: 4,
          hash: fourth.integrity.hash,
        }).sealed[0] as SealedEvent;
        await t.insertAfter(4, forged);
      },
      { seq: 5, reason: 'out-of-order' },
    );
  });
  it('detects reordered events at the first displaced seq', async () => {
    await check((t) => t.swap(4, 5), { seq: 4 } as { seq: number; reason: string });
  });
  it('detects truncation (or a rollback to a backup) with a held checkpoint', async () => {
    await check((t) => t.truncate(7), { seq: 8, reason: 'truncated' });
  });
  it('refuses a consistent rewrite against the held checkpoint (the chain alone passes it)', async () => {
    const rewrite = (t: Tamperer, events: SealedEvent[]) => t.rewriteFrom(forgeFrom(events, 4));
    await check(rewrite, undefined, 'unsigned');
    await check(rewrite, { seq: 5, reason: 'checkpoint-mismatch' });
  });
  it('refuses a rewrite that also drops events, as a rollback and truncation', async () => {
    await check((t, events) => t.rewriteFrom(forgeFrom(events, 4).slice(0, 3)), {
      seq: 5,
      reason: 'checkpoint-mismatch',
    });
  });
  it('ignores a checkpoint written into the store without a trusted key', async () => {
    const { subject, held } = await subjectWithEvents();
    try {
      const bogus = held.replace(/\n\n[\s\S]*$/, '\n\n\u2014 city-audit/default AAAAAAAAAAAA\n');
      await subject.store.appendCheckpoint({
        origin: 'city-audit/default',
        size: N,
        rootHash: '',
        note: bogus,
      });
      const reader = await subject.reader();
      const result = await verify(reader, { publicKey: TAMPER_KEYS.publicKey, trusted: [held] });
      expect(result).toMatchObject({ ok: true, count: N, checkpointsIgnored: 1 });
      if (reader !== subject.store) await reader.close();
    } finally {
      await subject.cleanup();
    }
  });
  it('proves every event and the consistency of its checkpoints to a verifier holding only the public key', async () => {
    const { subject, events, held } = await subjectWithEvents();
    try {
      const reader = await subject.reader();
      // What the third party holds: the verifier key and the proofs; nothing of the store.
      const keys = [verifierKey('city-audit/default', TAMPER_KEYS.publicKey)];
      for (const e of events) {
        const proof = JSON.parse(JSON.stringify(await proveEvent(reader, e.id)));
        expect(verifyEventProof(proof, { keys, origin: 'city-audit/default' })).toMatchObject({
          ok: true,
        });
        const forged = { ...proof, event: { ...proof.event, outcome: 'denied' } };
        expect(verifyEventProof(forged, { keys }).ok).toBe(false);
        const moved = { ...proof, leafIndex: (proof.leafIndex + 1) % N };
        expect(verifyEventProof(moved, { keys }).ok).toBe(false);
      }
      const notes = (await reader.checkpoints()).map((c) => (c as { note: string }).note);
      expect(notes).toHaveLength(2);
      const c = await proveConsistency(reader, notes[0] as string, held);
      expect(verifyConsistencyProof(c, { keys })).toMatchObject({ ok: true });
      expect(verifyConsistencyProof({ ...c, proof: c.proof.slice(1) }, { keys }).ok).toBe(false);
      if (reader !== subject.store) await reader.close();
    } finally {
      await subject.cleanup();
    }
  });
  it('reports every problem, not only the first', async () => {
    const { subject } = await subjectWithEvents();
    try {
      await subject.tamper.modify(2);
      await subject.tamper.modify(7);
      const reader = await subject.reader();
      const result = await verify(reader, { allowUnsigned: true });
      // (A SQL store also reports the outcome column left as it was: column-mismatch.)
      const hashes = result.problems.filter((p) => p.reason === 'hash-mismatch');
      expect(hashes.map((p) => [p.seq, p.reason])).toEqual([
        [2, 'hash-mismatch'],
        [7, 'hash-mismatch'],
      ]);
      if (reader !== subject.store) await reader.close();
    } finally {
      await subject.cleanup();
    }
  });
}

import { generateKeyPairSync } from 'node:crypto';

const pair = generateKeyPairSync('ed25519');
export const TAMPER_KEYS = { privateKey: pair.privateKey, publicKey: pair.publicKey };
