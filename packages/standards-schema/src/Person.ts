import { z } from 'zod';
import { PostalAddress } from './address/PostalAddress';
import { classified } from './classified';
import { publicMeta, tagFields } from './internal/tagFields';
import { CalendarDate } from './primitives/DateTime';
import { LanguageTag } from './primitives/LanguageTag';

// Fields not tagged one by one below are public: Structure and identifiers with no personal data.
const META = publicMeta('Structure and identifiers with no personal data.');

/** Popolo's `note` and `label`: free text staff write about a person or one of their contacts. */
const NOTE = {
  classification: 'confidential',
  pii: { category: 'freeText', kind: 'quasi' },
  redact: 'drop',
  reason:
    'Free text written by staff about a person (a note, a label); it may say anything about them.',
} as const;

const name = (kind: 'direct' | 'quasi' = 'direct') =>
  ({
    classification: 'confidential',
    pii: { category: 'identity.name', kind },
    redact: 'truncate',
  }) as const;

/** A way to reach a person (Popolo `ContactDetail`). */
export const ContactDetail = z.object(
  tagFields(
    {
      /** Popolo types: email, voice, fax, cell, tty, text, address, twitter... */
      type: z.enum(['email', 'voice', 'fax', 'cell', 'tty', 'text', 'address', 'url']),
      label: classified(z.string(), NOTE).optional(),
      value: classified(z.string().min(1), {
        classification: 'confidential',
        pii: { category: 'contact.phone', kind: 'direct' },
        redact: 'mask',
      }),
      note: classified(z.string(), NOTE).optional(),
      /** Whether the person agreed to be contacted this way (e.g. SMS updates). */
      consent: z.boolean().optional(),
    },
    META,
  ),
);
/** A way to reach a person. */
export type ContactDetail = z.infer<typeof ContactDetail>;

/**
 * A person the City serves or works with, in Popolo's vocabulary (name parts, other names,
 * contact details) plus the preferred language and accessibility needs. Personal fields are
 * confidential; accessibility needs are health-related and `restricted`.
 *
 * Standard: [Popolo Person](https://www.popoloproject.com/specs/person.html).
 *
 * @example
 * ```ts
 * Person.parse({ id: 'p-1', name: 'Avery Quinn', preferredLanguage: 'es', accessibilityNeeds: ['large-print'] });
 * ```
 */
export const Person = z
  .object(
    tagFields(
      {
        id: z.string().min(1),
        name: classified(z.string().min(1), name()),
        given_name: classified(z.string().min(1), name()).optional(),
        family_name: classified(z.string().min(1), name()).optional(),
        honorific_prefix: z.string().optional(),
        other_names: z
          .array(
            z.object({
              name: classified(z.string().min(1), name()),
              note: classified(z.string(), NOTE).optional(),
            }),
          )
          .optional(),
        email: classified(z.email(), {
          classification: 'confidential',
          pii: { category: 'contact.email', kind: 'direct' },
          redact: 'mask',
        }).optional(),
        contact_details: z.array(ContactDetail).optional(),
        address: classified(PostalAddress, {
          classification: 'confidential',
          pii: { category: 'contact.postal', kind: 'direct' },
          redact: 'generalize',
        }).optional(),
        birth_date: classified(CalendarDate, {
          classification: 'confidential',
          pii: { category: 'demographic.birthDate', kind: 'quasi' },
          redact: 'generalize',
        }).optional(),
        gender: classified(z.string().min(1), {
          classification: 'confidential',
          pii: { category: 'demographic.gender', kind: 'quasi' },
          redact: 'drop',
        }).optional(),
        preferredLanguage: classified(LanguageTag, {
          classification: 'internal',
          pii: { category: 'demographic.language', kind: 'quasi' },
        }).optional(),
        accessibilityNeeds: classified(z.array(z.string().min(1)), {
          classification: 'restricted',
          pii: { category: 'demographic.disability', kind: 'quasi' },
          redact: 'drop',
          legal: ['Americans with Disabilities Act', 'M.G.L. c. 93H'],
        }).optional(),
      },
      META,
    ),
  )
  .meta({ id: 'Person', title: 'Person', description: 'A person (Popolo-compatible)' });
/** A person. */
export type Person = z.infer<typeof Person>;
