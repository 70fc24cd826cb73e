import { z } from 'zod';
import { classified, type FieldMeta } from '../classified';
import { publicMeta, tagFields } from '../internal/tagFields';
import { LanguageTag } from '../primitives/LanguageTag';

// Fields not tagged one by one below are public: Human-services directory data published for residents (HSDS).
const META = publicMeta('Human-services directory data published for residents (HSDS).');

// HSDS 3.0 identifies every object with a UUID.
const Id = z.uuid();

/** A named contact's name, email or phone: published by the provider, personal data all the same. */
function staffContact(category: 'identity.name' | 'contact.email' | 'contact.phone'): FieldMeta {
  return {
    classification: 'internal',
    pii: { category, kind: 'direct' },
    redact: category === 'identity.name' ? 'truncate' : 'mask',
    reason: 'A named person’s work contact details: personal data even when a provider lists them.',
  };
}

/**
 * HSDS 3.0 `phone`: a number for a service, organization, location or contact.
 *
 * Standard: [Open Referral HSDS 3.0, phone](https://docs.openreferral.org/en/latest/hsds/schema_reference.html#phone).
 */
export const HsdsPhone = z
  .object(
    tagFields(
      {
        id: Id,
        location_id: Id.optional(),
        service_id: Id.optional(),
        organization_id: Id.optional(),
        contact_id: Id.optional(),
        number: z.string().min(1),
        extension: z.number().int().min(0).optional(),
        type: z.enum(['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone']).optional(),
        description: z.string().optional(),
        languages: z
          .array(z.object({ id: Id, name: z.string().optional(), code: LanguageTag.optional() }))
          .optional(),
      },
      META,
    ),
  )
  .meta({ id: 'HsdsPhone', title: 'HSDS Phone' });
/** HSDS 3.0 phone. */
export type HsdsPhone = z.infer<typeof HsdsPhone>;

/** HSDS 3.0 `contact`: a named person or role to reach about a service. */
export const HsdsContact = z
  .object(
    tagFields(
      {
        id: Id,
        organization_id: Id.optional(),
        service_id: Id.optional(),
        location_id: Id.optional(),
        name: classified(z.string().optional(), staffContact('identity.name')),
        title: z.string().optional(),
        department: z.string().optional(),
        email: classified(z.email().optional(), staffContact('contact.email')),
        phones: classified(z.array(HsdsPhone).optional(), staffContact('contact.phone')),
      },
      META,
    ),
  )
  .meta({ id: 'HsdsContact', title: 'HSDS Contact' });
/** HSDS 3.0 contact. */
export type HsdsContact = z.infer<typeof HsdsContact>;

/** HSDS 3.0 `address`: a location's physical or postal address. */
export const HsdsAddress = z
  .object(
    tagFields(
      {
        id: Id,
        location_id: Id.optional(),
        attention: z.string().optional(),
        address_1: z.string().min(1),
        address_2: z.string().optional(),
        city: z.string().min(1),
        region: z.string().optional(),
        state_province: z.string().min(1),
        postal_code: z.string().min(1),
        country: z.string().regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 country code'),
        address_type: z.enum(['physical', 'postal', 'virtual']),
      },
      META,
    ),
  )
  .meta({ id: 'HsdsAddress', title: 'HSDS Address' });
/** HSDS 3.0 address. */
export type HsdsAddress = z.infer<typeof HsdsAddress>;

/** HSDS 3.0 `location`: where a service is delivered (physical, postal or virtual). */
export const HsdsLocation = z
  .object(
    tagFields(
      {
        id: Id,
        location_type: z.enum(['physical', 'postal', 'virtual']),
        url: z.url().optional(),
        organization_id: Id.optional(),
        name: z.string().optional(),
        alternate_name: z.string().optional(),
        description: z.string().optional(),
        transportation: z.string().optional(),
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
        external_identifier: z.string().optional(),
        languages: z
          .array(z.object({ id: Id, name: z.string().optional(), code: LanguageTag.optional() }))
          .optional(),
        addresses: z.array(HsdsAddress).optional(),
        contacts: z.array(HsdsContact).optional(),
        phones: z.array(HsdsPhone).optional(),
      },
      META,
    ),
  )
  .refine((l) => l.location_type !== 'virtual' || l.url !== undefined, {
    message: 'A virtual location needs a url',
    path: ['url'],
  })
  .meta({ id: 'HsdsLocation', title: 'HSDS Location' });
/** HSDS 3.0 location. */
export type HsdsLocation = z.infer<typeof HsdsLocation>;

/** HSDS 3.0 `service`: what an organization offers. */
export const HsdsService = z
  .object(
    tagFields(
      {
        id: Id,
        // HSDS 3.0 service.json requires only id, name and status.
        organization_id: Id.optional(),
        program_id: Id.optional(),
        name: z.string().min(1),
        alternate_name: z.string().optional(),
        description: z.string().optional(),
        url: z.url().optional(),
        email: z.email().optional(),
        status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
        interpretation_services: z.string().optional(),
        application_process: z.string().optional(),
        fees_description: z.string().optional(),
        eligibility_description: z.string().optional(),
        minimum_age: z.number().min(0).optional(),
        maximum_age: z.number().min(0).optional(),
        assured_date: z.iso.date().optional(),
        assurer_email: z.email().optional(),
        alert: z.string().optional(),
        last_modified: z.iso.datetime({ offset: true }).optional(),
        phones: z.array(HsdsPhone).optional(),
        contacts: z.array(HsdsContact).optional(),
      },
      META,
    ),
  )
  .refine(
    (s) =>
      s.minimum_age === undefined || s.maximum_age === undefined || s.minimum_age <= s.maximum_age,
    {
      message: 'minimum_age must not exceed maximum_age',
      path: ['maximum_age'],
    },
  )
  .meta({ id: 'HsdsService', title: 'HSDS Service' });
/** HSDS 3.0 service. */
export type HsdsService = z.infer<typeof HsdsService>;

/**
 * HSDS 3.0 `organization`: a provider of services (a City department, a nonprofit).
 *
 * Standard: [Open Referral Human Services Data Specification 3.0](https://docs.openreferral.org/en/latest/hsds/schema_reference.html).
 */
export const HsdsOrganization = z
  .object(
    tagFields(
      {
        id: Id,
        name: z.string().min(1),
        alternate_name: z.string().optional(),
        description: z.string().min(1),
        email: z.email().optional(),
        website: z.url().optional(),
        tax_status: z.string().optional(),
        tax_id: z.string().optional(),
        year_incorporated: z.number().int().min(1600).max(2100).optional(),
        legal_status: z.string().optional(),
        logo: z.url().optional(),
        uri: z.url().optional(),
        parent_organization_id: Id.optional(),
        services: z.array(HsdsService).optional(),
        phones: z.array(HsdsPhone).optional(),
        locations: z.array(HsdsLocation).optional(),
        contacts: z.array(HsdsContact).optional(),
      },
      META,
    ),
  )
  .meta({ id: 'HsdsOrganization', title: 'HSDS Organization' });
/** HSDS 3.0 organization. */
export type HsdsOrganization = z.infer<typeof HsdsOrganization>;
