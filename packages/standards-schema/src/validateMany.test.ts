import { describe, expect, it } from 'vitest';
import { ServiceRequest } from './open311/ServiceRequest';
import { fakeMany } from './testing';
import { compiled, createParser, validateMany } from './validateMany';

describe('validateMany', () => {
  it('returns the parsed valid records and the issues of the invalid ones, by index', () => {
    const records: unknown[] = fakeMany(ServiceRequest, { seed: 1, count: 6 });
    records[2] = { ...(records[2] as object), status: 'pending' };
    records[4] = 'not a record';
    const { valid, invalid } = validateMany(ServiceRequest, records);
    expect(valid).toHaveLength(4);
    expect(invalid.map((bad) => bad.index)).toEqual([2, 4]);
    expect(invalid[0]?.issues[0]?.path).toEqual(['status']);
  });

  it('parses exactly as the schema does (normalizing phones, stripping unknown keys)', () => {
    const [record] = fakeMany(ServiceRequest, { seed: 2, count: 1 });
    const input = { ...record, contact: { phone: '617-555-0100' }, extra: true };
    expect(validateMany(ServiceRequest, [input]).valid[0]).toEqual(ServiceRequest.parse(input));
    expect(compiled(ServiceRequest)).toBe(compiled(ServiceRequest));
    expect(Error.stackTraceLimit).toBeGreaterThan(0); // restored after the loop
  });
});

describe('createParser', () => {
  it('answers as safeParse does, value by value, for valid and invalid input', () => {
    const parse = createParser(ServiceRequest);
    const records: unknown[] = fakeMany(ServiceRequest, { seed: 3, count: 20 });
    records[5] = { ...(records[5] as object), status: 'pending' };
    records[9] = { ...(records[9] as object), contact: { phone: '617-555-0100' }, extra: 1 };
    records[12] = null;
    for (const record of records) {
      const ours = parse(record);
      const zods = ServiceRequest.safeParse(record);
      expect(ours.success).toBe(zods.success);
      if (ours.success && zods.success) expect(ours.data).toEqual(zods.data);
      if (!ours.success && !zods.success) expect(ours.issues).toEqual(zods.error.issues);
    }
  });
});
