// The bulk path's compiled acceptance check must be indistinguishable from zod: it may decline a
// record zod accepts (zod then parses it), but it must never accept a record zod rejects, and
// what it returns must be exactly zod's output (same values, same keys, same key order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServiceRequest } from '../open311/ServiceRequest';
import { fake } from '../testing';
import { acceptorOf, REJECT } from './acceptor';
import { CATALOG } from './catalog';

// A recursive schema (DCAT-US's publisher chain) gets no acceptor: see canGenerate.
const recursive = Object.keys(CATALOG)
  .filter((name) => z.core.isRecursiveSchema(CATALOG[name] as z.ZodType))
  .sort();
const names = Object.keys(CATALOG)
  .filter((name) => !recursive.includes(name))
  .sort();
const schemaOf = (name: string) => CATALOG[name] as z.ZodType;

/** The acceptor's answer: zod's output, or REJECT (a throw counts as REJECT, as in validateMany). */
function accept(schema: z.ZodType, input: unknown): unknown {
  const acceptor = acceptorOf(schema);
  if (!acceptor) throw new Error('expected an acceptor for this schema');
  const payload = { value: undefined, issues: [] };
  try {
    return acceptor(input, payload);
  } catch {
    return REJECT;
  }
}

/** Key order matters to anyone who serializes the output, so compare it too, and prototypes. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null)
    return [
      Object.getPrototypeOf(value) === Object.prototype,
      Object.entries(value).map(([key, v]) => [key, shape(v)]),
    ];
  return value;
}

/** Asserts the acceptor agrees with zod on `input`; returns whether it accepted. */
function agrees(schema: z.ZodType, input: unknown): boolean {
  const ours = accept(schema, input);
  const theirs = schema.safeParse(input);
  if (ours === REJECT) return false;
  expect(theirs.success, 'accepted a record zod rejects').toBe(true);
  if (theirs.success) {
    expect(ours).toStrictEqual(theirs.data);
    expect(shape(ours)).toEqual(shape(theirs.data));
  }
  return true;
}

/** Every path to a value inside a record: `[]`, `['contact']`, `['activities', 0, 'note']`... */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

type Mutation =
  | { op: 'set'; value: unknown }
  | { op: 'delete' }
  | { op: 'add'; key: string; value: unknown };

/** A deep copy of `record` with one change at `path`. */
function mutate(record: unknown, path: (string | number)[], mutation: Mutation): unknown {
  const copy = structuredClone(record);
  if (path.length === 0) {
    if (mutation.op === 'set') return mutation.value;
    if (mutation.op === 'delete') return undefined;
  }
  let parent: unknown = copy;
  for (const part of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[part];
  const last = path.at(-1);
  const target = parent as Record<string | number, unknown>;
  if (mutation.op === 'set' && last !== undefined) target[last] = mutation.value;
  else if (mutation.op === 'delete' && last !== undefined) {
    if (Array.isArray(target)) target.splice(Number(last), 1);
    else delete target[last];
  } else if (mutation.op === 'add') {
    const holder = last === undefined ? target : target[last];
    if (typeof holder === 'object' && holder !== null && !Array.isArray(holder))
      (holder as Record<string, unknown>)[mutation.key] = mutation.value;
  }
  return copy;
}

// Values a feed might plausibly put where another belongs: near misses of the record's own
// formats as well as arbitrary values.
const nearMiss = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'open',
    'pending',
    '02118',
    '2118',
    '2025-06-01T14:05:00-04:00',
    '2025-06-01T14:05:00',
    '2025-02-29T10:00:00Z',
    'resident@example.org',
    'resident@',
    '+16176354500',
    '(617) 635-4500',
    '635-4500',
    'https://example.org/a.jpg',
    ' https://example.org/a\tb.jpg ',
    'ftp://example.org/a.jpg',
    'http:example.org',
    '8',
    '8-3',
    '123',
    'BTDT',
    'btdt',
  ),
  fc.double(),
  fc.integer({ min: -200, max: 200 }),
  fc.constant(undefined),
  fc.constant(null),
  fc.anything({ maxDepth: 2 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), value: nearMiss }),
  fc.record({ op: fc.constant('delete' as const) }),
  fc.record({
    op: fc.constant('add' as const),
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')),
    value: nearMiss,
  }),
);

