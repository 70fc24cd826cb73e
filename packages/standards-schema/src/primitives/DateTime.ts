import { z } from 'zod';

/**
 * An RFC 3339 date-time with its offset (`2025-03-09T07:30:00-04:00` or `...Z`), as a string.
 * An offset-less local time is rejected here; read it with `parseLocalDateTime()`, which
 * interprets it in America/New_York.
 *
 * Standard: [RFC 3339 §5.6](https://www.rfc-editor.org/rfc/rfc3339#section-5.6).
 *
 * @example
 * ```ts
 * DateTime.parse('2025-11-02T01:30:00-04:00'); // ok
 * DateTime.safeParse('2025-11-02 01:30').success; // false: no offset
 * ```
 */
export const DateTime = z.iso.datetime({ offset: true }).meta({
  description: 'RFC 3339 date-time with a UTC offset or Z',
  examples: ['2025-06-01T14:05:00-04:00'],
});
/** An RFC 3339 date-time string with its offset. */
export type DateTime = z.infer<typeof DateTime>;

/**
 * A calendar date, `YYYY-MM-DD` (RFC 3339 `full-date`).
 *
 * Standard: [RFC 3339 §5.6](https://www.rfc-editor.org/rfc/rfc3339#section-5.6).
 */
export const CalendarDate = z.iso.date().meta({
  description: 'RFC 3339 full-date (YYYY-MM-DD)',
  examples: ['2025-06-01'],
});
/** A `YYYY-MM-DD` date string. */
export type CalendarDate = z.infer<typeof CalendarDate>;
