// The normal-form check and the field-by-field error path on every schema of the catalog: a "1"
// must mean zod accepts the record and returns an equal value, a "-1" that zod rejects it, and
// validateMany's issues must be safeParse's, for generated records and records with one change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fake } from '../testing';
import { validateMany } from '../validateMany';
import { CATALOG } from './catalog';
import { normalFormOf } from './normalForm';

const names = Object.keys(CATALOG).sort();
const schemaOf = (name: string) => CATALOG[name] as z.ZodType;

function verdict(schema: z.ZodType, input: unknown): 1 | 0 | -1 {
  const check = normalFormOf(schema);
  if (!check) return 0;
  try {
    return check(input, { value: undefined, issues: [] });
  } catch {
    return 0;
  }
}

/** Every path to a value inside a record. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** A copy of `record` with the value at `path` replaced (undefined: deleted). */
function withValue(record: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let parent = copy;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

const nearMiss = fc.oneof(
  fc.constantFrom('', ' ', 'open', '02118', 2118, '2025-06-01T14:05-04:00', '2025-06-01T14:05:00Z'),
  fc.constantFrom('+16176354500', '(617) 635-4500', 'resident@example.org', '8-3', null, 0, -1),
  fc.constant(undefined),
  fc.anything({ maxDepth: 2 }),
);

function agrees(schema: z.ZodType, input: unknown) {
  const expected = schema.safeParse(input);
  const answer = verdict(schema, input);
  if (answer === 1) {
    expect(expected.success, 'said "as it is" for a record zod rejects').toBe(true);
    if (expected.success) expect(input).toStrictEqual(expected.data);
  }
  if (answer === -1)
    expect(expected.success, 'said "rejected" for a record zod accepts').toBe(false);
  const { valid, invalid } = validateMany(schema, [input]);
  if (expected.success) expect(valid[0]).toStrictEqual(expected.data);
  else expect(invalid[0]?.issues).toStrictEqual(expected.error.issues);
}

describe('normal-form check and field-by-field issues, on every schema', () => {
  it('agree with zod on generated records', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.integer(), (name, seed) => {
        const schema = schemaOf(name);
        const record = fake(schema, { seed });
        expect(verdict(schema, record), name).not.toBe(-1);
        agrees(schema, record);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
  });

  it('agree with zod on records with one value changed, removed or added', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.integer(),
        fc.nat(),
        nearMiss,
        fc.boolean(),
        (name, seed, pick, value, add) => {
          const schema = schemaOf(name);
          const record = fake(schema, { seed });
          const paths = pathsOf(record);
          const path = paths[pick % paths.length] as (string | number)[];
          const holder = path.reduce<unknown>(
            (at, part) => (at as Record<string | number, unknown>)[part],
            record,
          );
          const addable = typeof holder === 'object' && holder !== null && !Array.isArray(holder);
          const changed =
            add && addable
              ? withValue(record, [...path, 'x_extra'], value)
              : withValue(record, path, value);
          agrees(schema, changed);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1500) },
    );
  });
});
