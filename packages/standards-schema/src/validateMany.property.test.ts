// validateMany's three paths (the normal-form check that returns a record as it is, the
// acceptor that builds zod's output, the field-by-field error path) against zod's own safeParse,
// over records already in normal form, records that need normalizing and invalid records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceRequest } from './open311/ServiceRequest';
import { fakeMany } from './testing';
import { createParser, validateMany } from './validateMany';

const base = fakeMany(ServiceRequest, { seed: 14, count: 200 }) as Record<string, unknown>[];

/** Edits GeoReport v2 allows that zod normalizes: the record parses, but not as it is. */
const normalizing: fc.Arbitrary<(r: Record<string, unknown>) => void>[] = [
  fc.constant((r) => {
    r.service_request_id = Number(String(r.service_request_id).replace(/\D/g, '').slice(0, 9) || 1);
  }),
  fc
    .constantFrom('description', 'status_notes', 'address', 'service_name', 'media_url')
    .map((key) => (r: Record<string, unknown>) => {
      r[key] = null;
    }),
  fc.constant((r) => {
    r.requested_datetime = String(r.requested_datetime).replace(/:\d\d(?=Z|[+-])/, '');
  }),
  fc.constant((r) => {
    r.zipcode = 2119;
  }),
  fc.constant((r) => {
    r.zipcode = '';
  }),
  fc.string().map((key) => (r: Record<string, unknown>) => {
    if (!(key in ServiceRequest.shape)) r[`x_${key}`] = 1;
  }),
  fc.constant((r) => {
    r.contact = { phone: '(617) 635-4500' };
  }),
];

/** Edits GeoReport v2 or the City's extension forbid. */
const breaking: fc.Arbitrary<(r: Record<string, unknown>) => void>[] = [
  fc
    .constantFrom('status', 'lat', 'requested_datetime', 'service_code', 'ward', 'queue')
    .chain((key) =>
      fc
        .constantFrom<unknown>('', 'north', -500, null, true, [], {}, '2019-13-45T00:00Z')
        .map((value) => (r: Record<string, unknown>) => {
          r[key] = value;
        }),
    ),
  fc
    .constantFrom('status', 'service_request_id', 'requested_datetime')
    .map((key) => (r: Record<string, unknown>) => {
      delete r[key];
    }),
  fc.constant((r) => {
    delete r.long;
    r.lat = 42.3;
  }),
  fc.constant((r) => {
    r.activities = [{ datetime: 'yesterday', type: '' }];
  }),
];

const record = fc
  .tuple(
    fc.nat(base.length - 1),
    fc.array(fc.oneof(...normalizing), { maxLength: 3 }),
    fc.array(fc.oneof(...breaking), { maxLength: 2 }),
  )
  .map(([at, fixes, breaks]) => {
    const copy = structuredClone(base[at]) as Record<string, unknown>;
    for (const edit of [...fixes, ...breaks]) edit(copy);
    return copy;
  });

const input = fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: fc.anything() });

describe('validateMany and createParser answer exactly as safeParse does', () => {
  it('valid records (as they are or normalized) and invalid ones, with zod’s issues', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 20 }), (records) => {
        const { valid, invalid } = validateMany(ServiceRequest, records);
        const parse = createParser(ServiceRequest);
        let v = 0;
        let i = 0;
        records.forEach((value, index) => {
          const expected = ServiceRequest.safeParse(value);
          const single = parse(value);
          if (expected.success) {
            expect(valid[v++]).toStrictEqual(expected.data);
            expect(single.success && single.data).toStrictEqual(expected.data);
          } else {
            const bad = invalid[i++];
            expect(bad?.index).toBe(index);
            expect(bad?.issues).toStrictEqual(expected.error.issues);
            expect(single.success ? undefined : single.issues).toStrictEqual(expected.error.issues);
          }
        });
        expect([v, i]).toEqual([valid.length, invalid.length]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('returns a record already in normal form as it is, and copies one that needs normalizing', () => {
    const [clean, other] = base;
    const needs = { ...other, description: null };
    const { valid } = validateMany(ServiceRequest, [clean, needs]);
    expect(valid[0]).toBe(clean);
    expect(valid[1]).not.toBe(needs);
    expect(valid[1]).toEqual(ServiceRequest.parse(needs));
    expect((valid[1] as { description?: string }).description).toBeUndefined();
  });
});
