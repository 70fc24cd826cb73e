import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput, RecordInputSchema } from './parseInput';

/** zod's own answer, in the parser's shape. */
function parseRecordInput(event: unknown) {
  const result = RecordInputSchema.safeParse(event);
  return result.success
    ? { success: true as const, data: result.data }
    : { success: false as const, issues: result.error.issues };
}

const base = {
  actor: { type: 'user', id: 'u-1' },
  action: 'case.view',
  outcome: 'success',
};

class Box {
  a = 1;
}
const withSymbol = { a: 1, [Symbol('s')]: 2 };
const hidden = Object.defineProperty({ a: 1 }, 'b', { value: 2, enumerable: false });
const nullProto = Object.assign(Object.create(null) as object, { a: 1 });

describe('parseInput (the compiled check, details included)', () => {
  // Whatever `details` is, the result is the full schema's: same acceptance, output and issues.
  const oddDetails: unknown[] = [
    undefined,
    { a: 1, b: { c: [1, 'x'] } },
    {},
    [],
    [1, 2],
    null,
    'text',
    42,
    new Date(0),
    new Map([['a', 1]]),
    new Box(),
    nullProto,
    withSymbol,
    hidden,
    JSON.parse('{"__proto__":{"x":1},"a":2}'),
    { constructor: () => 1 },
    { constructor: 'c' },
  ];

  it('returns exactly what the full schema returns for every kind of details', () => {
    for (const details of oddDetails) {
      for (const event of [
        { ...base, details },
        { ...base, outcome: 'maybe', details },
      ]) {
        const ours = parseInput(event);
        const full = parseRecordInput(event);
        expect(ours.success).toBe(full.success);
        if (ours.success && full.success) {
          expect(ours.data).toStrictEqual(full.data);
          if (details && typeof details === 'object') expect(ours.data.details).not.toBe(details);
        } else {
          expect(ours).toStrictEqual(full);
        }
      }
    }
  });

  it('leaves out what a polluted Object.prototype adds, as zod does', () => {
    const proto = Object.prototype as Record<string, unknown>;
    const hiddenOwn = Object.defineProperty({ a: 1 }, 'h', { value: 2, enumerable: false });
    proto.polluted = 'x';
    try {
      for (const details of [{ a: 1 }, hiddenOwn]) {
        const event = { ...base, details };
        expect(parseInput(event)).toStrictEqual(parseRecordInput(event));
      }
    } finally {
      delete proto.polluted;
    }
  });

  it('agrees with the full schema on random events', () => {
    fc.assert(
      fc.property(
        fc.record({
          actor: fc.oneof(fc.constant(base.actor), fc.anything()),
          action: fc.oneof(fc.constant('a.b'), fc.string()),
          outcome: fc.constantFrom('success', 'failure', 'x'),
          details: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.anything()),
        }),
        (event) => {
          expect(parseInput(event)).toStrictEqual(parseRecordInput(event));
        },
      ),
      { numRuns: 300 },
    );
  });
});
