import { z } from 'zod';
import { withFixedPoints } from '../internal/fixedPoint';

// W3C "Date and Time Formats" (the note GeoReport v2 cites for every datetime): a complete date
// plus hours and minutes, optionally seconds and a decimal fraction, and a time zone designator
// (`Z` or `+hh:mm`/`-hh:mm`). Seconds are optional there, not in RFC 3339.
const W3C_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Reads two digits at `at`. On text that is not a W3C date-time it reads garbage (NaN or out of
// range), which the callers below tolerate.
const two = (text: string, at: number) =>
  (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);

// The calendar and clock ranges of a text the pattern matches. On any other text it may answer
// either way, without throwing.
function inRange(text: string): boolean {
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days || two(text, 11) > 23 || two(text, 14) > 59) return false;
  if (text.charCodeAt(16) === 58 && two(text, 17) > 59) return false;
  const last = text.length - 1;
  if (text.charCodeAt(last) === 90) return true; // Z
  return two(text, last - 4) <= 23 && two(text, last - 1) <= 59;
}

// The refinement: false only for a text the pattern matches whose date or time is out of range
// (the pattern check reports the rest). It runs on every date-time of a bulk validation, so the
// common case (in range) reads characters in place and does not run the pattern again.
const isValid = (text: string): boolean => inRange(text) || !W3C_DATETIME.test(text);

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
