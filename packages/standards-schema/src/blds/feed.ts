// Reading BLDS permits as publishers serve them. Cities publish BLDS on Socrata, ArcGIS or as
// CSV; Socrata lowercases every column name (`permitnum`, `statuscurrentmapped`), sends numbers
// as text (`"estprojectcost":"287134.0000"`), dates as floating timestamps
// (`"2026-09-23T00:00:00.000"`) and URL columns as `{ "url": ... }`. This reader maps those to
// the BLDS field names and types; what BLDS itself requires (the core fields, the mapped
// vocabularies) is left to `Permit` to decide, so a feed lacking a required field is reported,
// not papered over.
import { z } from 'zod';
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
  if (field === 'Link' && typeof value === 'object' && !Array.isArray(value)) {
    return (value as { url?: unknown }).url;
  }
  return value;
}

/**
 * Maps one BLDS record as a publisher serves it to the BLDS field names and types: column names
 * in any case (`permitnum`, `PermitNum`) become the BLDS names; `null` and `""` are absent;
 * numbers sent as text become numbers (`"1.0"` housing units is 1); floating timestamps at
 * midnight become dates; a Socrata URL column `{ url }` becomes its URL. Columns BLDS does not
 * define are kept under their own names (and `Permit` ignores them). Values it cannot read are
 * left as they are, for validation to report.
 */
export function normalizeBldsPermit(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(input as Record<string, unknown>)) {
    const field = FIELD_BY_LOWER.get(column.toLowerCase()) ?? column;
    const read = readValue(field, value);
    if (read !== undefined) out[field] = read;
  }
  return out;
}

/**
 * A reader for BLDS permit feeds (Socrata JSON, CSV rows): input as publishers serve it (see
 * {@link normalizeBldsPermit}), output the strict BLDS `Permit`. A feed without a field BLDS
 * requires (the City of Calgary's has no `OriginalCity`, `OriginalState`, `OriginalZip`) or with a
 * mapped value outside the BLDS table (`PermitClassMapped: "Unspecified"`) is invalid, and the
 * issues say which field.
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
