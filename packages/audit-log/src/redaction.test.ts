import { randomBytes } from 'node:crypto';
import { classified } from '@cityofboston/standards-schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PLANTED, sampleEvent, UNSIGNED } from '../test/fixtures';
import { createAuditLog } from './createAuditLog';
import { memoryStore } from './memoryStore';
import { verify } from './verify';

// What a benefits app might put in details: a restricted SSN, a confidential email, a case
// number pseudonymized, and a public ward.
const CaseDetails = z.object({
  ssn: classified(z.string(), {
    classification: 'restricted',
    pii: { category: 'identity.govId', kind: 'direct' },
    redact: 'drop',
  }).optional(),
  email: classified(z.string(), {
    classification: 'confidential',
    pii: { category: 'contact.email', kind: 'direct' },
  }).optional(),
  medicaidId: classified(z.string(), { classification: 'restricted', redact: 'hash' }).optional(),
  ward: z.string().optional(),
});

const KEY = randomBytes(32).toString('base64url');

describe('details redaction by classification metadata', () => {
  it('refuses a pseudonym key under 32 bytes with INVALID_OPTIONS', () => {
    for (const hashKey of ['audit-pseudonym-key', randomBytes(31)])
      expect(() =>
        createAuditLog({ app: { name: 'a' }, store: memoryStore(), details: { hashKey } }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });

  it('keeps a restricted value out of the store and pseudonymizes hash fields with the key', async () => {
    const store = memoryStore();
    const log = createAuditLog({
      app: { name: 'benefits' },
      store,
      details: { schema: CaseDetails, hashKey: KEY },
    });
    const e = await log.record(
      sampleEvent(1, {
        details: {
          ssn: '123456789',
          email: 'r@example.org',
          medicaidId: 'MA-778812',
          ward: '7',
          extra: 'x',
        },
      }),
    );
    expect(e.details).toMatchObject({ ward: '7' });
    expect(e.details).not.toHaveProperty('ssn');
    expect(e.details).not.toHaveProperty('extra'); // undeclared fields are dropped
    expect(e.details?.medicaidId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The confidential email is within the default clearance, then the pattern scrub catches it.
    expect(e.details?.email).toBe('[redacted:email]');
    const bytes = JSON.stringify(store.events);
    expect(bytes).not.toContain('123456789');
    expect(bytes).not.toContain('MA-778812');
    const again = await log.record(sampleEvent(2, { details: { medicaidId: 'MA-778812' } }));
    expect(again.details?.medicaidId).toBe(e.details?.medicaidId); // stable pseudonym joins events
    expect((await verify(store, UNSIGNED)).ok).toBe(true);
    await log.close();
  });

  it('drops hash fields when no key is configured (an unkeyed hash is reversible)', async () => {
    const log = createAuditLog({
      app: { name: 'benefits' },
      store: memoryStore(),
      details: { schema: CaseDetails },
    });
    const e = await log.record(sampleEvent(1, { details: { medicaidId: 'MA-778812', ward: '3' } }));
    expect(e.details).toEqual({ ward: '3' });
    await log.close();
  });

  it('applies a per-record schema and a lower clearance', async () => {
    const log = createAuditLog({
      app: { name: 'x' },
      store: memoryStore(),
      details: { clearance: 'internal' },
    });
    const e = await log.record(sampleEvent(1, { details: { email: 'a@b.org', ward: '1' } }), {
      detailsSchema: CaseDetails,
    });
    expect(e.details).toEqual({ ward: '1' });
    await log.close();
  });

  it('rejects details that fail their schema with INVALID_EVENT naming the field', async () => {
    const log = createAuditLog({
      app: { name: 'x' },
      store: memoryStore(),
      details: { schema: CaseDetails },
    });
    const error = await log
      .record(sampleEvent(1, { details: { ward: 7 } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_EVENT' });
    expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual([
      'details',
      'ward',
    ]);
    await log.close();
  });

  it("scrubs the stored copy and never the caller's own details object", async () => {
    const store = memoryStore();
    for (const schema of [undefined, z.any(), z.record(z.string(), z.unknown())]) {
      const log = createAuditLog({
        app: { name: 'x' },
        store,
        closeStore: false,
        ...(schema ? { details: { schema } } : {}),
      });
      const details = {
        note: `call ${PLANTED.phone}`,
        nested: { email: PLANTED.email },
        list: [PLANTED.ssn],
        [PLANTED.email]: 'a key that needs scrubbing',
      };
      const given = structuredClone(details);
      const e = await log.record(sampleEvent(1, { details }));
      expect(details).toEqual(given);
      expect(e.details).toEqual({
        note: 'call [redacted:phone]',
        nested: { email: '[redacted:email]' },
        list: ['[redacted:ssn]'],
        '[redacted:email]': 'a key that needs scrubbing',
      });
      await log.close();
    }
  });
});
