import { describe, expect, it, vi } from 'vitest';
import { PLANTED, plantedDetails, sampleEvent, UNSIGNED } from '../test/fixtures';
import { generateCheckpointKeys } from './checkpoint';
import { createAuditLog, createEventId } from './createAuditLog';
import { AuditLogError } from './errors';
import { type ChainIntegrity, sealEvents } from './internal/chain';
import { UUIDV7_PATTERN } from './internal/uuidv7';
import { memoryStore } from './memoryStore';
import { openCheckpoint, type SignedCheckpoint } from './note/checkpointNote';
import { parseVerifierKey, toVerifier, verifierKey } from './note/signedNote';
import type { AuditStore } from './store';
import { verify } from './verify';

const app = { name: 'case-desk', department: 'DoIT' };

/** A memory store that counts writes and can be switched off. */
function instrumented(failures = 0) {
  const inner = memoryStore();
  let remainingFailures = failures;
  const stats = { writes: 0, attempts: 0 };
  const store: AuditStore = {
    ...inner,
    kind: 'instrumented',
    chainId: inner.chainId,
    async append(events) {
      stats.attempts += 1;
      if (remainingFailures > 0) {
        remainingFailures -= 1;
        throw new Error('disk unplugged');
      }
      stats.writes += 1;
      return inner.append(events);
    },
  };
  return { store, inner, stats };
}

