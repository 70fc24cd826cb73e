import { z } from 'zod';
import { classified } from '../classified';
import { DepartmentCode } from '../DepartmentCode';
import { tagFields } from '../internal/tagFields';
import {
  BOSTON_OPEN311_FIELDS,
  MediaUrl,
  REQUEST_ORIGINS,
  REQUEST_PRIORITIES,
  REQUEST_SOURCES,
  ServiceRequestActivity,
  ServiceRequestContact,
} from './BostonOpen311';
import { ADDRESS, FREE_TEXT, INTERNAL, MEDIA, PRECISE_LOCATION, PUBLISHED, ZIP } from './fieldMeta';
import { Open311DateTime } from './Open311DateTime';
import { OpenData311Extension } from './OpenDataExtension';
import { nullish, open311Id, optionalOpen311Id } from './open311Input';

export {
  REQUEST_ORIGINS,
  REQUEST_PRIORITIES,
  REQUEST_SOURCES,
  ServiceRequestActivity,
  ServiceRequestContact,
};

/** Open311 request status. */
export const ServiceRequestStatus = z.enum(['open', 'closed']);
/** `open` or `closed`. */
export type ServiceRequestStatus = z.infer<typeof ServiceRequestStatus>;

const shape = tagFields(
  {
    // GeoReport v2
    service_request_id: open311Id(),
    status: ServiceRequestStatus,
    /** Explanation of the status, e.g. "Case resolved: pothole filled". */
    status_notes: classified(nullish(z.string()), FREE_TEXT),
    service_name: nullish(z.string()),
    service_code: open311Id(),
    description: classified(nullish(z.string().max(4000)), FREE_TEXT),
    agency_responsible: nullish(z.string()),
    service_notice: nullish(z.string()),
    requested_datetime: Open311DateTime,
    updated_datetime: nullish(Open311DateTime),
    expected_datetime: nullish(Open311DateTime),
    address: classified(nullish(z.string()), ADDRESS),
    address_id: classified(optionalOpen311Id(), ADDRESS),
    zipcode: classified(optionalOpen311Id(), ZIP),
    lat: classified(nullish(z.number().min(-90).max(90)), PRECISE_LOCATION),
    long: classified(nullish(z.number().min(-180).max(180)), PRECISE_LOCATION),
    media_url: classified(nullish(MediaUrl), MEDIA),
    // Boston's production extension
    ...BOSTON_OPEN311_FIELDS,
    // City SDK extensions (the case desk and the open-data CSV reader write them)
    department: DepartmentCode.optional(),
    queue: classified(z.string().min(1), INTERNAL).optional(),
    neighborhood: z.string().min(1).optional(),
    ward: z
      .string()
      .regex(/^\d{1,2}$/, 'Expected a ward number such as 8')
      .optional(),
    precinct: z
      .string()
      .regex(/^\d{1,2}-\d{1,2}$/, 'Expected a ward-precinct such as 8-3')
      .optional(),
    closure: z
      .object({
        closed_datetime: Open311DateTime,
        reason: classified(z.string().min(1), FREE_TEXT).optional(),
        details: classified(z.string(), FREE_TEXT).optional(),
        photo_url: classified(z.url({ protocol: /^https?$/ }), MEDIA).optional(),
      })
      .optional(),
    parent_request_id: z.string().min(1).optional(),
    duplicate_of: z.string().min(1).optional(),
    open_data: OpenData311Extension.optional(),
  },
  PUBLISHED,
);

/**
 * A service request, as Open311 GeoReport v2 `GET requests` returns it, with the City of
 * Boston's production extensions (`origin`, `source`, `priority`, `contact`, `closure_details`,
 * `activities`, `attributes`, `events`, `media_url` as an array, ...) and the City SDK's own
 * (`department`, `queue`, `ward`, `precinct`, `closure`, `open_data` for the open-data CSV's
 * other columns).
 *
 * Input: every record the GeoReport v2 text and the official open311/schema-validation JSON
 * Schema accept: `null` wherever they allow it, ids and ZIP codes given as numbers, times
 * without seconds (the W3C note the spec cites). Records the spec forbids are rejected: `lat`
 * without `long` (or the reverse). Unknown keys are accepted and dropped (zod's default; the
 * exported JSON Schema says the same).
 *
 * Output (`z.output<typeof ServiceRequest>`, the type `ServiceRequest`): normalized, what this
 * SDK emits: ids and ZIP codes are strings, `null` is absent, times are RFC 3339 with seconds.
 *
 * Classification: the request is public open data (Boston publishes it); the exact location is
 * `internal`, generalized to about 1 km for the public; the reporter's contact, every free text
 * (description, status notes, closure reasons and comments, notes) and photos are
 * `confidential`. Every field carries its metadata explicitly (`fieldsOf(...).every(f => f.tagged)`).
 *
 * Standard: [Open311 GeoReport v2](https://wiki.open311.org/GeoReport_v2).
 *
 * @example
 * ```ts
 * ServiceRequest.parse({
 *   service_request_id: 638344, status: 'closed', service_code: '006', description: null,
 *   requested_datetime: '2010-04-14T06:37:38-08:00', lat: 37.762221815, long: -122.4651145,
 * }); // { service_request_id: '638344', ..., description: undefined }
 * ```
 */
export const ServiceRequest = z
  .object(shape)
  .check((ctx) => {
    const { lat, long } = ctx.value;
    if ((lat === undefined) !== (long === undefined)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: [lat === undefined ? 'lat' : 'long'],
        message:
          'lat and long come together (GeoReport v2: "lat ... Required if no address or address_id")',
      });
    }
  })
  .meta({
    id: 'ServiceRequest',
    title: 'ServiceRequest',
    description:
      'Open311 GeoReport v2 service request with the City of Boston extensions. Describes accepted input: null where GeoReport v2 allows it, numeric ids.',
  });
/** An Open311 service request as parsed (normalized): what this SDK emits. */
export type ServiceRequest = z.output<typeof ServiceRequest>;
/** An Open311 service request as accepted on input. */
export type ServiceRequestInput = z.input<typeof ServiceRequest>;
