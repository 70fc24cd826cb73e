import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEvent, AuditEventInput } from './AuditEvent';
import { DataSharingAgreement } from './DataSharingAgreement';
import { StandardsSchemaError } from './errors';
import { NEIGHBORHOODS } from './internal/fake/synthetic';
import { ServiceRequest } from './open311/ServiceRequest';
import { Principal } from './Principal';
import { fake, fakeMany } from './testing';

// Boston's extent (city limits' bounding box, WGS84).
const inBoston = (lat: number, lon: number) =>
  lat > 42.227 && lat < 42.397 && lon > -71.191 && lon < -70.986;

describe('fake / fakeMany', () => {
  it.each([
    ['ServiceRequest', ServiceRequest],
    ['Principal', Principal],
    ['AuditEvent', AuditEvent],
    ['AuditEventInput', AuditEventInput],
    ['DataSharingAgreement', DataSharingAgreement],
  ] as const)('makes valid %s records', (_name, schema) => {
    for (const record of fakeMany(schema as z.ZodType, { seed: 7, count: 50 })) {
      const result = schema.safeParse(record);
      expect(result.error?.issues ?? []).toEqual([]);
    }
  });

  it('gives the same records for the same seed and different ones for another', () => {
    expect(fakeMany(ServiceRequest, { seed: 1, count: 5 })).toEqual(
      fakeMany(ServiceRequest, { seed: 1, count: 5 }),
    );
    expect(fake(Principal, { seed: 'a' })).toEqual(fake(Principal, { seed: 'a' }));
    expect(fake(Principal, { seed: 'a' })).not.toEqual(fake(Principal, { seed: 'b' }));
    expect(fake(DataSharingAgreement, { seed: 3 })).toEqual(
      fake(DataSharingAgreement, { seed: 3 }),
    );
  });

  it('puts every request inside Boston, in the neighborhood its ZIP names', () => {
    for (const request of fakeMany(ServiceRequest, { seed: 2, count: 500 })) {
      expect(inBoston(request.lat ?? 0, request.long ?? 0)).toBe(true);
      const hood = NEIGHBORHOODS.find((n) => n.name === request.neighborhood);
      expect(hood?.zip).toBe(request.zipcode);
      expect(request.address_id).toMatch(/^\d{6}$/); // SAM-like id
    }
  });

  it('gives unique request ids and time-ordered audit ids within a batch', () => {
    const ids = fakeMany(ServiceRequest, { seed: 4, count: 1000 }).map((r) => r.service_request_id);
    expect(new Set(ids).size).toBe(1000);
    const events = fakeMany(AuditEvent, { seed: 4, count: 100 });
    const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sorted.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('uses only synthetic contact data', () => {
    for (const request of fakeMany(ServiceRequest, { seed: 5, count: 200 })) {
      if (request.contact?.email) expect(request.contact.email).toMatch(/@example\.org$/);
      if (request.contact?.phone) expect(request.contact.phone).toMatch(/^\+161755501\d\d$/);
    }
  });

  it('generates any schema from its definition', () => {
    const Thing = z.object({
      name: z.string().min(2),
      count: z.int().min(5).max(9),
      tags: z.array(z.enum(['a', 'b'])).min(2),
      when: z.iso.datetime({ offset: true }),
      nested: z.object({ lat: z.number(), flag: z.boolean() }).optional(),
    });
    const thing = fake(Thing, { seed: 9 });
    expect(Thing.parse(thing)).toEqual(thing);
    expect(thing.count).toBeGreaterThanOrEqual(5);
  });

  it('rejects bad options with INVALID_OPTIONS and impossible schemas with UNSUPPORTED_SCHEMA', () => {
    expect(() => fakeMany(Principal, { seed: 1, count: -1 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(() => fake(Principal, { seed: Number.NaN })).toThrow(StandardsSchemaError);
    expect(() => fake(z.string().regex(/^Q{40}$/), { seed: 1 })).toThrowError(
      expect.objectContaining({ code: 'UNSUPPORTED_SCHEMA' }),
    );
  });

  it('returns an empty array for count 0', () => {
    expect(fakeMany(ServiceRequest, { seed: 1, count: 0 })).toEqual([]);
  });
});
