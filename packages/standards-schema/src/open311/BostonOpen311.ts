// The parts of Boston's production Open311 records that GeoReport v2 does not define, read from
// the City's own client code and its recorded payloads (CityOfBoston/digital, services-js/311:
// `server/services/Open311.ts` and the fixtures under `__fixtures__/open311/`).
import { z } from 'zod';
import { classified } from '../classified';
import { tagFields } from '../internal/tagFields';
import { Email } from '../primitives/Email';
import { Phone } from '../primitives/Phone';
import { contactMeta, FREE_TEXT, INTERNAL, MEDIA, PRECISE_LOCATION, PUBLISHED } from './fieldMeta';
import { Open311DateTime } from './Open311DateTime';
import { nullish, open311Id } from './open311Input';

/** A value of an open vocabulary: one of the known values, or any other non-empty string. */
function openVocabulary<const T extends readonly [string, ...string[]]>(known: T) {
  return z.union([z.enum(known), z.string().min(1)]);
}

/** How a request reached Boston's Open311 system (`origin`); `API` in the City's records. */
export const REQUEST_ORIGINS = ['API'] as const;

/**
 * Sources seen in Boston's records: the Open311 feed's (`Web Portal`, `City Worker`) and the
 * open-data CSV's (`Constituent Call`, `Citizens Connect App`, `City Worker App`, `Self
 * Service`, `Employee Generated`, `Twitter`). Other values are read as they are.
 */
export const REQUEST_SOURCES = [
  'Citizens Connect App',
  'City Worker',
  'City Worker App',
  'Constituent Call',
  'Employee Generated',
  'Self Service',
  'Twitter',
  'Web Portal',
] as const;

/** Priorities seen in Boston's records; other values are read as they are. */
export const REQUEST_PRIORITIES = ['Low', 'Standard', 'Medium'] as const;

/** `origin`: known values typed, others kept. */
export const RequestOrigin = openVocabulary(REQUEST_ORIGINS);
/** `source`: known values typed, others kept. */
export const RequestSource = openVocabulary(REQUEST_SOURCES);
/** `priority`: known values typed, others kept. */
export const RequestPriority = openVocabulary(REQUEST_PRIORITIES);

/** One photo in Boston's `media_url` array (`tags` such as `Create`, `Close`). */
export const BostonMedia = z.object(
  tagFields(
    {
      id: nullish(z.string()),
      url: z.url({ protocol: /^https?$/ }),
      tags: nullish(z.array(z.string())),
    },
    MEDIA,
  ),
);

/**
 * `media_url`: GeoReport v2 says one URL; Boston sends a URL or an array of photos (each a URL
 * or `{ id, url, tags }`).
 */
export const MediaUrl = z.union([
  z.url({ protocol: /^https?$/ }),
  z.array(z.union([z.url({ protocol: /^https?$/ }), BostonMedia])),
]);

/** One step of a request's work plan in Boston's records (`activities[]`). */
export const BostonActivity = z.object(
  tagFields(
    {
      code: z.string().min(1),
      order: nullish(z.number()),
      description: classified(nullish(z.string()), FREE_TEXT),
      /** `Not Started`, `Complete`, `Void` in the City's records. */
      status: nullish(openVocabulary(['Not Started', 'Complete', 'Void'])),
      completion_date: nullish(Open311DateTime),
      media_url: classified(nullish(MediaUrl), MEDIA),
    },
    PUBLISHED,
  ),
);
/** One step of a request's work plan in Boston's records. */
export type BostonActivity = z.output<typeof BostonActivity>;

/** A note or status change an app built on this SDK records in a request's history. */
export const CaseDeskActivity = z.object(
  tagFields(
    {
      datetime: Open311DateTime,
      /** e.g. `assigned`, `note`, `closed`, `reopened`. */
      type: z.string().min(1),
      /** The employee or system that acted (an id, not a name). */
      actor: classified(z.string().min(1), {
        classification: 'internal',
        pii: { category: 'online.identifier', kind: 'linkable' },
        redact: 'hash',
        reason: 'Identifies the City employee who acted.',
      }).optional(),
      note: classified(z.string(), FREE_TEXT).optional(),
    },
    { classification: 'public', reason: 'When and what kind of step happened; no personal data.' },
  ),
);
/** A history entry written by an app built on this SDK. */
export type CaseDeskActivity = z.output<typeof CaseDeskActivity>;

