// Strings the app accepts from people and URLs: no control characters (a NUL cannot even be
// stored in PostgreSQL text) and no unpaired UTF-16 surrogates (they cannot be encoded as UTF-8).
import { z } from 'zod';

// Tab, line feed and carriage return are text; every other C0 control, DEL and C1 are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` is text a person could have typed: no control characters, no lone surrogates. */
export function isCleanText(value: string, options: { multiline?: boolean } = {}): boolean {
  if (LONE_SURROGATE.test(value)) return false;
  if (CONTROL.test(value)) return false;
  return options.multiline === true || !/[\t\n\r]/.test(value);
}

/** A single-line string without control characters or unpaired surrogates. */
export const CleanLine = z
  .string()
  .refine((v) => isCleanText(v), 'Remove control characters and unpaired surrogates');

/** Multi-line text (notes): line breaks and tabs allowed, other control characters not. */
export const CleanText = z
  .string()
  .refine(
    (v) => isCleanText(v, { multiline: true }),
    'Remove control characters and unpaired surrogates',
  );

/** A real calendar day, `YYYY-MM-DD` (rejects `2025-02-30` and `2025-13-45`). */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date such as 2025-06-01')
  .refine((v) => {
    // The format has its own message above; this one is about the calendar.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return true;
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return (
      y >= 1900 &&
      y <= 2999 &&
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === m - 1 &&
      date.getUTCDate() === d
    );
  }, 'Expected a real calendar date between 1900 and 2999, such as 2025-06-01');

/** A case number in a path or query: digits only. */
export const CaseId = z.string().regex(/^\d{1,20}$/, 'Expected the digits of a case number');
