import reference from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCut, canonicalize, canonicalizeWith } from './canonical';

describe('canonicalize (RFC 8785)', () => {
  it('matches the reference implementation on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalize(value)).toBe(reference(value));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the RFC 8785 examples for numbers and key order', () => {
    expect(
      canonicalize({
        b: 1e21,
        a: 1e-7,
        c: -0,
        d: Number('333333333.33333329'),
        '\u20ac': 1,
        '\r': 2,
        é: 3,
      }),
    ).toBe('{"\\r":2,"a":1e-7,"b":1e+21,"c":0,"d":333333333.3333333,"é":3,"€":1}');
  });

  it('refuses NaN, Infinity, lone surrogates and BigInt', () => {
    expect(() => canonicalize({ x: Number.NaN })).toThrow();
    expect(() => canonicalize([Number.POSITIVE_INFINITY])).toThrow();
    expect(() => canonicalize({ x: '\ud800' })).toThrow(/surrogate/);
    expect(() => canonicalize({ x: 1n })).toThrow(/BigInt/);
  });

  it('splicing a member into an object cut around its key equals canonicalizing the whole object', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.string(),
        fc.jsonValue(),
        (obj, key, value) => {
          const rest = { ...obj };
          delete rest[key];
          const { before, after } = canonicalCut(rest, key);
          expect(`${before}${canonicalize(key)}:${canonicalize(value)}${after}`).toBe(
            canonicalizeWith(rest, key, value),
          );
          expect(canonicalizeWith(rest, key, value)).toBe(reference({ ...rest, [key]: value }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
