import { z } from 'zod';
import { withFixedPoints } from '../internal/fixedPoint';

// W3C "Date and Time Formats" (the note GeoReport v2 cites for every datetime): a complete date
// plus hours and minutes, optionally seconds and a decimal fraction, and a time zone designator
// (`Z` or `+hh:mm`/`-hh:mm`). Seconds are optional there, not in RFC 3339. The pattern also holds
// the calendar and the clock (months 01-12, the days of each month, 29 February in leap years
// only, hours 00-23, minutes and seconds 00-59, offsets up to 23:59), so the exported JSON Schema
// (a `pattern`) rejects exactly what this schema rejects: it used to say only the digits' shape,
// with the calendar in a refinement JSON Schema cannot carry, so ajv accepted 2025-02-30T10:00Z.
// Leap years: divisible by 4 and not by 100 (the two last digits), or by 400 (the two first, 00).
const DAY = String.raw`(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))`;
const LEAP_YEAR = String.raw`(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)`;
const TIME = String.raw`(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?`;
const ZONE = String.raw`(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)`;
const W3C_DATETIME = new RegExp(String.raw`^(?:\d{4}-${DAY}|${LEAP_YEAR}-02-29)T${TIME}${ZONE}$`);

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
