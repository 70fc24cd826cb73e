import canonicalizeJcs from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a value. Throws on what JSON cannot carry
 * faithfully (NaN, Infinity, lone surrogates, cycles); BigInt throws too.
 */
export function canonicalize(value: unknown): string {
  const text = canonicalizeJcs(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}