describe('createAuditLog', () => {
  it('assigns a UUIDv7 id, an RFC 3339 time, a seq and a chained hash', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app, store });
    const a = await log.record(sampleEvent(1));
    const b = await log.record(sampleEvent(2));
    expect(a.id).toMatch(UUIDV7_PATTERN);
    expect(new Date(a.time).toISOString()).toBe(a.time);
    expect(a.integrity.seq).toBe(1);
    expect(b.integrity.seq).toBe(2);
    expect((b.integrity as ChainIntegrity).prevHash).toBe(a.integrity.hash);
    expect(a.app).toEqual(app);
    expect((await verify(store, UNSIGNED)).ok).toBe(true);
    await log.close();
  });

  it('group commit: 200 concurrent records share a handful of writes', async () => {
    const { store, stats, inner } = instrumented();
    const log = createAuditLog({ app, store });
    const events = await Promise.all(
      Array.from({ length: 200 }, (_, i) => log.record(sampleEvent(i))),
    );
    expect(stats.writes).toBeLessThanOrEqual(2);
    expect(events.map((e) => e.integrity.seq)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect(inner.events).toHaveLength(200);
    await log.close();
  });

  it('rejects an invalid event with INVALID_EVENT and the path of the problem', async () => {
    const log = createAuditLog({ app, store: memoryStore() });
    const error = await log
      .record({ ...sampleEvent(1), outcome: 'maybe' as 'success' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditLogError);
    expect((error as AuditLogError).code).toBe('INVALID_EVENT');
    expect((error as AuditLogError).issues[0]?.path).toEqual(['outcome']);
    await log.close();
  });

  it('takes a caller-kept id as the idempotency key: a retry returns the stored event', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app, store });
    const id = createEventId();
    expect(id).toMatch(UUIDV7_PATTERN);
    const first = await log.record(sampleEvent(1), { id });
    // The time comes from the id, so a retry (later, elsewhere) is the same event.
    expect(Date.parse(first.time)).toBe(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16));
    const again = await log.record(sampleEvent(1), { id });
    expect(again).toEqual(first);
    expect(store.events).toHaveLength(1);
    await expect(log.record(sampleEvent(2), { id: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'INVALID_EVENT',
      issues: [expect.objectContaining({ path: ['id'] })],
    });
    // A v4 UUID does not carry a time: refused as well.
    await expect(
      log.record(sampleEvent(2), { id: '3b241101-e2bb-4255-8caf-4136c566a962' }),
    ).rejects.toMatchObject({ code: 'INVALID_EVENT' });
    await log.close();
  });

  it('rejects details that JSON cannot carry (NaN) with INVALID_EVENT', async () => {
    const log = createAuditLog({ app, store: memoryStore() });
    await expect(log.record(sampleEvent(1, { details: { x: Number.NaN } }))).rejects.toMatchObject({
      code: 'INVALID_EVENT',
    });
    await log.close();
  });

  it('retries a failing store and then succeeds without duplicating', async () => {
    const { store, stats, inner } = instrumented(2);
    const log = createAuditLog({ app, store, batch: { retries: 3, retryDelayMs: 1 } });
    const event = await log.record(sampleEvent(1));
    expect(event.integrity.seq).toBe(1);
    expect(stats.attempts).toBe(3);
    expect(inner.events).toHaveLength(1);
    await log.close();
  });

  it('fails closed with STORE_UNAVAILABLE after bounded retries (never resolves unwritten)', async () => {
    const { store, stats, inner } = instrumented(100);
    const log = createAuditLog({ app, store, batch: { retries: 2, retryDelayMs: 1 } });
    const results = await Promise.allSettled([
      log.record(sampleEvent(1)),
      log.record(sampleEvent(2)),
    ]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    }
    expect(stats.attempts).toBe(3);
    expect(inner.events).toHaveLength(0);
    await log.close();
  });

  it('bounds the queue: beyond maxQueue, record fails with QUEUE_FULL', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const inner = memoryStore();
    const store: AuditStore = {
      ...inner,
      async append(events) {
        await gate;
        return inner.append(events);
      },
    };
    const log = createAuditLog({ app, store, batch: { maxQueue: 3, maxSize: 1 } });
    const first = log.record(sampleEvent(0));
    await new Promise((r) => setTimeout(r, 0)); // the first write is now in flight
    const queued = [
      log.record(sampleEvent(1)),
      log.record(sampleEvent(2)),
      log.record(sampleEvent(3)),
    ];
    await expect(log.record(sampleEvent(4))).rejects.toMatchObject({ code: 'QUEUE_FULL' });
    release();
    await Promise.all([first, ...queued]);
    expect(inner.events).toHaveLength(4);
    await log.close();
  });

  it('refuses record() after close() with LOG_CLOSED', async () => {
    const log = createAuditLog({ app, store: memoryStore() });
    await log.close();
    await expect(log.record(sampleEvent(1))).rejects.toMatchObject({ code: 'LOG_CLOSED' });
  });

  it('never lets a planted SSN, phone or email from details reach the store', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app, store });
    await log.record(sampleEvent(1, { details: plantedDetails }));
    const bytes = JSON.stringify(store.events);
    for (const value of Object.values(PLANTED)) expect(bytes).not.toContain(value);
    expect(bytes).toContain('[redacted:ssn]');
    expect((await verify(store, UNSIGNED)).ok).toBe(true);
    await log.close();
  });

  it('seals a batch again, with the same text, when a store failed after sealing it', async () => {
    // Sealing sets integrity on the log's own event objects and lets their encoded bytes go; a
    // retry must canonicalize them again without that integrity.
    const inner = memoryStore();
    let failures = 1;
    const store: AuditStore = {
      ...inner,
      async append(batch) {
        if (failures-- > 0) {
          sealEvents(batch, await inner.head());
          throw new Error('transaction rolled back');
        }
        return inner.append(batch);
      },
    };
    const log = createAuditLog({ app: { name: 'a' }, store, batch: { retryDelayMs: 1 } });
    const events = await Promise.all([log.record(sampleEvent(0)), log.record(sampleEvent(1))]);
    expect(events.map((e) => e.integrity.seq)).toEqual([1, 2]);
    expect(inner.events).toEqual(events);
    expect(await verify(inner.events, UNSIGNED)).toMatchObject({ ok: true, count: 2 });
    // What the caller gets is a plain event: exactly the stored JSON members.
    expect(JSON.parse(JSON.stringify(events[0]))).toEqual(events[0]);
    await log.close();
  });

  it('signs a checkpoint every N events and on close', async () => {
    const keys = generateCheckpointKeys();
    const store = memoryStore({ chainId: 'permits' });
    const seen: number[] = [];
    const log = createAuditLog({
      app,
      store,
      signer: { privateKey: keys.privateKey, everyEvents: 5, everyMs: 0, keyId: 'k1' },
      onCheckpoint: (cp) => seen.push(cp.size),
    });
    for (let i = 0; i < 7; i++) await log.record(sampleEvent(i));
    await log.close();
    expect(seen).toEqual([5, 7]);
    const cps = (await store.checkpoints()) as SignedCheckpoint[];
    expect(cps.map((c) => c.origin)).toEqual(['city-audit/permits', 'city-audit/permits']);
    const vkey = verifierKey('city-audit/permits', keys.publicKey);
    expect(cps.every((c) => openCheckpoint(c.note, [parseVerifierKey(vkey)]).size === c.size)).toBe(
      true,
    );
    // The first checkpoint, kept elsewhere, is the trusted one; the store's second is checked too.
    const result = await verify(store, { keys: [vkey], trusted: [cps[0]?.note as string] });
    expect(result).toMatchObject({ ok: true, count: 7, checkpointsChecked: 3 });
    expect(result.latestCheckpoint?.size).toBe(7);
  });

  it('rejects unusable options with INVALID_OPTIONS', () => {
    expect(() => createAuditLog({ app: { name: '' }, store: memoryStore() })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(() => createAuditLog({ app, store: memoryStore(), batch: { maxSize: 0 } })).toThrow(
      /maxSize/,
    );
  });
});

describe('checkpoints on a timer', () => {
  it('signs after everyMs even when fewer than everyEvents arrived', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const keys = generateCheckpointKeys();
      const store = memoryStore();
      const log = createAuditLog({
        app,
        store,
        signer: { privateKey: keys.privateKey, everyEvents: 1000, everyMs: 60_000 },
      });
      await log.record(sampleEvent(1));
      expect(await store.checkpoints()).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(60_001);
      const cps = await store.checkpoints();
      expect(cps.map((c) => c.size)).toEqual([1]);
      const note = (cps[0] as SignedCheckpoint).note;
      expect(
        openCheckpoint(note, [
          toVerifier({ name: 'city-audit/default', publicKey: keys.publicKey }),
        ]).size,
      ).toBe(1);
      await log.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
