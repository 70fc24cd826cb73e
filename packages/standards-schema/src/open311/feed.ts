import { z } from 'zod';
import { readLocalDateTime } from '../primitives/localDateTime';
import { ServiceRequest } from './ServiceRequest';

const ID_FIELDS = [
  'service_request_id',
  'service_code',
  'address_id',
  'parent_request_id',
  'duplicate_of',
  'zipcode',
];
const TIME_FIELDS = ['requested_datetime', 'updated_datetime', 'expected_datetime'];
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

function clean(value: unknown): unknown {
  if (value === null || value === '') return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const cleaned = clean(inner);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }
  return value;
}

function toExactTime(value: unknown): unknown {
  if (typeof value !== 'string' || !LOCAL_TIME.test(value)) return value;
  const reading = readLocalDateTime(value);
  return reading.status === 'exact' ? reading.candidates[0] : value;
}

/**
 * Normalizes a service request as real Open311 feeds send it: `null` and `""` mean absent,
 * numeric ids and ZIP codes become strings (a 4-digit ZIP gets its leading zero back), numeric
 * strings become numbers for lat/long (`0, 0` means no location), and offset-less times are read as America/New_York.
 * Anything it cannot fix is left for validation to report.
 */
export function normalizeOpen311Request(input: unknown): unknown {
  const value = clean(input);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out = { ...(value as Record<string, unknown>) };
  for (const key of ID_FIELDS) {
    if (typeof out[key] === 'number') out[key] = String(out[key]);
  }
  if (typeof out.zipcode === 'string' && /^\d{4}$/.test(out.zipcode))
    out.zipcode = `0${out.zipcode}`;
  for (const key of ['lat', 'long']) {
    const v = out[key];
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
      out[key] = Number(v);
  }
  for (const key of TIME_FIELDS) out[key] = toExactTime(out[key]);
  if (typeof out.status === 'string') out.status = out.status.toLowerCase();
  // 0/0 is no location (a GPS fix that failed), not a point in the Gulf of Guinea.
  if (out.lat === 0 && out.long === 0) {
    delete out.lat;
    delete out.long;
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * A lenient reader for Open311 feeds: input as real feeds send it (see
 * {@link normalizeOpen311Request}), output the strict `ServiceRequest`.
 *
 * @example
 * ```ts
 * ServiceRequestFeed.parse({ service_request_id: 638344, status: 'closed', service_code: '006',
 *   requested_datetime: '2010-04-14T06:37:38-08:00', description: null, zipcode: 2118 });
 * // { service_request_id: '638344', ..., zipcode: '02118' }
 * ```
 */
export const ServiceRequestFeed = z.preprocess(normalizeOpen311Request, ServiceRequest);
