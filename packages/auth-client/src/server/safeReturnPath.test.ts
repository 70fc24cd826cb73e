import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../authError';
import { safeReturnPath } from './safeReturnPath';

const ORIGIN = 'https://casedesk.boston.gov';

describe('safeReturnPath', () => {
  it('keeps same-origin paths with query and fragment', () => {
    expect(safeReturnPath('/cases/42?tab=notes#n3', ORIGIN)).toBe('/cases/42?tab=notes#n3');
    expect(safeReturnPath('/', ORIGIN)).toBe('/');
  });

  for (const attack of [
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>',
    '/\t/evil.example',
    '/\n/evil.example',
    'evil.example',
    '',
  ]) {
    it(`refuses ${JSON.stringify(attack)} with unsafe_return_path`, () => {
      const error = (() => {
        try {
          safeReturnPath(attack, ORIGIN);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).code).toBe('unsafe_return_path');
    });
  }

  it('refuses /.//evil.example, which normalizes to the protocol-relative //evil.example (regression)', () => {
    expect(() => safeReturnPath('/.//evil.example', ORIGIN)).toThrow(AuthError);
    expect(() => safeReturnPath('/a/..//evil.example', ORIGIN)).toThrow(AuthError);
    expect(safeReturnPath('/.//evil.example', ORIGIN, '/')).toBe('/');
  });

  it('returns the normalized path it checked', () => {
    expect(safeReturnPath('/a/./b/../cases?x=1', ORIGIN)).toBe('/a/cases?x=1');
    expect(safeReturnPath('/%2e%2e/cases', ORIGIN)).toBe('/cases');
  });

  // Strings built from the characters that matter to URL parsing, so that dot segments,
  // doubled slashes, backslashes and encodings meet far more often than in random text.
  const pathLike = fc
    .array(
      fc.constantFrom(
        '/',
        '/',
        '.',
        '..',
        '\\',
        '%2e',
        '%2f',
        '%5c',
        'evil',
        ':',
        '@',
        '?',
        '#',
        '\t',
        'a',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

  it('for any input, the result is a same-origin path or the fallback (property)', () => {
    const PROBE = 'https://probe.invalid';
    fc.assert(
      fc.property(fc.oneof(pathLike, fc.string({ maxLength: 40 })), (input) => {
        const out = safeReturnPath(input, ORIGIN, '/fallback');
        if (out === '/fallback') return;
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//') || out.startsWith('/\\')).toBe(false);
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
        // Origin-relative whatever the base: never protocol-relative or absolute.
        expect(new URL(out, PROBE).origin).toBe(PROBE);
      }),
      { numRuns: 3000 },
    );
  });

  it('never returns a path that leaves the origin (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        let out: string;
        try {
          out = safeReturnPath(input, ORIGIN);
        } catch (e) {
          expect((e as AuthError).code).toBe('unsafe_return_path');
          return;
        }
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
        expect(out.startsWith('/') && !out.startsWith('//')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
