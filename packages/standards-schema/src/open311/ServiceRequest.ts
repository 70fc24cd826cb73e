import { z } from 'zod';
import { classified, type FieldMeta } from '../classified';
import { DepartmentCode } from '../DepartmentCode';
import { DateTime } from '../primitives/DateTime';
import { Email } from '../primitives/Email';
import { Phone } from '../primitives/Phone';

const contactMeta = (category: 'identity.name' | 'contact.email' | 'contact.phone'): FieldMeta => ({
  classification: 'confidential',
  pii: { category, kind: 'direct' },
  redact: category === 'identity.name' ? 'truncate' : 'mask',
});

const freeText: FieldMeta = {
  classification: 'confidential',
  pii: { category: 'freeText', kind: 'quasi' },
  redact: 'drop',
};

const preciseLocation: FieldMeta = {
  classification: 'internal',
  pii: { category: 'location.precise', kind: 'quasi' },
  redact: 'generalize',
};

/** Open311 request status. */
export const ServiceRequestStatus = z.enum(['open', 'closed']);
/** `open` or `closed`. */
export type ServiceRequestStatus = z.infer<typeof ServiceRequestStatus>;

/**
 * How a request reached the City (Boston's 311 `source` values, plus `open311` for third-party
 * GeoReport clients).
 */
export const REQUEST_SOURCES = [
  'Constituent Call',
  'Citizens Connect App',
  'Self Service',
  'Employee Generated',
  'City Worker App',
  'Twitter',
  'Email',
  'Walk-in',
  'open311',
] as const;

/** Who originated the request: a resident, a City employee, or another system. */
export const REQUEST_ORIGINS = ['constituent', 'employee', 'integration'] as const;

/** Boston's request priorities. */
export const REQUEST_PRIORITIES = ['low', 'normal', 'high', 'emergency'] as const;

/** The reporter's contact details (Boston extension); every field is confidential. */
export const ServiceRequestContact = z.object({
  first_name: classified(z.string().min(1), contactMeta('identity.name')).optional(),
  last_name: classified(z.string().min(1), contactMeta('identity.name')).optional(),
  email: classified(Email, contactMeta('contact.email')).optional(),
  phone: classified(Phone, contactMeta('contact.phone')).optional(),
});
/** The reporter's contact details. */
export type ServiceRequestContact = z.infer<typeof ServiceRequestContact>;

/** One step in a request's history (Boston extension). */
export const ServiceRequestActivity = z.object({
  datetime: DateTime,
  /** e.g. `assigned`, `note`, `status-change`, `closed`. */
  type: z.string().min(1),
  /** The employee or system that acted (an id, not a name). */
  actor: classified(z.string().min(1), {
    classification: 'internal',
    pii: { category: 'online.identifier', kind: 'linkable' },
    redact: 'hash',
  }).optional(),
  note: classified(z.string(), freeText).optional(),
});
/** One step in a request's history. */
export type ServiceRequestActivity = z.infer<typeof ServiceRequestActivity>;

/**
 * A service request, as Open311 GeoReport v2 `GET requests` returns it, with the City of
 * Boston's extensions (origin, source, priority, department and queue, ward and precinct,
 * reporter contact, closure, activities, parent and duplicate ids). Output is strict: ids are
 * strings, absent values are absent (not `null` or `""`); read real feeds with
 * `parseOpen311Request` / `ServiceRequestFeed`, which are lenient.
 *
 * Classification: the request itself is public open data (Boston publishes it on
 * data.boston.gov); the exact location is `internal` and generalized to about 1 km for the
 * public; the reporter's contact details, free-text description, notes and photos are
 * `confidential`.
 *
 * Standard: [Open311 GeoReport v2](https://wiki.open311.org/GeoReport_v2).
 *
 * @example
 * ```ts
 * ServiceRequest.parse({
 *   service_request_id: '101005551234', status: 'open', service_code: 'PWDx_Pothole',
 *   service_name: 'Request for Pothole Repair', requested_datetime: '2025-04-14T06:37:38-04:00',
 *   lat: 42.3398, long: -71.0892,
 * });
 * ```
 */
export const ServiceRequest = z
  .object({
    service_request_id: z.string().min(1),
    status: ServiceRequestStatus,
    /** Explanation of the status, e.g. "Case resolved: pothole filled". */
    status_notes: classified(z.string(), {
      classification: 'internal',
      pii: { category: 'freeText', kind: 'quasi' },
      redact: 'drop',
    }).optional(),
    service_name: z.string().min(1).optional(),
    service_code: z.string().min(1),
    description: classified(z.string(), freeText).optional(),
    agency_responsible: z.string().min(1).optional(),
    service_notice: z.string().min(1).optional(),
    requested_datetime: DateTime,
    updated_datetime: DateTime.optional(),
    expected_datetime: DateTime.optional(),
    address: classified(z.string().min(1), {
      classification: 'internal',
      pii: { category: 'location.precise', kind: 'quasi' },
      redact: 'drop',
    }).optional(),
    address_id: z.string().min(1).optional(),
    zipcode: classified(
      z.string().regex(/^\d{5}(?:-\d{4})?$/, 'Expected a ZIP code such as 02118'),
      {
        classification: 'public',
        pii: { category: 'location.coarse', kind: 'quasi' },
      },
    ).optional(),
    lat: classified(z.number().min(-90).max(90), preciseLocation).optional(),
    long: classified(z.number().min(-180).max(180), preciseLocation).optional(),
    media_url: classified(z.url({ protocol: /^https?$/ }), {
      classification: 'confidential',
      pii: { category: 'media', kind: 'quasi' },
      redact: 'drop',
    }).optional(),
    // Boston extensions
    origin: z.enum(REQUEST_ORIGINS).optional(),
    source: z.enum(REQUEST_SOURCES).optional(),
    priority: z.enum(REQUEST_PRIORITIES).optional(),
    department: DepartmentCode.optional(),
    queue: classified(z.string().min(1), { classification: 'internal' }).optional(),
    neighborhood: z.string().min(1).optional(),
    ward: z
      .string()
      .regex(/^\d{1,2}$/, 'Expected a ward number such as 8')
      .optional(),
    precinct: z
      .string()
      .regex(/^\d{1,2}-\d{1,2}$/, 'Expected a ward-precinct such as 8-3')
      .optional(),
    contact: ServiceRequestContact.optional(),
    closure: z
      .object({
        closed_datetime: DateTime,
        reason: z.string().min(1).optional(),
        details: classified(z.string(), freeText).optional(),
        photo_url: classified(z.url({ protocol: /^https?$/ }), {
          classification: 'confidential',
          pii: { category: 'media', kind: 'quasi' },
          redact: 'drop',
        }).optional(),
      })
      .optional(),
    activities: z.array(ServiceRequestActivity).optional(),
    parent_request_id: z.string().min(1).optional(),
    duplicate_of: z.string().min(1).optional(),
  })
  .meta({
    id: 'ServiceRequest',
    title: 'ServiceRequest',
    description: 'Open311 GeoReport v2 service request with City of Boston extensions.',
  });
/** An Open311 service request with Boston's extensions. */
export type ServiceRequest = z.infer<typeof ServiceRequest>;
