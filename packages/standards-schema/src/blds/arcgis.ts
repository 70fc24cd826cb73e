// How ArcGIS REST serves a BLDS layer (`/query?f=json`): each record is a feature
// `{ attributes, geometry }`, a date column (esriFieldTypeDate) is a number of milliseconds since
// 1970-01-01 UTC, and some publishers (the City of Tempe) serve every date twice, as BLDS text
// (`AppliedDate: "2026-08-26"`) and as such a number in a column named after it
// (`AppliedDateDtm: 1787702400000`). A geometry is in the spatial reference of the whole
// response (`spatialReference`, or the query's `outSR`), which a feature does not carry.

const FEATURE_KEYS = new Set(['attributes', 'geometry']);
const DAY_MS = 86_400_000;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The columns of an ArcGIS feature (`{ attributes, geometry }`, nothing else), or `undefined`
 * when the input is not one. The geometry is kept as a column named `geometry` (not read as
 * `Latitude`/`Longitude`: the feature does not say its spatial reference); a `null` geometry (a
 * table layer) is dropped, as any null column is. If the attributes already hold a `geometry`
 * column, the feature's geometry is kept as `feature.geometry` instead, so neither is lost.
 */
export function arcgisFeatureColumns(input: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(input) || !isPlainObject(input.attributes)) return undefined;
  if (!Object.keys(input).every((key) => FEATURE_KEYS.has(key))) return undefined;
  const columns: Record<string, unknown> = { ...input.attributes };
  if (input.geometry !== undefined && input.geometry !== null) {
    columns['geometry' in columns ? 'feature.geometry' : 'geometry'] = input.geometry;
  }
  return columns;
}

/**
 * The BLDS date (`YYYY-MM-DD`) an esriFieldTypeDate value stands for, when it is a calendar date:
 * milliseconds since the epoch at midnight UTC (`1787702400000` is `2026-08-26`). Any other
 * instant is a date-time, not a BLDS date, and gives `undefined` (the caller leaves the value for
 * validation to report), as a Socrata timestamp that is not at midnight is.
 */
export function epochMsDate(value: number): string | undefined {
  if (!Number.isSafeInteger(value) || value % DAY_MS !== 0) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}
