import { expect, it } from 'vitest';
import { createAuditLog, signCheckpoint, verify } from '../src/index';
import { type SealedEvent, sealEvents } from '../src/internal/chain';
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
    const log = createAuditLog({
      app: { name: 'tamper-test' },
      store: subject.store,
      closeStore: false,
    });
    const events: SealedEvent[] = [];
    for (let i = 1; i <= N; i++) events.push(await log.record(sampleEvent(i)));
    await log.close();
    return { subject, events };
  }

  async function check(
    tamper: (t: Tamperer, events: SealedEvent[]) => Promise<void>,
    expected: { seq: number; reason: string } | undefined,
    withCheckpoint = false,
  ) {
    const { subject, events } = await subjectWithEvents();
    try {
      const last = events.at(-1) as SealedEvent;
      const held = signCheckpoint(
        { chainId: subject.store.chainId, size: last.integrity.seq, headHash: last.integrity.hash },
        TAMPER_KEYS.privateKey,
      );
      await tamper(subject.tamper, events);
      const reader = await subject.reader();
      const result = await verify(reader, {
        publicKey: TAMPER_KEYS.publicKey,
        ...(withCheckpoint ? { checkpoints: [held] } : {}),
      });
      if (expected === undefined) {
        expect(result).toMatchObject({ ok: true, count: N, headHash: last.integrity.hash });
      } else {
        expect(result.ok).toBe(false);
        expect(result.firstBad).toMatchObject(expected);
      }
      if (reader !== subject.store) await reader.close();
    } finally {
      await subject.cleanup();
    }
  }

  it('verifies an untouched chain', async () => {
    await check(async () => {}, undefined, true);
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
  it('detects truncation of the newest events with a held checkpoint', async () => {
    await check((t) => t.truncate(7), { seq: 8, reason: 'truncated' }, true);
  });
}

import { generateKeyPairSync } from 'node:crypto';

const pair = generateKeyPairSync('ed25519');
export const TAMPER_KEYS = { privateKey: pair.privateKey, publicKey: pair.publicKey };
