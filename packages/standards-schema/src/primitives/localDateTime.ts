import { z } from 'zod';
import { StandardsSchemaError } from '../errors';
import { DateTime } from './DateTime';

/** The City's time zone. */
export const CITY_TIME_ZONE = 'America/New_York';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const HOUR = 3_600_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Offset (minutes east of UTC) of `timeZone` at the instant `utcMs`. Reading it through Intl
 * costs microseconds, and a bulk read of a CSV asks millions of times, so offsets are cached per
 * UTC hour: only for an hour whose first and last millisecond have the same offset (a
 * transition inside an hour is computed every time), and the cache is bounded.
 */
function offsetAt(utcMs: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const hour = Math.floor(utcMs / HOUR);
  const cached = cache.get(hour);
  if (cached !== undefined) return cached;
  const start = intlOffsetAt(hour * HOUR, timeZone);
  if (intlOffsetAt(hour * HOUR + HOUR - 1, timeZone) !== start)
    return intlOffsetAt(utcMs, timeZone);
  if (cache.size >= 200_000) cache.clear();
  cache.set(hour, start);
  return start;
}

function intlOffsetAt(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** How a local time maps to instants: one, none (skipped in spring) or two (repeated in autumn). */
export interface LocalTimeReading {
  /** RFC 3339 strings with offset, earliest first: 1 normally, 0 in the spring gap, 2 in the autumn overlap. */
  candidates: string[];
  status: 'exact' | 'ambiguous' | 'nonexistent';
}

/**
 * Reads an offset-less local date-time (`2025-11-02T01:30`, `2025-11-02 01:30:00`) in
 * `timeZone` (America/New_York by default) and reports every instant it can mean.
 *
 * @throws StandardsSchemaError `INVALID_DATE_TIME` when the text is not a local date-time.
 *
 * @example
 * ```ts
 * readLocalDateTime('2025-11-02T01:30').candidates;
 * // ['2025-11-02T01:30:00-04:00', '2025-11-02T01:30:00-05:00'], status 'ambiguous'
 * ```
 */
export function readLocalDateTime(
  text: string,
  timeZone: string = CITY_TIME_ZONE,
): LocalTimeReading {
  const m = LOCAL.exec(text.trim());
  if (!m) {
    throw new StandardsSchemaError(
      'INVALID_DATE_TIME',
      `Expected a local date-time such as 2025-06-01T14:05; got ${JSON.stringify(text)}`,
    );
  }
  const [, y, mo, d, h, mi, s = '00', frac = ''] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    throw new StandardsSchemaError(
      'INVALID_DATE_TIME',
      `Not a calendar date-time: ${JSON.stringify(text)}`,
    );
  }
  // The zone's offset a day either side covers both offsets around any transition.
  const offsets = [
    ...new Set([offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone)]),
  ];
  const candidates: { utc: number; offset: number }[] = [];
  for (const offset of offsets) {
    const utc = wall - offset * 60_000;
    if (offsetAt(utc, timeZone) === offset) candidates.push({ utc, offset });
  }
  candidates.sort((a, b) => a.utc - b.utc);
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}`;
  return {
    candidates: candidates.map((c) => `${local}${formatOffset(c.offset)}`),
    status:
      candidates.length === 1 ? 'exact' : candidates.length === 0 ? 'nonexistent' : 'ambiguous',
  };
}

/**
 * Converts a local America/New_York date-time to RFC 3339 with its offset.
 *
 * @throws StandardsSchemaError `AMBIGUOUS_LOCAL_TIME` for the repeated autumn hour (unless
 *   `prefer` picks the `earlier` or `later` instant), `NONEXISTENT_LOCAL_TIME` for the skipped
 *   spring hour, `INVALID_DATE_TIME` for text that is not a local date-time.
 */
export function localToDateTime(
  text: string,
  options: { timeZone?: string; prefer?: 'earlier' | 'later' } = {},
): string {
  const reading = readLocalDateTime(text, options.timeZone);
  if (reading.status === 'nonexistent') {
    throw new StandardsSchemaError(
      'NONEXISTENT_LOCAL_TIME',
      `${text} does not exist in ${options.timeZone ?? CITY_TIME_ZONE} (clocks skip that hour)`,
    );
  }
  if (reading.status === 'ambiguous' && !options.prefer) {
    throw new StandardsSchemaError(
      'AMBIGUOUS_LOCAL_TIME',
      `${text} happens twice in ${options.timeZone ?? CITY_TIME_ZONE}: ${reading.candidates.join(' or ')}`,
    );
  }
  return (options.prefer === 'later' ? reading.candidates.at(-1) : reading.candidates[0]) as string;
}

/**
 * A date-time as feeds send it: RFC 3339 with an offset, or an offset-less local time read as
 * America/New_York. Parses to RFC 3339 with the offset; the repeated autumn hour and the skipped
 * spring hour are reported as issues (`params.reason` `ambiguous` or `nonexistent`).
 *
 * @example
 * ```ts
 * DateTimeInput.parse('2025-07-04T09:00'); // '2025-07-04T09:00:00-04:00'
 * DateTimeInput.safeParse('2025-11-02T01:30').success; // false: ambiguous
 * ```
 */
export const DateTimeInput = z.string().transform((text, ctx): string => {
  if (DateTime.safeParse(text).success) return text;
  let reading: LocalTimeReading;
  try {
    reading = readLocalDateTime(text);
  } catch {
    ctx.issues.push({
      code: 'invalid_format',
      format: 'datetime',
      input: text,
      message: 'Expected an RFC 3339 date-time or a local date-time such as 2025-06-01T14:05',
    });
    return z.NEVER;
  }
  if (reading.status !== 'exact') {
    ctx.issues.push({
      code: 'custom',
      input: text,
      params: { reason: reading.status, candidates: reading.candidates },
      message:
        reading.status === 'ambiguous'
          ? `Ambiguous local time in America/New_York: ${reading.candidates.join(' or ')}; add the offset`
          : 'This local time does not exist in America/New_York (the spring clock change skips it)',
    });
    return z.NEVER;
  }
  return reading.candidates[0] as string;
});
