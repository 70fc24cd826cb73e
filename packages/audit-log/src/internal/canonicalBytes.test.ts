import reference from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCut, canonicalizeWith } from './canonical';
import { encodeEventCut, withHashedBytes } from './canonicalBytes';

/** The two halves of an encoded cut, as text. */
function decoded(e: Record<string, unknown>) {
  const cut = encodeEventCut(e);
  return {
    before: cut.buf.toString('utf8', cut.start, cut.mid),
    after: cut.buf.toString('utf8', cut.mid, cut.end),
  };
}

/** The whole canonical event with an integrity member spliced in, as the chain hashes it. */
function whole(e: Record<string, unknown>): string {
  const { before, after } = decoded(e);
  return `${before}"integrity":{"seq":1}${after}`;
}

const event = {
  id: '0190a5c8-0000-7000-8000-000000000001',
  time: '2026-11-22T10:00:00.000Z',
  action: 'case.view',
  actor: { type: 'user', id: 'u-1', roles: ['caseworker'] },
  app: { name: 'case-desk' },
  outcome: 'success',
};

describe('encodeEventCut', () => {
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const events = fc.record(
    {
      id: text,
      time: text,
      action: text,
      actor: fc.record(
        { type: text, id: text, name: text, department: text, roles: fc.array(text) },
        { requiredKeys: ['type', 'id'] },
      ),
      target: fc.record({ type: text, id: text, classification: text }, { requiredKeys: [] }),
      outcome: text,
      reason: optional(text),
      source: fc.record({ ip: text, userAgent: text }, { requiredKeys: [] }),
      app: fc.record({ name: text, version: text, department: text }, { requiredKeys: ['name'] }),
      purpose: text,
      agreementId: text,
      traceId: text,
      details: fc.dictionary(fc.string(), fc.jsonValue()),
      unexpected: fc.jsonValue(),
    },
    { requiredKeys: ['id', 'time', 'action', 'actor', 'outcome', 'app'] },
  );

  it('writes the same bytes as the string serializer for any event shape', () => {
    fc.assert(
      fc.property(events, (e) => {
        expect(decoded(e)).toEqual(canonicalCut(e, 'integrity'));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a stored event with its integrity block swapped as the string serializer does', () => {
    const integrity = fc.record({ seq: fc.nat(), prevHash: text, hash: text });
    fc.assert(
      fc.property(events, integrity, fc.nat(), text, (e, block, seq, prevHash) => {
        const stored = { ...e, integrity: block };
        const bytes = withHashedBytes(stored, seq, prevHash, (b) =>
          Buffer.from(b).toString('utf8'),
        );
        expect(bytes).toBe(canonicalizeWith(stored, 'integrity', { seq, prevHash }));
        // The scratch bytes are given back: the next event is written whole.
        expect(decoded(event)).toEqual(canonicalCut(event, 'integrity'));
      }),
      { numRuns: 300 },
    );
  });

  it('writes what the RFC 8785 reference writes, escapes and non-ASCII text included', () => {
    const e = {
      ...event,
      reason: 'quote " backslash \\ tab \t nul \u0000 del \u007f',
      details: {
        é: 'café €5 😀',
        '\r': [1e21, 1e-7, -0, 0.1, null, true, false, {}, []],
        z: { b: 'x', a: 'y', '': 'empty key' },
      },
    };
    expect(whole(e)).toBe(reference({ ...e, integrity: { seq: 1 } }));
  });

  it('leaves out what JSON leaves out, as JSON.stringify does', () => {
    const e = {
      ...event,
      traceId: undefined,
      details: {
        f: () => 1,
        s: Symbol('x'),
        u: undefined,
        gone: { toJSON: () => undefined },
        when: new Date(Date.UTC(2026, 10, 22)),
        list: [undefined, () => 1, Symbol('y')],
        kept: 1,
      },
    };
    expect(whole(e)).toBe(reference(JSON.parse(JSON.stringify({ ...e, integrity: { seq: 1 } }))));
    expect(decoded(e).before).toContain(
      '"details":{"kept":1,"list":[null,null,null],"when":"2026-11-22T00:00:00.000Z"}',
    );
  });

  it('refuses what JSON cannot carry, and the next event is written whole', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 'lone \ud800 surrogate', 10n]) {
      expect(() => encodeEventCut({ ...event, details: { bad } })).toThrow(TypeError);
      expect(whole(event)).toBe(reference({ ...event, integrity: { seq: 1 } }));
    }
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => encodeEventCut({ ...event, details: circular })).toThrow(/nested too deeply/);
  });

  it('keeps each event intact across slab boundaries and for values larger than a slab', () => {
    // Enough events to fill several 256 KiB slabs, one of them larger than a slab on its own.
    const written = Array.from({ length: 3000 }, (_, i) => {
      const e = {
        ...event,
        details: { i, note: i === 1500 ? 'x'.repeat(600_000) : `note ${i}`, é: 'ü'.repeat(i % 7) },
      };
      return { e, cut: encodeEventCut(e) };
    });
    // Read back only after all were written: a later event must never overwrite an earlier one.
    for (const { e, cut } of written) {
      expect(cut.buf.toString('utf8', cut.start, cut.mid)).toBe(
        canonicalCut(e, 'integrity').before,
      );
      expect(cut.buf.toString('utf8', cut.mid, cut.end)).toBe(canonicalCut(e, 'integrity').after);
    }
  });

  it("writes an event recorded from inside another event's toJSON without mixing the two", () => {
    let inner: ReturnType<typeof encodeEventCut> | undefined;
    const innerEvent = { ...event, action: 'inner' };
    const outer = {
      ...event,
      details: {
        a: 'before',
        b: {
          toJSON() {
            inner = encodeEventCut(innerEvent);
            return 'nested';
          },
        },
        c: 'after',
      },
    };
    const outerCut = decoded(outer);
    expect(outerCut.before).toContain('"details":{"a":"before","b":"nested","c":"after"}');
    if (!inner) throw new Error('toJSON was not called');
    expect(inner.buf.toString('utf8', inner.start, inner.end)).toBe(
      Object.values(canonicalCut(innerEvent, 'integrity')).join(''),
    );
  });
});
