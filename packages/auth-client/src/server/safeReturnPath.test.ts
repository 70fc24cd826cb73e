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
