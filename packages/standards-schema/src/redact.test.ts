import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Classification } from './classification';
import { classified } from './classified';
import { StandardsSchemaError } from './errors';
import { redact } from './redact';

const Report = z.object({
  id: z.string(),
  opened: classified(z.string(), { classification: 'internal', redact: 'generalize' }),
  zip: classified(z.string(), {
    classification: 'confidential',
    pii: { category: 'contact.postal', kind: 'quasi' },
    redact: 'generalize',
  }),
  point: classified(z.object({ lat: z.number(), lon: z.number() }), {
    classification: 'confidential',
    pii: { category: 'location.precise', kind: 'quasi' },
    redact: 'generalize',
  }),
  email: classified(z.email(), {
    classification: 'confidential',
    pii: { category: 'contact.email', kind: 'direct' },
    redact: 'mask',
  }).optional(),
  phone: classified(z.string(), {
    classification: 'confidential',
    pii: { category: 'contact.phone', kind: 'direct' },
    redact: 'mask',
  }),
  name: classified(z.string(), {
    classification: 'confidential',
    pii: { category: 'identity.name', kind: 'direct' },
    redact: 'truncate',
  }),
  ip: classified(z.string(), { classification: 'confidential', redact: 'truncate' }),
  account: classified(z.string(), { classification: 'confidential', redact: 'hash' }),
  ssn: classified(z.string(), { classification: 'restricted', legal: ['M.G.L. c. 93H'] }),
  notes: z.array(
    z.object({ at: z.string(), text: classified(z.string(), { classification: 'confidential' }) }),
  ),
});
type Report = z.infer<typeof Report>;

const report: Report = {
  id: 'r-1',
  opened: '2025-11-02T01:30:00-04:00',
  zip: '02118',
  point: { lat: 42.35843, lon: -71.05977 },
  email: 'jordan@example.org',
  phone: '+16175550123',
  name: 'Jordan',
  ip: '203.0.113.77',
  account: 'acct-991',
  ssn: '000-00-0000',
  notes: [{ at: '2025-11-02', text: 'gate code 1234' }],
};

describe('redact', () => {
  it('shows everything to a viewer cleared for the most protected field', () => {
    expect(redact(Report, report, { clearance: 'restricted' })).toEqual(report);
  });

  it('applies each field’s rule for a public viewer', () => {
    const out = redact(Report, report, { clearance: 'public' });
    expect(out).toEqual({
      id: 'r-1',
      opened: '2025-11',
      zip: '021',
      point: { lat: 42.36, lon: -71.06 },
      email: 'j***@example.org',
      phone: '********0123',
      name: 'J…',
      ip: '203.0.113.0',
      notes: [{ at: '2025-11-02' }],
    });
  });

  it('hashes with the caller’s keyed hash and drops hash fields without one', () => {
    const out = redact(Report, report, {
      clearance: 'internal',
      hash: (value, field) => `h(${field.path}:${value.length})`,
    });
    expect(out.account).toBe('h(account:8)');
    expect(out.opened).toBe(report.opened);
    expect('account' in redact(Report, report, { clearance: 'internal' })).toBe(false);
  });

  it('never mutates its input and shares no object with it', () => {
    const before = structuredClone(report);
    const out = redact(Report, report, { clearance: 'restricted' });
    expect(report).toEqual(before);
    expect(out.point).not.toBe(report.point);
    expect(out.notes).not.toBe(report.notes);
  });

  it('drops keys the schema does not know, even for the highest clearance', () => {
    const withExtra = { ...report, secretNote: 'not in the schema' } as Report;
    const out = redact(Report, withExtra, { clearance: 'restricted' }) as Record<string, unknown>;
    expect(out.secretNote).toBeUndefined();
    const loose = z.looseObject({ a: z.string() });
    expect(redact(loose, { a: 'x', b: 'y' }, { clearance: 'restricted' })).toEqual({ a: 'x' });
  });

  it('fails closed on a value whose shape does not match the schema', () => {
    const bad = { ...report, point: 'Dudley Square' } as unknown as Report;
    expect(redact(Report, bad, { clearance: 'internal' }).point).toBeUndefined();
    expect(redact(Report, bad, { clearance: 'confidential' }).point).toBe('Dudley Square');
  });

  it('picks the matching union option before redacting', () => {
    const U = z.object({
      who: z.union([
        z.object({
          kind: z.literal('person'),
          name: classified(z.string(), { classification: 'confidential' }),
        }),
        z.object({ kind: z.literal('org'), name: z.string() }),
      ]),
    });
    expect(redact(U, { who: { kind: 'org', name: 'DoIT' } }, { clearance: 'public' })).toEqual({
      who: { kind: 'org', name: 'DoIT' },
    });
    expect(redact(U, { who: { kind: 'person', name: 'Jordan' } }, { clearance: 'public' })).toEqual(
      {
        who: { kind: 'person' },
      },
    );
    const withExtra = { who: { kind: 'org', name: 'DoIT', secret: 'x' } } as unknown as z.infer<
      typeof U
    >;
    expect(redact(U, withExtra, { clearance: 'restricted' })).toEqual({
      who: { kind: 'org', name: 'DoIT' },
    });
  });

  it('rejects an unknown clearance with INVALID_CLEARANCE', () => {
    expect(() => redact(Report, report, { clearance: 'secret' as Classification })).toThrowError(
      expect.objectContaining({ code: 'INVALID_CLEARANCE', name: 'StandardsSchemaError' }),
    );
    expect(() => redact(Report, report, { clearance: 'top' as Classification })).toThrow(
      StandardsSchemaError,
    );
  });

  it('generalizes GeoJSON coordinates and truncates IPv6 to /48', () => {
    const G = z.object({
      geo: classified(
        z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
        {
          classification: 'confidential',
          pii: { category: 'location.precise', kind: 'quasi' },
          redact: 'generalize',
        },
      ),
      ip: classified(z.string(), { classification: 'internal', redact: 'truncate' }),
    });
    expect(
      redact(
        G,
        {
          geo: { type: 'Point', coordinates: [-71.05977, 42.35843] },
          ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
        },
        { clearance: 'public' },
      ),
    ).toEqual({ geo: { type: 'Point', coordinates: [-71.06, 42.36] }, ip: '2001:db8:85a3::' });
  });
});