describe('acceptor (the bulk path fast check)', () => {
  it('declines only the recursive schemas, whose records zod parses itself', () => {
    expect(recursive).toEqual(['DcatCatalog', 'DcatDataset']);
    for (const name of recursive) expect(acceptorOf(schemaOf(name)), name).toBeUndefined();
  });

  it('returns exactly what zod returns for generated records of every schema', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.integer(), (name, seed) => {
        const schema = schemaOf(name);
        const record = fake(schema, { seed });
        // Accepting valid records is what makes the bulk path fast, so it must not decline them.
        expect(agrees(schema, record), `${name} declined a valid record`).toBe(true);
      }),
      { numRuns: 300, seed: 311 },
    );
  });

  it('never accepts a record zod rejects, nor changes its output, under one mutation', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.integer(),
        fc.nat(),
        mutation,
        (name, seed, pick, change) => {
          const schema = schemaOf(name);
          const record = fake(schema, { seed });
          const paths = pathsOf(record);
          const path = paths[pick % paths.length] ?? [];
          const input = mutate(record, path, change);
          if (agrees(schema, input)) accepted++;
          else rejected++;
        },
      ),
      { numRuns: 1500, seed: 2249 },
    );
    // The mutations must exercise both sides, or the property says little.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('agrees with zod on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true }),
        (name, input) => {
          agrees(schemaOf(name), input);
        },
      ),
      { numRuns: 500, seed: 26986 },
    );
  });

  it('declines only records zod rejects among ServiceRequest mutations (no slow path for valid ones)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(), mutation, (seed, pick, change) => {
        const record = fake(ServiceRequest, { seed });
        const paths = pathsOf(record);
        const input = mutate(record, paths[pick % paths.length] ?? [], change);
        const ours = accept(ServiceRequest, input);
        expect(ours === REJECT).toBe(!ServiceRequest.safeParse(input).success);
      }),
      { numRuns: 500, seed: 617 },
    );
  });

  describe('follows zod node by node', () => {
    const cases: [string, z.ZodType, unknown[]][] = [
      [
        'optional keys: absent stays absent, an explicit undefined is kept',
        z.object({ a: z.string().optional(), b: z.number() }),
        [{ b: 1 }, { a: undefined, b: 1 }, { a: 'x', b: 1, extra: true }, { a: 1, b: 1 }, {}],
      ],
      [
        'defaults, prefaults and optional defaults',
        z.object({
          a: z.string().default('d'),
          b: z.string().default('d').optional(),
          c: z.string().prefault('p'),
          d: z.number().optional().default(3),
        }),
        [{}, { a: undefined, b: undefined }, { a: 'x', b: 'y', c: 'z', d: 4 }, { a: 1 }],
      ],
      [
        'defaults that are undefined, and a default standing in for an undefined output',
        z.object({
          kept: z.unknown().default(undefined),
          absent: z.unknown().default(undefined).optional(),
          replaced: z
            .string()
            .transform((): string | undefined => undefined)
            .default('d'),
        }),
        [{}, { replaced: 'x' }, { absent: 1, replaced: 1 }],
      ],
      [
        'strict objects reject unknown keys, loose ones keep them',
        z.object({
          inner: z.strictObject({ a: z.string() }),
          loose: z.looseObject({ a: z.string() }),
        }),
        [
          { inner: { a: 'x' }, loose: { a: 'y', more: 1 } },
          { inner: { a: 'x', b: 1 }, loose: { a: 'y' } },
          { inner: { a: 'x' }, loose: { a: 1 } },
        ],
      ],
      [
        'a catchall schema checks every undeclared key',
        z.object({ a: z.string() }).catchall(z.number()),
        [
          { a: 'x', b: 1 },
          { a: 'x', b: 'y' },
          { a: 'x' },
          JSON.parse('{"a":"x","__proto__":{"b":2}}'),
        ],
      ],
      [
        'overwrites, transforms and pipes run in zod order',
        z.object({
          name: z.string().trim().toLowerCase().min(2),
          phone: z
            .string()
            .transform((s) => s.replace(/\D/g, ''))
            .pipe(z.string().length(10)),
          url: z.url(),
        }),
        [
          { name: '  ABC ', phone: '(617) 635-4500', url: ' https://example.org/a\tb ' },
          { name: ' A ', phone: '617', url: 'https://example.org' },
          { name: 'abc', phone: '6176354500', url: 'not a url' },
        ],
      ],
      [
        'refinements on fields and on the object',
        z
          .object({ from: z.number(), to: z.number().refine((n) => n !== 13) })
          .refine((r) => r.from <= r.to),
        [
          { from: 1, to: 2 },
          { from: 3, to: 2 },
          { from: 1, to: 13 },
        ],
      ],
      [
        'unions take the first option that passes, unaffected by the options that failed',
        z.union([
          z
            .string()
            .min(3)
            .transform((s) => `first:${s}`),
          z.string().max(10),
          z.number(),
        ]),
        ['xyz', 'x', 1, true],
      ],
      [
        'a field optional on input only keeps what its transform makes of absence',
        z.object({
          kept: z
            .string()
            .optional()
            .transform((s) => s?.length ?? 0),
          dropped: z
            .string()
            .optional()
            .transform((s) => s),
        }),
        [{}, { kept: 'abc', dropped: 'x' }, { dropped: undefined }, { kept: 1 }],
      ],
      [
        'nullable, exact optional and non-optional wrappers',
        z.object({
          a: z.string().nullable(),
          b: z.exactOptional(z.string()),
          c: z.string().optional().nonoptional(),
        }),
        [
          { a: null, c: 'x' },
          { a: 'x', b: 'y', c: 'z' },
          { a: null, b: undefined, c: 'x' },
          { a: null, c: undefined },
        ],
      ],
      [
        'arrays, with their own checks',
        z.object({ list: z.array(z.number().int()).min(1).max(3) }),
        [{ list: [1, 2] }, { list: [] }, { list: [1, 2, 3, 4] }, { list: [1.5] }, { list: 'x' }],
      ],
      [
        'islands (records, intersections, tuples, dates) run on zod',
        z.object({
          counts: z.record(z.string(), z.number()),
          both: z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() })),
          pair: z.tuple([z.string(), z.number()]),
          when: z.date(),
        }),
        [
          { counts: { a: 1 }, both: { a: 'x', b: 'y' }, pair: ['x', 1], when: new Date(0) },
          { counts: { a: 'x' }, both: { a: 'x', b: 'y' }, pair: ['x', 1], when: new Date(0) },
          { counts: {}, both: { a: 'x' }, pair: ['x'], when: 'today' },
        ],
      ],
      [
        'inherited and odd keys',
        z.object({ toString: z.any(), constructor: z.string().optional() }),
        [
          {},
          Object.create({ inherited: 1 }),
          { constructor: 'x' },
          JSON.parse('{"__proto__":{"a":1}}'),
        ],
      ],
    ];
    for (const [title, schema, inputs] of cases) {
      it(title, () => {
        // Every node here is modelled (or an island), so the acceptor must answer exactly as zod.
        const answers = inputs.map((input) => agrees(schema, input));
        expect(answers).toEqual(inputs.map((input) => schema.safeParse(input).success));
        expect(answers).toContain(true);
      });
    }

    it('copies a string-keyed record of unchecked values as zod does, and leaves odd objects to zod', () => {
      class Box {
        a = 1;
      }
      const schema = z.object({ details: z.record(z.string(), z.unknown()).optional() });
      const plain = [{ a: 1, b: { c: [1, 'x'] } }, {}, { 'x y': null, n: 2 }];
      const odd = [
        [],
        null,
        'text',
        new Date(0),
        new Map([['a', 1]]),
        new Box(),
        Object.assign(Object.create(null) as object, { a: 1 }),
        { a: 1, [Symbol('s')]: 2 },
        JSON.parse('{"__proto__":{"x":1},"a":2}'),
        { constructor: 'c' },
      ];
      for (const details of plain) {
        expect(agrees(schema, { details })).toBe(true);
        expect((accept(schema, { details }) as { details: unknown }).details).not.toBe(details);
      }
      // Declined (zod decides) or, if accepted, exactly zod's answer: `agrees` checks both.
      for (const details of odd) agrees(schema, { details });
      expect(odd.every((details) => accept(schema, { details }) === REJECT)).toBe(true);
      // Hidden and inherited keys are skipped, as zod skips them.
      const hidden = Object.defineProperty({ a: 1 }, 'b', { value: 2, enumerable: false });
      expect(agrees(schema, { details: hidden })).toBe(true);
      expect(accept(schema, { details: hidden })).toEqual({ details: { a: 1 } });
      const proto = Object.prototype as Record<string, unknown>;
      proto.polluted = 'x';
      try {
        expect(agrees(schema, { details: { a: 1 } })).toBe(true);
        expect(
          Object.keys((accept(schema, { details: { a: 1 } }) as { details: object }).details),
        ).toEqual(['a']);
      } finally {
        delete proto.polluted;
      }
    });

    it('hands a throwing transform and an async refinement back to zod, which throws', () => {
      const throwing = z.object({
        a: z.string().transform(() => {
          throw new Error('boom');
        }),
      });
      expect(accept(throwing, { a: 'x' })).toBe(REJECT);
      const asynchronous = z.object({ a: z.string().refine(async () => true) });
      expect(accept(asynchronous, { a: 'x' })).toBe(REJECT);
    });

    it('leaves cyclic schemas to zod', () => {
      type Tree = { children: Tree[] };
      const Tree: z.ZodType<Tree> = z.object({ children: z.array(z.lazy(() => Tree)) });
      expect(acceptorOf(Tree)).toBeUndefined();
    });

    it('is generated once per schema', () => {
      expect(acceptorOf(ServiceRequest)).toBe(acceptorOf(ServiceRequest));
      expect(acceptorOf(ServiceRequest)?.islands).toBe(0);
    });
  });
});
