import { z } from 'zod';

// W3C "Date and Time Formats" (the note GeoReport v2 cites for every datetime): a complete date
// plus hours and minutes, optionally seconds and a decimal fraction, and a time zone designator
// (`Z` or `+hh:mm`/`-hh:mm`). Seconds are optional there, not in RFC 3339.
const W3C_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValid(text: string): boolean {
  const m = W3C_DATETIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zone = m[8] as string;
  const zoneOk = zone === 'Z' || (Number(zone.slice(1, 3)) <= 23 && Number(zone.slice(4, 6)) <= 59);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneOk
  );
}

/** Adds `:00` seconds to a W3C time without them, so the value is also RFC 3339. */
function withSeconds(text: string): string {
  return /T\d{2}:\d{2}(?:Z|[+-])/.test(text) ? text.replace(/(T\d{2}:\d{2})/, '$1:00') : text;
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
  .transform(withSeconds)
  .meta({
    description:
      'W3C NOTE-datetime complete date plus hours and minutes (seconds optional) and a time zone designator',
    examples: ['2010-04-14T06:37:38-08:00', '2011-02-03T14:18-08:00'],
  });
/** A GeoReport v2 date-time (RFC 3339 once parsed). */
export type Open311DateTime = z.output<typeof Open311DateTime>;
