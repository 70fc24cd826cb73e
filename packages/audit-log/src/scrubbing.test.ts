import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../test/fixtures';
import { createAuditLog } from './createAuditLog';
import { memoryStore } from './memoryStore';

describe('scrubbing every free-text member', () => {
  it('scrubs reason, purpose, user agent and details; keeps a name but scrubs patterns inside it', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'a' }, store });
    const input = sampleEvent(1, {
      actor: { type: 'user', id: 'u-1', name: 'Avery Quinn (avery@example.org, 617-555-0142)' },
      reason: 'resident called from +1 617 555 0142 about SSN 078-05-1120',
      purpose: 'follow-up with jane@example.org',
      source: { userAgent: 'Kiosk/1.0 (card 4111 1111 1111 1111)' },
      details: { note: 'paid with 4012888888881881', nested: [{ ssn: '078051121' }] },
    });
    const e = await log.record(input);
    expect(e.actor.name).toBe('Avery Quinn ([redacted:email], [redacted:phone])');
    expect(e.reason).toBe('resident called from [redacted:phone] about SSN [redacted:ssn]');
    expect(e.purpose).toBe('follow-up with [redacted:email]');
    expect(e.source?.userAgent).toBe('Kiosk/1.0 (card [redacted:card])');
    expect(e.details).toEqual({
      note: 'paid with [redacted:card]',
      nested: [{ ssn: '[redacted:ssn]' }],
    });
    // What the caller wrote, as stored: the id, time and hash the log adds are random hex
    // and digits, which may hold '617' by chance.
    const stored = JSON.stringify(
      store.events.map(({ id: _id, time: _time, integrity: _integrity, ...written }) => written),
    );
    for (const leak of [
      'avery@example.org',
      '617',
      '078-05-1120',
      'jane@',
      '4111',
      '4012888',
      '078051121',
    ])
      expect(stored).not.toContain(leak);
    // The caller's objects are left as they were.
    expect(input.actor.name).toContain('avery@example.org');
    await log.close();
  });

  it('keeps a 311 case number in a reason', async () => {
    const log = createAuditLog({ app: { name: 'a' }, store: memoryStore() });
    const e = await log.record(sampleEvent(1, { reason: 'merged into 101005551234' }));
    expect(e.reason).toBe('merged into 101005551234');
    await log.close();
  });
});

describe('what record() refuses', () => {
  it('refuses circular details with INVALID_EVENT naming where', async () => {
    const log = createAuditLog({ app: { name: 'a' }, store: memoryStore() });
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    const error = await log.record(sampleEvent(1, { details: { loop } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_EVENT' });
    expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual([
      'details',
      'loop',
      'self',
    ]);
    // And with scrubbing off, the serializer refuses it too.
    const raw = createAuditLog({
      app: { name: 'a' },
      store: memoryStore(),
      details: { scrub: false },
    });
    await expect(raw.record(sampleEvent(1, { details: { loop } }))).rejects.toMatchObject({
      code: 'INVALID_EVENT',
    });
    await log.close();
    await raw.close();
  });

  it('refuses an event over the size limit with EVENT_TOO_LARGE (64 KiB by default, configurable)', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'a' }, store });
    const page = Array.from({ length: 100 }, (_, i) => `10100${5550000 + i}`);
    expect((await log.record(sampleEvent(1, { details: { ids: page } }))).details?.ids).toEqual(
      page,
    );
    const all = Array.from({ length: 5000 }, (_, i) => `10100${5550000 + i}`);
    await expect(log.record(sampleEvent(2, { details: { ids: all } }))).rejects.toMatchObject({
      code: 'EVENT_TOO_LARGE',
    });
    expect(store.events).toHaveLength(1);
    await log.close();
    const small = createAuditLog({ app: { name: 'a' }, store: memoryStore(), maxEventBytes: 1024 });
    await expect(small.record(sampleEvent(1, { details: { ids: page } }))).rejects.toMatchObject({
      code: 'EVENT_TOO_LARGE',
    });
    await small.close();
    expect(() =>
      createAuditLog({ app: { name: 'a' }, store: memoryStore(), maxEventBytes: 0 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});