/** One entry of `activities`: Boston's work-plan step, or an SDK app's history entry. */
export const ServiceRequestActivity = z.union([BostonActivity, CaseDeskActivity]);
/** One entry of `activities`. */
export type ServiceRequestActivity = z.output<typeof ServiceRequestActivity>;

/** One answer of Boston's `attributes[]` (what the reporter answered to the service's questions). */
export const BostonAttribute = z.object(
  tagFields(
    {
      code: z.string().min(1),
      description: nullish(z.string()),
      order: nullish(z.number()),
      values: classified(
        nullish(
          z.array(z.object({ answer: nullish(z.string()), answer_value: nullish(z.unknown()) })),
        ),
        { ...FREE_TEXT, reason: 'What the reporter answered; answers can be typed text.' },
      ),
    },
    PUBLISHED,
  ),
);

/** An event of Boston's `events[]` (who changed the case, when, with what note). */
export const BostonEvent = z.object(
  tagFields(
    {
      type: nullish(z.string()),
      event_by: classified(
        nullish(
          z.object({
            type: nullish(z.string()),
            id: nullish(z.string()),
            name: classified(nullish(z.string()), {
              classification: 'internal',
              pii: { category: 'identity.name', kind: 'direct' },
              redact: 'truncate',
              reason: 'The name of the City employee or system that acted.',
            }),
          }),
        ),
        INTERNAL,
      ),
      event_datetime: nullish(Open311DateTime),
      notes: classified(nullish(z.string()), FREE_TEXT),
    },
    PUBLISHED,
  ),
);

/** The reporter's contact details; every field is confidential. */
export const ServiceRequestContact = z.object({
  first_name: classified(nullish(z.string()), contactMeta('identity.name')),
  last_name: classified(nullish(z.string()), contactMeta('identity.name')),
  email: classified(nullish(Email), contactMeta('contact.email')),
  phone: classified(nullish(Phone), contactMeta('contact.phone')),
});
/** The reporter's contact details. */
export type ServiceRequestContact = z.output<typeof ServiceRequestContact>;

/** Boston's extension fields of a service request, as its production records send them. */
export const BOSTON_OPEN311_FIELDS = {
  /** The CRM's internal record id (the public one is `service_request_id`). */
  id: classified(nullish(z.string()), INTERNAL),
  origin: classified(nullish(RequestOrigin), PUBLISHED),
  source: classified(nullish(RequestSource), PUBLISHED),
  priority: classified(nullish(RequestPriority), PUBLISHED),
  service_level_agreement: classified(
    nullish(
      z.object({
        type: nullish(z.union([z.string(), z.number()])),
        value: nullish(z.union([z.string(), z.number()])),
      }),
    ),
    PUBLISHED,
  ),
  /** Details the reporter gave about the place ("rear of building, 3rd floor"). */
  address_details: classified(nullish(z.string()), FREE_TEXT),
  /** Where the reporter said it was, before the City placed it. */
  reported_location: classified(
    nullish(
      z.object({
        address: nullish(z.string()),
        address_id: nullish(open311Id()),
        lat: nullish(z.number().min(-90).max(90)),
        long: nullish(z.number().min(-180).max(180)),
      }),
    ),
    PRECISE_LOCATION,
  ),
  /** The queue or user who owns the case. */
  owner: classified(
    nullish(
      z.object({ id: nullish(z.string()), name: nullish(z.string()), type: nullish(z.string()) }),
    ),
    INTERNAL,
  ),
  contact: classified(nullish(ServiceRequestContact), contactMeta('identity.name')),
  closure_details: classified(
    nullish(z.object({ reason: nullish(z.string()), comment: nullish(z.string()) })),
    FREE_TEXT,
  ),
  attributes: classified(nullish(z.array(BostonAttribute)), PUBLISHED),
  activities: classified(nullish(z.array(ServiceRequestActivity)), PUBLISHED),
  events: classified(nullish(z.array(BostonEvent)), PUBLISHED),
  parent_service_request_id: classified(nullish(open311Id()), PUBLISHED),
  duplicate_parent_service_request_id: classified(nullish(open311Id()), PUBLISHED),
} as const;
