import { z } from 'zod';
import { readLocalDateTime } from '../primitives/localDateTime';
import { REQUEST_SOURCES, ServiceRequest } from './ServiceRequest';

/**
 * One row of the City's open-data 311 file on data.boston.gov (the CKAN CSV: every value text,
 * times local to Boston without an offset, empty cells for absent values).
 *
 * Source: [311 Service Requests, Analyze Boston](https://data.boston.gov/dataset/311-service-requests).
 */
export const Ckan311Row = z
  .looseObject({
    case_enquiry_id: z.string().min(1),
    open_dt: z.string().min(1),
    sla_target_dt: z.string().optional(),
    target_dt: z.string().optional(),
    closed_dt: z.string().optional(),
    on_time: z.string().optional(),
    case_status: z.string().min(1),
    closure_reason: z.string().optional(),
    case_title: z.string().optional(),
    subject: z.string().optional(),
    reason: z.string().optional(),
    type: z.string().optional(),
    queue: z.string().optional(),
    department: z.string().optional(),
    submitted_photo: z.string().optional(),
    closed_photo: z.string().optional(),
    location: z.string().optional(),
    neighborhood: z.string().optional(),
    ward: z.string().optional(),
    precinct: z.string().optional(),
    location_zipcode: z.string().optional(),
    latitude: z.string().optional(),
    longitude: z.string().optional(),
    source: z.string().optional(),
  })
  .meta({
    id: 'Ckan311Row',
    title: 'Ckan311Row',
    description: 'A row of the data.boston.gov 311 CSV',
  });
/** One row of the open-data 311 CSV. */
export type Ckan311Row = z.infer<typeof Ckan311Row>;

/** Where the 311 system puts requests with no location: City Hall Plaza. Treated as absent. */
export const CKAN_DEFAULT_POINT = { lat: 42.3594, lon: -71.0587 } as const;

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function slug(value: string): string {
  return value
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Options of {@link ckan311RowToServiceRequest}. */
export interface CkanMapOptions {
  /** What to do with a time in the repeated autumn hour: report it (default) or pick one. */
  ambiguousTime?: 'reject' | 'earlier' | 'later';
}

/**
 * Maps a row of the open-data 311 CSV to an Open311 `ServiceRequest` (Boston extensions
 * included): local times get their America/New_York offset, `Ward 3` becomes `3`, precinct
 * `0306` becomes `3-6`, City Hall placeholder coordinates are dropped, and unknown sources are
 * left out. Validate the result with `ServiceRequest` (or use {@link Ckan311ServiceRequest},
 * which does both and reports ambiguous times as issues).
 */
export function ckan311RowToServiceRequest(
  row: Ckan311Row,
  options: CkanMapOptions = {},
  report: (field: string, message: string) => void = () => {},
): Partial<ServiceRequest> {
  const time = (field: string, value: string | undefined): string | undefined => {
    const text = present(value);
    if (text === undefined) return undefined;
    let reading: ReturnType<typeof readLocalDateTime>;
    try {
      reading = readLocalDateTime(text.replace(/\+00$/, ''));
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
  const status = present(row.case_status)?.toLowerCase();
  const out: Record<string, unknown> = {
    service_request_id: present(row.case_enquiry_id),
    status: status === 'open' || status === 'closed' ? status : present(row.case_status),
    service_code: present(row.type) ? slug(row.type as string) : undefined,
    service_name: present(row.type),
    agency_responsible: present(row.subject),
    requested_datetime: time('open_dt', row.open_dt),
    expected_datetime: time('sla_target_dt', row.sla_target_dt ?? row.target_dt),
    address: present(row.location),
    zipcode: present(row.location_zipcode)?.padStart(5, '0'),
    neighborhood: present(row.neighborhood),
    queue: present(row.queue),
    media_url: present(row.submitted_photo),
  };
  const lat = Number(present(row.latitude));
  const lon = Number(present(row.longitude));
  if (
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    present(row.latitude) &&
    present(row.longitude)
  ) {
    const placeholder =
      Math.abs(lat - CKAN_DEFAULT_POINT.lat) < 1e-4 &&
      Math.abs(lon - CKAN_DEFAULT_POINT.lon) < 1e-4;
    if (!placeholder) {
      out.lat = lat;
      out.long = lon;
    }
  }
  const ward = present(row.ward)?.replace(/^Ward\s*/i, '');
  if (ward && /^\d+$/.test(ward)) out.ward = String(Number(ward));
  const precinct = present(row.precinct);
  if (precinct && /^\d{4}$/.test(precinct))
    out.precinct = `${Number(precinct.slice(0, 2))}-${Number(precinct.slice(2))}`;
  const source = present(row.source);
  if (source && (REQUEST_SOURCES as readonly string[]).includes(source)) out.source = source;
  const closed = time('closed_dt', row.closed_dt);
  if (closed) {
    out.updated_datetime = closed;
    if (out.status === 'closed') {
      const reason = present(row.closure_reason);
      out.closure = { closed_datetime: closed, ...(reason ? { reason } : {}) };
    }
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as Partial<ServiceRequest>;
}

/**
 * Reads an open-data 311 row and validates it as a `ServiceRequest` in one step; ambiguous or
 * nonexistent local times are issues on the original column.
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
