import { describe, expect, it } from 'vitest';
import { sampleEvent, UNSIGNED } from '../test/fixtures';
import { tamperMatrix } from '../test/tamperMatrix';
import { createAuditLog } from './createAuditLog';
import { type MemoryStore, memoryStore } from './memoryStore';
import { verify } from './verify';

function memorySubject() {
  const store: MemoryStore = memoryStore();
  const index = (seq: number) => store.events.findIndex((e) => e.integrity.seq === seq);
  return {
    store,
    reader: async () => store,
    cleanup: async () => {},
    tamper: {
      async modify(seq: number) {
        const e = store.events[index(seq)];
        if (e) e.outcome = 'denied';
      },
      async remove(seq: number) {
        store.events.splice(index(seq), 1);
      },
      async insertAfter(after: number, forged: (typeof store.events)[number]) {
        store.events.splice(index(after) + 1, 0, forged);
      },
      async swap(a: number, b: number) {
        const i = index(a);
        const j = index(b);
        const [x, y] = [store.events[i], store.events[j]];
        if (x && y) [store.events[i], store.events[j]] = [y, x];
      },
      async truncate(keep: number) {
        store.events.length = keep;
      },
      async rewriteFrom(forged: (typeof store.events)[number][]) {
        store.events.splice(
          index(forged[0]?.integrity.seq as number),
          Number.POSITIVE_INFINITY,
          ...forged,
        );
      },
    },
  };
}

describe('memoryStore tamper matrix', () => {
  tamperMatrix(async () => memorySubject());
});

describe('memoryStore', () => {
  it('detects a member added inside an integrity block, which no hash covers', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'a' }, store });
    for (let i = 0; i < 4; i++) await log.record(sampleEvent(i));
    await log.close();
    expect(await verify(store, UNSIGNED)).toMatchObject({ ok: true, count: 4 });
    (store.events[2]?.integrity as unknown as Record<string, unknown>).approvedBy = 'someone else';
    expect((await verify(store, UNSIGNED)).firstBad).toMatchObject({ seq: 3, reason: 'malformed' });
  });

  it('is idempotent by event id', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'x' }, store, closeStore: false });
    const e = await log.record(sampleEvent(1));
    const { integrity: _i, ...unsealed } = e;
    const again = await store.append([unsealed]);
    expect(again[0]).toEqual(e);
    expect(store.events).toHaveLength(1);
    await log.close();
  });

  it('queries by actor, target and action with a cursor', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'x' }, store });
    for (let i = 0; i < 30; i++) await log.record(sampleEvent(i));
    const all = store.events.filter((e) => e.target?.id === 'BCS-1003');
    const page1 = await store.query({ targetType: 'case', targetId: 'BCS-1003', limit: 2 });
    expect(page1.events).toHaveLength(2);
    expect(page1.nextCursor).toBeDefined();
    const page2 = await store.query({
      targetId: 'BCS-1003',
      limit: 2,
      cursor: page1.nextCursor as string,
    });
    expect([...page1.events, ...page2.events].map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(page2.nextCursor).toBeUndefined();
    const byActor = await store.query({ actor: 'u-3', action: 'case.view', limit: 100 });
    expect(byActor.events.every((e) => e.actor.id === 'u-3' && e.action === 'case.view')).toBe(
      true,
    );
    expect(byActor.events.length).toBeGreaterThan(0);
    await expect(store.query({ limit: 2, cursor: 'nonsense' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(store.query({ limit: 0 })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await log.close();
  });
});
