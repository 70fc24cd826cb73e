import { z } from 'zod';
import { classified, type FieldMeta } from '../classified';
import { tagFields } from '../internal/tagFields';
import { readLocalDateTime } from '../primitives/localDateTime';
import { ADDRESS, FREE_TEXT, INTERNAL, MEDIA, PRECISE_LOCATION, PUBLISHED, ZIP } from './fieldMeta';
import { OpenData311Extension } from './OpenDataExtension';
import { ServiceRequest } from './ServiceRequest';

const cell = (meta: FieldMeta = PUBLISHED) => classified(z.string().optional(), meta);

/**
 * The columns of both layouts of the City's open-data 311 CSV, each classified like the
 * `ServiceRequest` field it maps to (so `datasetAccessLevel` agrees between the two):
 *
 * - legacy (Lagan CRM, to 2025): `case_enquiry_id`, `open_dt`, `sla_target_dt`/`target_dt`,
 *   `closed_dt`, `on_time`/`ontime`, ..., `submitted_photo`/`submittedphoto`,
 *   `closed_photo`/`closedphoto`, `location`, `latitude`, `longitude`, `source`; times are
 *   Boston local time without an offset.
 * - current (BOS:311 on Salesforce): `case_id` (`BCS-` ids), `open_date`, `close_date`,
 *   `target_close_date`, `case_topic`, `service_name`, `assigned_department`, `assigned_team`,
 *   `report_source`, `full_address`, `zip_code`, ...; times are UTC (`2026-03-20 09:00:00+00`).
 */
const columns = {
  // legacy
  case_enquiry_id: cell(),
  open_dt: cell(),
  sla_target_dt: cell(),
  target_dt: cell(),
  closed_dt: cell(),
  on_time: cell(),
  ontime: cell(),
  case_title: cell(FREE_TEXT),
  subject: cell(),
  reason: cell(),
  type: cell(),
  queue: cell(INTERNAL),
  department: cell(),
  submitted_photo: cell(MEDIA),
  submittedphoto: cell(MEDIA),
  closed_photo: cell(MEDIA),
  closedphoto: cell(MEDIA),
  location: cell(ADDRESS),
  neighborhood_services_district: cell(),
  pwd_district: cell(),
  location_street_name: cell(ADDRESS),
  location_zipcode: cell(ZIP),
  geom_4326: cell(PRECISE_LOCATION),
  source: cell(),
  // current
  case_id: cell(),
  open_date: cell(),
  close_date: cell(),
  target_close_date: cell(),
  case_topic: cell(),
  service_name: cell(),
  assigned_department: cell(),
  assigned_team: cell(INTERNAL),
  closure_comments: cell(FREE_TEXT),
  report_source: cell(),
  full_address: cell(ADDRESS),
  street_number: cell(ADDRESS),
  street_name: cell(ADDRESS),
  zip_code: cell(ZIP),
  public_works_district: cell(),
  // both
  case_status: cell(),
  closure_reason: cell(FREE_TEXT),
  fire_district: cell(),
  city_council_district: cell(),
  police_district: cell(),
  neighborhood: cell(),
  ward: cell(),
  precinct: cell(),
  latitude: cell(PRECISE_LOCATION),
  longitude: cell(PRECISE_LOCATION),
};

/**
 * One row of the City's open-data 311 CSV, in either layout (every value text, empty cells
 * for absent values). Columns it does not name are kept (and carried to `open_data.other`).
 *
 * Source: [311 Service Requests, Analyze Boston](https://data.boston.gov/dataset/311-service-requests).
 */
export const Ckan311Row = z
  .looseObject(
    tagFields(columns, {
      classification: 'confidential',
      reason: 'A column nobody has classified yet: protected until it is reviewed.',
    }),
  )
  .meta({
    id: 'Ckan311Row',
    title: 'Ckan311Row',
    description: 'A row of the data.boston.gov 311 CSV (legacy or current layout)',
  });
/** One row of the open-data 311 CSV. */
export type Ckan311Row = z.infer<typeof Ckan311Row>;

/** The two layouts of the open-data 311 CSV. */
export type Ckan311Layout = 'legacy' | 'current';

