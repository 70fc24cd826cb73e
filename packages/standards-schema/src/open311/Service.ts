import { z } from 'zod';
import { classified } from '../classified';
import { publicMeta, tagFields } from '../internal/tagFields';
import { Email } from '../primitives/Email';
import { Phone } from '../primitives/Phone';
import { nullish, open311Id } from './open311Input';

// Fields not tagged one by one below are public: Open311 service catalog and API metadata, published for every client.
const META = publicMeta('Open311 service catalog and API metadata, published for every client.');

/**
 * A service type the City accepts requests for (GeoReport v2 `GET services`).
 *
 * Standard: [Open311 GeoReport v2, GET Service List](https://wiki.open311.org/GeoReport_v2#GET_Service_List).
 */
export const Service = z
  .object(
    tagFields(
      {
        service_code: z.string().min(1),
        service_name: z.string().min(1),
        description: nullish(z.string()),
        /** Whether `GET services/{code}` has attributes to fill in. */
        metadata: z.boolean(),
        /** `realtime`: an id at once; `batch`: a token first; `blackbox`: no follow-up. */
        type: z.enum(['realtime', 'batch', 'blackbox']),
        /** Comma-separated keywords. */
        keywords: nullish(z.string()),
        group: nullish(z.string()),
      },
      META,
    ),
  )
  .meta({ id: 'Open311Service', title: 'Service', description: 'Open311 GeoReport v2 service' });
/** An Open311 service. */
export type Service = z.infer<typeof Service>;

const LIST_TYPES = ['singlevaluelist', 'multivaluelist'];

/** One question of a service definition. */
export const ServiceAttribute = z
  .object(
    tagFields(
      {
        /** False for informational text with no answer. */
        variable: z.boolean(),
        code: z.string().min(1),
        datatype: z.enum([
          'string',
          'number',
          'datetime',
          'text',
          'singlevaluelist',
          'multivaluelist',
        ]),
        required: z.boolean(),
        datatype_description: nullish(z.string()),
        /** "1 is shown first in the list" (GeoReport v2): 1 or more, unique in a definition. */
        order: nullish(z.int().min(1)),
        description: nullish(z.string()),
        values: z.array(z.object({ key: open311Id(), name: z.string().min(1) })).optional(),
      },
      META,
    ),
  )
  .refine(
    (a) => !LIST_TYPES.includes(a.datatype) || (a.values !== undefined && a.values.length > 0),
    {
      message: 'A list attribute needs values',
      path: ['values'],
    },
  );
/** One question of a service definition. */
export type ServiceAttribute = z.infer<typeof ServiceAttribute>;

/**
 * The extra questions a service asks (GeoReport v2 `GET services/{service_code}`).
 *
 * Standard: [Open311 GeoReport v2, GET Service Definition](https://wiki.open311.org/GeoReport_v2#GET_Service_Definition).
 */
export const ServiceDefinition = z
  .object(
    tagFields(
      {
        service_code: z.string().min(1),
        attributes: z.array(ServiceAttribute).superRefine((attributes, ctx) => {
          const seen = new Set<number>();
          attributes.forEach((attribute, index) => {
            if (attribute.order === undefined) return;
            if (seen.has(attribute.order))
              ctx.addIssue({
                code: 'custom',
                input: attribute.order,
                path: [index, 'order'],
                message: `order ${attribute.order} is used twice; it sets the order attributes are shown in`,
              });
            seen.add(attribute.order);
          });
        }),
      },
      META,
    ),
  )
  .meta({
    id: 'Open311ServiceDefinition',
    title: 'ServiceDefinition',
    description: 'Open311 service definition',
  });
/** An Open311 service definition. */
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;

const contact = (category: 'identity.name' | 'contact.email' | 'contact.phone') =>
  ({
    classification: 'confidential',
    pii: { category, kind: 'direct' },
    redact: category === 'identity.name' ? 'truncate' : 'mask',
  }) as const;

/**
 * A new service request as a client POSTs it (GeoReport v2 `POST requests`): a location
 * (lat/long, address_string or address_id) is required; reporter contact fields are
 * confidential.
 *
 * Standard: [Open311 GeoReport v2, POST Service Request](https://wiki.open311.org/GeoReport_v2#POST_Service_Request).
 */
