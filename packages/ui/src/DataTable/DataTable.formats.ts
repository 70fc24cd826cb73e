// Named cell formats: columns described as plain data (a server component cannot pass functions
// to a client component), e.g. `{ id: 'opened', header: 'Opened', format: 'date' }`.

export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

/**
 * Default cell text: RFC 3339 date-times and dates in the viewer's locale, numbers with
 * grouping, arrays joined, everything else as text; absent values are empty.
 */
export function defaultFormat(value: unknown, locale: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
  }
  if (typeof value === 'string') {
    if (ISO_DATE_TIME.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) {
        return cached(
          `dt:${locale}`,
          () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
        ).format(date);
      }
    }
    if (ISO_DATE.test(value)) {
      const date = new Date(`${value}T00:00:00Z`);
      if (!Number.isNaN(date.getTime())) {
        return cached(
          `d:${locale}`,
          () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
        ).format(date);
      }
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => defaultFormat(v, locale)).join(', ');
  if (typeof value === 'object') return '';
  return String(value);
}

/** The names of the built-in cell formats a column can ask for as data. */
export const DATA_TABLE_FORMATS = [
  'text',
  'number',
  'integer',
  'currency',
  'percent',
  'date',
  'dateTime',
] as const;

/** One of {@link DATA_TABLE_FORMATS}. */
export type DataTableFormatName = (typeof DATA_TABLE_FORMATS)[number];

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function intl<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

const asNumber = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};
const asDate = (value: unknown): Date | null => {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
    return null;
  }
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00Z`)
      : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

type Formatter = (value: unknown, locale: string) => string;

/** The registry: each name's formatter in the viewer's locale. Absent values are empty. */
const REGISTRY: Record<DataTableFormatName, Formatter> = {
  text: (value) => (value === null || value === undefined ? '' : String(value)),
  number: (value, locale) => {
    const n = asNumber(value);
    return n === null ? '' : intl(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
  },
  integer: (value, locale) => {
    const n = asNumber(value);
    return n === null
      ? ''
      : intl(
          `i:${locale}`,
          () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
        ).format(n);
  },
  // The City's money is US dollars; a municipality elsewhere formats with a function.
  currency: (value, locale) => {
    const n = asNumber(value);
    return n === null
      ? ''
      : intl(
          `c:${locale}`,
          () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }),
        ).format(n);
  },
  /** A ratio: 0.25 is 25 %. */
  percent: (value, locale) => {
    const n = asNumber(value);
    return n === null
      ? ''
      : intl(
          `p:${locale}`,
          () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
        ).format(n);
  },
  date: (value, locale) => {
    const d = asDate(value);
    // A plain date (YYYY-MM-DD) is a calendar day: format it in UTC so it never shifts a day.
    const utc = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return d === null
      ? ''
      : intl(
          `d:${locale}:${utc}`,
          () =>
            new Intl.DateTimeFormat(locale, {
              dateStyle: 'medium',
              ...(utc ? { timeZone: 'UTC' } : {}),
            }),
        ).format(d);
  },
  dateTime: (value, locale) => {
    const d = asDate(value);
    return d === null
      ? ''
      : intl(
          `dt:${locale}`,
          () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
        ).format(d);
  },
};

/** Whether a string names a built-in format. */
export function isDataTableFormatName(name: unknown): name is DataTableFormatName {
  return typeof name === 'string' && (DATA_TABLE_FORMATS as readonly string[]).includes(name);
}

/**
 * Formats a value with a named format, or with the default (dates, numbers, text) when no name
 * is given.
 * @example formatCell(1234.5, 'currency', 'en-US') // '$1,234.50'
 */
export function formatCell(
  value: unknown,
  name: DataTableFormatName | undefined,
  locale: string,
): string {
  return name ? REGISTRY[name](value, locale) : defaultFormat(value, locale);
}
