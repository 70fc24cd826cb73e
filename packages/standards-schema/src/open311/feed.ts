import { z } from 'zod';
import { fieldSchemaOf, itemSchemaOf, keepAsSent } from '../internal/blankRequired';
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

/** `null` and blank strings become absent, except where `schema` requires the field (see keepAsSent). */
function clean(value: unknown, schema: z.core.$ZodType | undefined): unknown {
  if (value === null || value === '') return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const itemSchema = itemSchemaOf(schema);
    return value.map((item) => {
      const cleaned = clean(item, itemSchema);
      return cleaned === undefined && keepAsSent(itemSchema, item) ? item : cleaned;
    });
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      // The field's schema matters only for what holds fields, or may be dropped.
      const field =
        typeof inner === 'object' || (typeof inner === 'string' && inner.trim() === '')
          ? fieldSchemaOf(schema, key)
          : undefined;
      const cleaned = clean(inner, field);
      if (cleaned !== undefined) out[key] = cleaned;
      else if (keepAsSent(field, inner)) out[key] = inner;
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
 * Normalizes a service request as real Open311 feeds send it: `null` and `""` mean absent
 * (except in a field `ServiceRequest` requires, where they are kept so that validation says
 * "received null" rather than a missing field; a value that is not an object is left as it is),
 * numeric ids and ZIP codes become strings (a 4-digit ZIP gets its leading zero back), numeric
 * strings become numbers for lat/long (`0, 0` means no location), and offset-less times are read as America/New_York.
 * Anything it cannot fix is left for validation to report.
 */
export function normalizeOpen311Request(input: unknown): unknown {
  // Not a record (`null` in a feed's array included): validation says what it is.
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const value = clean(input, ServiceRequest);
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