export const CreateServiceRequest = z
  .object(
    tagFields(
      {
        jurisdiction_id: z.string().optional(),
        service_code: z.string().min(1),
        lat: classified(z.number().min(-90).max(90), {
          classification: 'internal',
          pii: { category: 'location.precise', kind: 'quasi' },
          redact: 'generalize',
        }).optional(),
        long: classified(z.number().min(-180).max(180), {
          classification: 'internal',
          pii: { category: 'location.precise', kind: 'quasi' },
          redact: 'generalize',
        }).optional(),
        address_string: classified(z.string().min(1), {
          classification: 'internal',
          pii: { category: 'location.precise', kind: 'quasi' },
        }).optional(),
        address_id: z.string().min(1).optional(),
        /** Answers to the service definition, by attribute code (`attribute[code]`). */
        attribute: classified(z.record(z.string(), z.union([z.string(), z.array(z.string())])), {
          classification: 'confidential',
          pii: { category: 'freeText', kind: 'quasi' },
          redact: 'drop',
          reason: 'What the reporter answered; answers can be typed text.',
        }).optional(),
        email: classified(Email, contact('contact.email')).optional(),
        device_id: classified(z.string().min(1), {
          classification: 'confidential',
          pii: { category: 'online.identifier', kind: 'linkable' },
          redact: 'hash',
        }).optional(),
        account_id: classified(z.string().min(1), {
          classification: 'confidential',
          pii: { category: 'online.identifier', kind: 'linkable' },
          redact: 'hash',
        }).optional(),
        first_name: classified(z.string().min(1), contact('identity.name')).optional(),
        last_name: classified(z.string().min(1), contact('identity.name')).optional(),
        phone: classified(Phone, contact('contact.phone')).optional(),
        description: classified(z.string().max(4000), {
          classification: 'confidential',
          pii: { category: 'freeText', kind: 'quasi' },
        }).optional(),
        media_url: classified(z.url({ protocol: /^https?$/ }), {
          classification: 'confidential',
          pii: { category: 'media', kind: 'quasi' },
        }).optional(),
      },
      META,
    ),
  )
  .refine(
    (r) =>
      (r.lat !== undefined && r.long !== undefined) ||
      r.address_string !== undefined ||
      r.address_id !== undefined,
    {
      message: 'A location is required: lat and long, address_string or address_id',
      path: ['lat'],
    },
  )
  .meta({
    id: 'Open311CreateServiceRequest',
    title: 'CreateServiceRequest',
    description: 'Open311 POST requests body',
  });
/** An Open311 POST requests body. */
export type CreateServiceRequest = z.infer<typeof CreateServiceRequest>;

/**
 * The response to `POST requests` (and `GET tokens/{token}`): a request id (realtime) or a
 * token to look it up later (batch), never both: GeoReport v2 says `token` is "Not returned if
 * service_request_id is returned". Numeric ids are normalized to strings.
 */
export const ServiceRequestCreated = z
  .array(
    z
      .object(
        tagFields(
          {
            service_request_id: nullish(open311Id()),
            token: nullish(open311Id()),
            service_notice: nullish(z.string()),
            account_id: nullish(z.string()),
          },
          META,
        ),
      )
      .refine((r) => (r.service_request_id === undefined) !== (r.token === undefined), {
        message: 'Exactly one of service_request_id or token is required',
      }),
  )
  .min(1)
  .meta({
    id: 'Open311ServiceRequestCreated',
    title: 'ServiceRequestCreated',
    description: 'Open311 POST response / token response',
  });
/** The response to `POST requests`. */
export type ServiceRequestCreated = z.infer<typeof ServiceRequestCreated>;

/**
 * The response to `GET tokens/{token}`: the token and, once the request exists, its id (the
 * spec's example returns both: `[{ "service_request_id": 638344, "token": 12345 }]`).
 */
export const ServiceRequestFromToken = z
  .array(
    z.object(tagFields({ service_request_id: nullish(open311Id()), token: open311Id() }, META)),
  )
  .min(1)
  .meta({
    id: 'Open311ServiceRequestFromToken',
    title: 'ServiceRequestFromToken',
    description: 'Open311 GET tokens/{token} response',
  });
/** The response to `GET tokens/{token}`. */
export type ServiceRequestFromToken = z.output<typeof ServiceRequestFromToken>;

/**
 * GeoReport v2 errors: an array of `{ code, description }`. The spec's `code` is the error's
 * own code; it need not equal the HTTP status (its example sends 403 on a 400 response).
 */
export const Open311Errors = z
  .array(z.object(tagFields({ code: z.int(), description: z.string().min(1) }, META)))
  .min(1)
  .meta({ id: 'Open311Errors', title: 'Open311Errors', description: 'Open311 error array' });
/** GeoReport v2 errors. */
export type Open311Errors = z.infer<typeof Open311Errors>;

/**
 * The service discovery document listing a jurisdiction's Open311 endpoints.
 *
 * Standard: [Open311 Service Discovery](https://wiki.open311.org/Service_Discovery).
 */
export const ServiceDiscovery = z
  .object(
    tagFields(
      {
        /** "String - Sortable field" (the spec's example is `2011-02-03 14:18`). */
        changeset: z.string().min(1),
        contact: z.string().min(1),
        key_service: z.string().min(1),
        endpoints: z
          .array(
            z.object({
              specification: z.string().min(1),
              url: z.url(),
              changeset: z.string().min(1),
              type: z.enum(['production', 'test']),
              formats: z.array(z.string().min(1)).min(1),
            }),
          )
          .min(1),
      },
      META,
    ),
  )
  .meta({
    id: 'Open311ServiceDiscovery',
    title: 'ServiceDiscovery',
    description: 'Open311 service discovery document',
  });
/** An Open311 service discovery document. */
export type ServiceDiscovery = z.infer<typeof ServiceDiscovery>;