/** Which layout a row (or a header) is: `current` when it has `case_id`, else `legacy`. */
export function ckan311Layout(row: Record<string, unknown> | readonly string[]): Ckan311Layout {
  const keys = Array.isArray(row) ? row : Object.keys(row);
  return keys.includes('case_id') && !keys.includes('case_enquiry_id') ? 'current' : 'legacy';
}

/** Where the 311 system puts requests with no location: City Hall Plaza. Treated as absent. */
export const CKAN_DEFAULT_POINT = { lat: 42.3594, lon: -71.0587 } as const;

function present(value: unknown): string | undefined {
  return typeof value !== 'string' || value.trim() === '' ? undefined : value.trim();
}

function slug(value: string): string {
  return value
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const UTC_SUFFIX = /(?:\+00(?::?00)?|Z)$/;

/** Options of {@link ckan311RowToServiceRequest}. */
export interface CkanMapOptions {
  /** What to do with a legacy local time in the repeated autumn hour: report it (default) or pick one. */
  ambiguousTime?: 'reject' | 'earlier' | 'later';
}

/**
 * Maps a row of the open-data 311 CSV (either layout) to an Open311 `ServiceRequest`:
 * legacy local times get their America/New_York offset and current-layout times (`+00`) stay
 * UTC; `Ward 3` becomes `3`, precinct `0306` becomes `3-6`; City Hall placeholder and 0/0
 * coordinates are dropped; a 4-digit ZIP gets its leading zero back (other postal codes are
 * left alone); the submitted photo is `media_url`; every column without a `ServiceRequest`
 * field (case title, reason, department, on-time flag, districts, the closed photo, the
 * closure reason of a case that is not closed or has no close date) goes to `open_data`, with
 * the detected `layout`; a column this reader does not know, or a known one it could not place
 * (a second spelling of a column already read, coordinates that are not numbers), goes to
 * `open_data.other`. No non-empty column is lost, except City Hall and 0/0 placeholder
 * coordinates, which mean "no location".
 * Validate the result with `ServiceRequest` (or use {@link Ckan311ServiceRequest}).
 */
export function ckan311RowToServiceRequest(
  row: Ckan311Row,
  options: CkanMapOptions = {},
  report: (field: string, message: string) => void = () => {},
): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  const layout = ckan311Layout(r);
  // The columns whose value the mapping placed; every other non-empty column goes to `other`.
  const placed = new Set<string>();
  const pick = (...keys: string[]): [string, string] | undefined => {
    for (const key of keys) {
      const value = present(r[key]);
      if (value !== undefined) {
        placed.add(key);
        return [key, value];
      }
    }
    return undefined;
  };
  const time = (...keys: string[]): string | undefined => {
    const found = pick(...keys);
    if (!found) return undefined;
    const [field, text] = found;
    if (UTC_SUFFIX.test(text)) {
      const iso = `${text.replace(UTC_SUFFIX, '').replace(' ', 'T')}Z`;
      return Number.isNaN(Date.parse(iso)) ? text : iso.replace(/\.\d+Z$/, 'Z');
    }
    let reading: ReturnType<typeof readLocalDateTime>;
    try {
      reading = readLocalDateTime(text);
    } catch {
      return text; // validation reports it
    }
    if (reading.status === 'exact') return reading.candidates[0];
    if (reading.status === 'ambiguous' && options.ambiguousTime === 'earlier')
      return reading.candidates[0];
    if (reading.status === 'ambiguous' && options.ambiguousTime === 'later')
      return reading.candidates[1];
    report(
      field,
      `${text} is ${reading.status} in America/New_York${reading.status === 'ambiguous' ? `: ${reading.candidates.join(' or ')}` : ''}`,
    );
    return undefined;
  };
  const value = (...keys: string[]) => pick(...keys)?.[1];
  const caseStatus = value('case_status');
  const status =
    caseStatus?.toLowerCase() === 'closed' ? 'closed' : caseStatus ? 'open' : undefined;
  const type = value('type', 'service_name');
  const zip = value('location_zipcode', 'zip_code');
  const out: Record<string, unknown> = {
    service_request_id: value('case_enquiry_id', 'case_id'),
    status,
    service_code: type ? slug(type) : undefined,
    service_name: type,
    agency_responsible: value('subject', 'assigned_department'),
    requested_datetime: time('open_dt', 'open_date'),
    expected_datetime: time('sla_target_dt', 'target_dt', 'target_close_date'),
    address: value('location', 'full_address'),
    zipcode: zip && /^\d{4}$/.test(zip) ? `0${zip}` : zip,
    neighborhood: value('neighborhood'),
    queue: value('queue', 'assigned_team'),
    media_url: value('submitted_photo', 'submittedphoto'),
    source: value('source', 'report_source'),
  };
  const latText = value('latitude');
  const lonText = value('longitude');
  const lat = Number(latText);
  const lon = Number(lonText);
  if (latText && lonText && Number.isFinite(lat) && Number.isFinite(lon)) {
    const placeholder =
      (Math.abs(lat - CKAN_DEFAULT_POINT.lat) < 1e-4 &&
        Math.abs(lon - CKAN_DEFAULT_POINT.lon) < 1e-4) ||
      (lat === 0 && lon === 0);
    // The placeholder says "no location": nothing to keep.
    if (!placeholder) {
      out.lat = lat;
      out.long = lon;
    }
  } else {
    // Not a coordinate pair: kept as written in `other`.
    placed.delete('latitude');
    placed.delete('longitude');
  }
  const ward = value('ward')?.replace(/^Ward\s*/i, '');
  if (ward && /^\d+$/.test(ward)) out.ward = String(Number(ward));
  const precinct = value('precinct');
  if (precinct && /^\d{4}$/.test(precinct))
    out.precinct = `${Number(precinct.slice(0, 2))}-${Number(precinct.slice(2))}`;
  const closed = time('closed_dt', 'close_date');
  const closureReason = value('closure_reason');
  let closureReasonPlaced = false;
  if (closed) {
    out.updated_datetime = closed;
    if (out.status === 'closed') {
      out.closure = {
        closed_datetime: closed,
        ...(closureReason ? { reason: closureReason } : {}),
      };
      closureReasonPlaced = true;
    }
  }
  const extension: Record<string, unknown> = {
    layout,
    case_status: caseStatus,
    case_title: value('case_title'),
    case_topic: value('case_topic'),
    reason: value('reason'),
    department: value('department'),
    assigned_team: value('assigned_team'),
    on_time: value('on_time', 'ontime'),
    report_source: value('report_source'),
    fire_district: value('fire_district'),
    pwd_district: value('pwd_district', 'public_works_district'),
    city_council_district: value('city_council_district'),
    police_district: value('police_district'),
    neighborhood_services_district: value('neighborhood_services_district'),
    location_street_name: value('location_street_name', 'street_name'),
    street_number: value('street_number'),
    closure_comments: value('closure_comments'),
    // An open case (or one without a close date) has no `closure` to hold its reason.
    closure_reason: closureReasonPlaced ? undefined : closureReason,
    closed_photo: value('closed_photo', 'closedphoto'),
    geom_4326: value('geom_4326'),
    ward: value('ward'),
    precinct: value('precinct'),
  };
  const other: Record<string, string> = {};
  for (const [key, cellValue] of Object.entries(r))
    if (!placed.has(key) && present(cellValue) !== undefined) other[key] = String(cellValue);
  if (Object.keys(other).length > 0) extension.other = other;
  for (const key of Object.keys(extension)) if (extension[key] === undefined) delete extension[key];
  out.open_data = extension;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * Reads an open-data 311 row (either layout) and validates it as a `ServiceRequest` in one
 * step; ambiguous or nonexistent local times are issues on the original column.
 *
 * @example
 * ```ts
 * const result = Ckan311ServiceRequest.safeParse(csvRow);
 * ```
 */
export const Ckan311ServiceRequest = Ckan311Row.transform((row, ctx): unknown =>
  ckan311RowToServiceRequest(row, {}, (field, message) =>
    ctx.issues.push({ code: 'custom', input: row, path: [field], message }),
  ),
).pipe(ServiceRequest);

export { OpenData311Extension };
