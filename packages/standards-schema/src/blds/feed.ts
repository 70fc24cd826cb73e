// Reading BLDS permits as publishers serve them. Cities publish BLDS on Socrata, ArcGIS or as
// CSV; Socrata lowercases every column name (`permitnum`, `statuscurrentmapped`), sends numbers
// as text (`"estprojectcost":"287134.0000"`), dates as floating timestamps
// (`"2026-09-23T00:00:00.000"`) and URL columns as `{ "url": ... }`; ArcGIS sends features
// (`{ attributes, geometry }`) and dates as epoch milliseconds (see ./arcgis). This reader maps
// those to the BLDS field names and types; what BLDS itself requires (the core fields, the mapped
// vocabularies) is left to `Permit` to decide, so a feed lacking a required field is reported,
// not papered over.
import { z } from 'zod';
import { fieldSchemaOf, keepAsSent } from '../internal/blankRequired';
import { arcgisFeatureColumns, epochMsDate } from './arcgis';
import { Permit } from './Permit';

const FIELD_BY_LOWER = new Map(Object.keys(Permit.shape).map((key) => [key.toLowerCase(), key]));
const NUMBER_FIELDS = new Set(['Latitude', 'Longitude', 'EstProjectCost', 'Fee']);
const INTEGER_FIELDS = new Set(
  Object.keys(Permit.shape).filter((key) => /SqFt$|^HousingUnits$/.test(key)),
);
const DATE_FIELDS = new Set(Object.keys(Permit.shape).filter((key) => /Date$/.test(key)));
// A calendar date as a floating timestamp at midnight (Socrata's `calendar_date` type).
const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$/;
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
// ArcGIS twins of the BLDS dates (`applieddatedtm` for AppliedDate), by lowercase column name.
const DATE_BY_TWIN = new Map<string, string>(
  [...DATE_FIELDS].map((field) => [`${field.toLowerCase()}dtm`, field]),
);

function readValue(field: string, value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (NUMBER_FIELDS.has(field) || INTEGER_FIELDS.has(field)) {
      return NUMERIC.test(text) ? Number(text) : value;
    }
    if (DATE_FIELDS.has(field)) return MIDNIGHT.exec(text)?.[1] ?? value;
    return value;
  }
  if (typeof value === 'number' && DATE_FIELDS.has(field)) return epochMsDate(value) ?? value;
  if (field === 'Link' && typeof value === 'object' && !Array.isArray(value)) {
    return (value as { url?: unknown }).url;
  }
  return value;
}

/**
 * Maps one BLDS record as a publisher serves it to the BLDS field names and types: column names
 * in any case (`permitnum`, `PermitNum`) become the BLDS names; `null` and `""` are absent
 * (except in a field BLDS requires, where they are kept so that validation says what was sent);
 * numbers sent as text become numbers (`"1.0"` housing units is 1); floating timestamps at
 * midnight become dates; a Socrata URL column `{ url }` becomes its URL.
 *
 * ArcGIS (`/query?f=json`): a feature `{ attributes, geometry }` is read as its attributes, the
 * geometry kept as a `geometry` column (its spatial reference is the response's, so it is not
 * read as `Latitude`/`Longitude`); a date served as epoch milliseconds at midnight UTC
 * (`1787702400000`) is that date; a date served only in an epoch-milliseconds twin column
 * (`AppliedDateDtm`, the City of Tempe's layout) is read from it when the BLDS column is absent.
 *
 * Nothing is dropped but empty values: columns BLDS does not define (the `Dtm` twins included)
 * are kept under their own names (and `Permit` ignores them), and values it cannot read (a date
 * that is not one, `"n/a"` as a cost) are left as they are, for validation to report.
 */
export function normalizeBldsPermit(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const columns = arcgisFeatureColumns(input) ?? (input as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  const twins: [field: string, value: unknown][] = [];
  for (const [column, value] of Object.entries(columns)) {
    const lower = column.toLowerCase();
    const field = FIELD_BY_LOWER.get(lower) ?? column;
    const read = readValue(field, value);
    if (read === undefined) {
      // A required field sent as null or blank: kept, so validation says what was sent.
      if (keepAsSent(fieldSchemaOf(Permit, field), value)) out[field] = value;
      continue;
    }
    out[field] = read;
    const twinOf = DATE_BY_TWIN.get(lower);
    if (twinOf !== undefined) twins.push([twinOf, value]);
  }
  for (const [field, value] of twins) {
    // A value kept only to be reported (null, blank) gives way to its twin.
    if (readValue(field, out[field]) !== undefined) continue;
    const read = readValue(field, value);
    if (read !== undefined) out[field] = read;
  }
  return out;
}

/**
 * A reader for BLDS permit feeds (Socrata JSON, CSV rows, ArcGIS features): input as publishers
 * serve it (see {@link normalizeBldsPermit}), output the strict BLDS `Permit`. A feed without a
 * field BLDS requires (the City of Calgary's has no `OriginalCity`, `OriginalState`,
 * `OriginalZip`; the City of Boulder's no `OriginalAddress1`) or with a mapped value outside the
 * BLDS table (`PermitClassMapped: "Unspecified"`) is invalid, and the issues say which field.
 *
 * @example
 * ```ts
 * PermitFeed.parse({ permitnum: '7135854-CN', description: 'New dwelling',
 *   issueddate: '2026-09-23T00:00:00.000', statuscurrent: 'Issued',
 *   originaladdress1: '1414 S BENNETT ST', originalcity: 'SEATTLE', originalstate: 'WA',
 *   originalzip: '98108', estprojectcost: '287134.0000' });
 * // { PermitNum: '7135854-CN', ..., IssuedDate: '2026-09-23', EstProjectCost: 287134 }
 * ```
 */
export const PermitFeed = z.preprocess(normalizeBldsPermit, Permit);
