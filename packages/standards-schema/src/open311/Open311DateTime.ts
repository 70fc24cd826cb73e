import { z } from 'zod';
import { withFixedPoints } from '../internal/fixedPoint';

// W3C "Date and Time Formats" (the note GeoReport v2 cites for every datetime): a complete date
// plus hours and minutes, optionally seconds and a decimal fraction, and a time zone designator
// (`Z` or `+hh:mm`/`-hh:mm`). Seconds are optional there, not in RFC 3339.
const W3C_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Reads two digits at `at` (the pattern has already checked they are digits).
const two = (text: string, at: number) =>
  (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);

const DIGITS_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15];
const isDigit = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
};

/**
 * Whether `text` matches W3C_DATETIME, read character by character (the same language as the
 * pattern: `\d` is ASCII, `$` is the end of the text). The refinement below runs on every
 * date-time of a bulk validation, after the pattern check, so it does not run the pattern again.
 */
export function matchesW3cDateTime(text: string): boolean {
  const n = text.length;
  if (n < 17) return false;
  for (let k = 0; k < DIGITS_AT.length; k++)
    if (!isDigit(text, DIGITS_AT[k] as number)) return false;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return false;
  let i = 16;
  if (text[i] === ':') {
    if (!isDigit(text, i + 1) || !isDigit(text, i + 2)) return false;
    i += 3;
    if (text[i] === '.') {
      const start = ++i;
      while (i < n && isDigit(text, i)) i++;
      if (i === start) return false;
    }
  }
  if (i === n - 1) return text[i] === 'Z';
  if (i !== n - 6 || (text[i] !== '+' && text[i] !== '-') || text[i + 3] !== ':') return false;
  return (
    isDigit(text, i + 1) && isDigit(text, i + 2) && isDigit(text, i + 4) && isDigit(text, i + 5)
  );
}

// The calendar and clock ranges the pattern cannot check. Runs on every record of a bulk
// validation, so it reads characters in place rather than allocating a match.
function isValid(text: string): boolean {
  if (!matchesW3cDateTime(text)) return true; // the pattern check reports it
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days || two(text, 11) > 23 || two(text, 14) > 59) return false;
  if (text.charCodeAt(16) === 58 && two(text, 17) > 59) return false;
  const last = text.length - 1;
  if (text.charCodeAt(last) === 90) return true; // Z
  return two(text, last - 4) <= 23 && two(text, last - 1) <= 59;
}

/** Adds `:00` seconds to a W3C time without them, so the value is also RFC 3339. */
function withSeconds(text: string): string {
  return text.charCodeAt(16) === 58 ? text : `${text.slice(0, 16)}:00${text.slice(16)}`;
}

/**
 * A GeoReport v2 date-time: the W3C Date and Time Formats note's complete date plus hours and
 * minutes, with optional seconds and fraction, and a time zone designator
 * (`2011-02-03T14:18-08:00`, `2010-04-14T06:37:38-08:00`, `2018-09-06T19:51:48.000Z`).
 * Normalized to RFC 3339: a time without seconds gets `:00`.
 *
 * Standard: [Open311 GeoReport v2](https://wiki.open311.org/GeoReport_v2) ("All times are
 * formatted to the W3C standard"), [W3C NOTE-datetime](https://www.w3.org/TR/NOTE-datetime).
 */
export const Open311DateTime = z
  .string()
  .regex(
    W3C_DATETIME,
    'Expected a W3C date-time with a time zone, such as 2010-04-14T06:37:38-08:00',
  )
  .refine(isValid, 'Expected a W3C date-time with a time zone, such as 2010-04-14T06:37:38-08:00')
  .transform(
    withFixedPoints(
      withSeconds,
      (value) => typeof value === 'string' && value.charCodeAt(16) === 58,
    ),
  )
  .meta({
    description:
      'W3C NOTE-datetime complete date plus hours and minutes (seconds optional) and a time zone designator',
    examples: ['2010-04-14T06:37:38-08:00', '2011-02-03T14:18-08:00'],
  });
/** A GeoReport v2 date-time (RFC 3339 once parsed). */
export type Open311DateTime = z.output<typeof Open311DateTime>;
