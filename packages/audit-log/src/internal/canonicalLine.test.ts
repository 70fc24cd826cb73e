import reference from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../test/fixtures';
import { createAuditLog } from '../createAuditLog';
import { memoryStore } from '../memoryStore';
import { canonicalize, canonicalizeWith } from './canonical';
import { isCanonicalText, scanEventLine } from './canonicalLine';
import type { ChainedEvent } from './chain';

// Keys the scanner leaves to the slow path: any that JSON must escape.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes.
const ESCAPED_KEY = /["\\\u0000-\u001f]/;
function keysNeedEscapes(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(keysNeedEscapes);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => ESCAPED_KEY.test(k) || keysNeedEscapes(v));
  }
  return false;
}

describe('isCanonicalText', () => {
  it('accepts the RFC 8785 text of any JSON value (keys without escapes)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = reference(value) as string;
        expect(isCanonicalText(text)).toBe(!keysNeedEscapes(value));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts nothing that is not canonical (checked against parse + canonicalize)', () => {
    const layouts = fc.constantFrom<[number | undefined, boolean]>(
      [undefined, false],
      [undefined, true],
      [1, false],
    );
    fc.assert(
      fc.property(fc.jsonValue(), layouts, (value, [indent, reverse]) => {
        const reordered = reverse
          ? JSON.parse(JSON.stringify(value), (_k, v) =>
              v && typeof v === 'object' && !Array.isArray(v)
                ? Object.fromEntries(Object.entries(v).reverse())
                : v,
            )
          : value;
        const text = JSON.stringify(reordered, null, indent);
        if (isCanonicalText(text)) expect(canonicalize(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['whitespace', '{"a": 1}'],
    ['unsorted keys', '{"b":1,"a":2}'],
    ['duplicate keys', '{"a":1,"a":1}'],
    ['a trailing zero', '[1.0]'],
    ['an exponent JS would not print', '[1E3]'],
    ['minus zero', '[-0]'],
    ['a leading zero', '[01]'],
    ['an escaped slash', '["a\\/b"]'],
    ['a needless unicode escape', '["\\u0041"]'],
    ['an uppercase unicode escape', '["\\u001F"]'],
    ['a control character unescaped', '["a\u0001"]'],
    ['a lone surrogate', '["\ud800"]'],
    ['a lone surrogate escaped', '["\\ud800"]'],
    ['trailing text', '{}x'],
    ['a bare word', '[nul]'],
  ])('refuses %s', (_name, text) => {
    expect(isCanonicalText(text)).toBe(false);
  });

  it('accepts the escapes JSON.stringify writes and paired surrogates', () => {
    expect(isCanonicalText('["\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f","😀",1e+21,1e-7,-1.5]')).toBe(
      true,
    );
  });
});

describe('scanEventLine', () => {
  it('finds the id and the integrity block, and the hashed text is the line without the hash', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'scan' }, store });
    // details.integrity and details.id come before the top-level members: they must not confuse it.
    const event = (await log.record(
      sampleEvent(1, { details: { id: 'not-this', integrity: { hash: 'nor-this' } } }),
    )) as ChainedEvent;
    await log.close();
    const line = canonicalize(event);
    const scan = scanEventLine(line);
    if (!scan) throw new Error('a canonical event line was refused');
    expect(line.slice(scan.idStart, scan.idEnd)).toBe(event.id);
    expect(line.slice(scan.hashStart, scan.hashEnd)).toBe(event.integrity.hash);
    expect(line.slice(scan.prevStart, scan.prevEnd)).toBe(event.integrity.prevHash);
    expect(scan.seq).toBe(event.integrity.seq);
    expect(line.slice(0, scan.hashMemberStart) + line.slice(scan.hashMemberEnd)).toBe(
      canonicalizeWith(event, 'integrity', {
        seq: event.integrity.seq,
        prevHash: event.integrity.prevHash,
      }),
    );
  });

  it('refuses lines whose integrity block is not the one the log writes', () => {
    const base = '{"id":"x","integrity":{"hash":"h","prevHash":"p","seq":1},"outcome":"success"}';
    expect(scanEventLine(base)).toBeDefined();
    for (const bad of [
      base.replace('"seq":1', '"seq":1.5'),
      base.replace('"seq":1', '"seq":-1'),
      base.replace('"seq":1', '"seq":"1"'),
      base.replace('"prevHash":"p",', ''),
      base.replace('{"hash":"h",', '{"extra":0,"hash":"h",'),
      base.replace('"id":"x",', ''),
      base.replace('"id":"x"', '"id":7'),
      `${base} `,
    ]) {
      expect(scanEventLine(bad)).toBeUndefined();
    }
  });
});
