import { z } from 'zod';
import { withFixedPoints } from '../internal/fixedPoint';

// NANP numbers (+1) have area and exchange codes starting 2-9; other country codes start 2-9.
const E164 = /^(?:\+1[2-9]\d{2}[2-9]\d{6}|\+[2-9]\d{6,14})$/;

/**
 * Normalizes a phone number to E.164: US numbers written the usual ways (`617-635-4500`,
 * `(617) 635-4500`, `1 617 635 4500`) become `+16176354500`; numbers already starting with `+`
 * keep their digits. Returns the input unchanged when it cannot tell, so validation reports it.
 */
export function normalizePhone(input: string): string {
  const trimmed = input.trim();
  const digits = trimmed.replace(/[\s().\-\u00a0]/g, '');
  if (digits.startsWith('+')) return digits;
  if (/^\d{10}$/.test(digits) && /^[2-9]\d{2}[2-9]/.test(digits)) return `+1${digits}`;
  if (/^1\d{10}$/.test(digits) && /^1[2-9]\d{2}[2-9]/.test(digits)) return `+${digits}`;
  return trimmed;
}

/**
 * A phone number in E.164 form (`+16176354500`). US numbers are normalized on input
 * (`(617) 635-4500` parses to `+16176354500`); anything else must already be E.164.
 *
 * Standard: [ITU-T E.164](https://www.itu.int/rec/T-REC-E.164) and the North American Numbering
 * Plan (area and exchange codes start with 2-9).
 *
 * @example
 * ```ts
 * Phone.parse('(617) 635-4500'); // '+16176354500'
 * Phone.safeParse('635-4500').success; // false: no area code
 * ```
 */
export const Phone = z
  .string()
  .transform(
    // '+' and digits only: nothing to trim or strip, and it starts with '+': it comes back as is.
    withFixedPoints(
      normalizePhone,
      (value) => typeof value === 'string' && /^\+[0-9]+$/.test(value),
    ),
  )
  .pipe(z.string().regex(E164, 'Expected an E.164 phone number such as +16176354500'))
  .meta({ description: 'Phone number in E.164 form', examples: ['+16176354500'] });
/** An E.164 phone number string. */
export type Phone = z.infer<typeof Phone>;
