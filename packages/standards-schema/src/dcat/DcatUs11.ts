import { z } from 'zod';
import type { Classification } from '../classification';
import { classified } from '../classified';
import { classificationOf } from '../fieldsOf';
import { publicMeta, tagFields } from '../internal/tagFields';
import { uniqueItems } from '../internal/uniqueItems';
import { DcatOrganization } from './DcatOrganization';
import {
  ACCRUAL_PERIODICITY_PATTERN,
  ISSUED_PATTERNS,
  LANGUAGE_PATTERN,
  MODIFIED_PATTERNS,
  TEMPORAL_PATTERNS,
} from './dcatPatterns';

// Fields not tagged one by one below are public: Dataset catalog metadata published on the open data portal (DCAT-US).
const META = publicMeta('Dataset catalog metadata published on the open data portal (DCAT-US).');

/** DCAT-US 1.1 `accessLevel` values. */
export const ACCESS_LEVELS = ['public', 'restricted public', 'non-public'] as const;
/** One of {@link ACCESS_LEVELS}. */
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

const Uri = z.url();

/** A string matching one of the official schema's patterns (its `anyOf` of patterns). */
function anyPattern(patterns: readonly string[], message: string) {
  const regexes = patterns.map((pattern) => new RegExp(pattern));
  return z.union(
    regexes.map((regex) => z.string().regex(regex, message)) as [
      z.ZodString,
      z.ZodString,
      ...z.ZodString[],
    ],
  );
}

/** `null` is allowed wherever the official non-federal schema allows it; it stays `null`. */
function nullable<S extends z.ZodType>(schema: S) {
  return schema.nullable().optional();
}

/**
 * The official schema's media type pattern, for `mediaType` and `describedByType`:
 * `"pattern": "^[-\\w]+/[-\\w]+(\\.[-\\w]+)*([+][-\\w]+)?$"` (a type, a subtype with
 * dotted parts, an optional `+suffix`).
 */
const MEDIA_TYPE = /^[-\w]+\/[-\w]+(\.[-\w]+)*([+][-\w]+)?$/;
const MediaType = z
  .string()
  .regex(MEDIA_TYPE, 'Expected an IANA media type such as text/csv or application/vnd.ms-excel');

/**
 * A DCAT-US 1.1 distribution: how to get a dataset (download or access URL, media type).
 *
 * As the official `definitions/distribution`: every field but `downloadURL` may be `null`
 * (`"anyOf": [..., {"type": "null"}]`); `format`, `title` and `description` are not empty
 * (`"minLength": 1`); `"dependencies": {"downloadURL": {"required": ["mediaType"]}}` with a
 * string `mediaType`, so a download needs a (non-null) media type.
 *
 * Neither URL is required: the standard lists both as "Required if applicable" and says "Each
 * distribution should contain one accessURL or downloadURL" (a recommendation, not a rule), and
 * the official schema requires neither; a distribution with neither is accepted.
 *
 * Standard: [DCAT-US Schema v1.1, Distribution Fields](https://resources.data.gov/resources/dcat-us/#distribution-fields).
 */
export const DcatDistribution = z
  .object(
    tagFields(
      {
        '@type': z.literal('dcat:Distribution').optional(),
        accessURL: nullable(Uri),
        downloadURL: Uri.optional(),
        mediaType: nullable(MediaType),
        format: nullable(z.string().min(1)),
        title: nullable(z.string().min(1)),
        description: nullable(z.string().min(1)),
        conformsTo: nullable(Uri),
        describedBy: nullable(Uri),
        describedByType: nullable(MediaType),
      },
      META,
    ),
  )
  .refine((d) => d.downloadURL === undefined || typeof d.mediaType === 'string', {
    message: 'mediaType is required (and not null) when downloadURL is given',
    path: ['mediaType'],
  })
  .meta({
    id: 'DcatUsDistribution',
    title: 'Distribution',
    // The refinement above, for the exported JSON Schema (draft 2020-12's form of draft-04's
    // `dependencies`), so that it gives zod's verdict.
    dependentSchemas: {
      downloadURL: { required: ['mediaType'], properties: { mediaType: { type: 'string' } } },
    },
  });
/** A DCAT-US 1.1 distribution. */
export type DcatDistribution = z.infer<typeof DcatDistribution>;

/**
 * A DCAT-US 1.1 dataset as the official non-federal schema reads it: `"required": ["title",
 * "description", "publisher", "contactPoint", "identifier", "accessLevel"]`, every other field
 * it defines checked with its pattern when present (the federal `bureauCode`, `programCode`,
 * `primaryITInvestmentUII` and `systemOfRecords` included, and kept); `rights` is required
 * unless the access level is `public`. The publisher is a {@link DcatOrganization} with its
 * whole parent chain.
 *
 * Standard: [DCAT-US Schema v1.1 (Project Open Data Metadata Schema)](https://resources.data.gov/resources/dcat-us/).
 */
export const DcatDataset = z
  .object(
    tagFields(
      {
        '@type': z.literal('dcat:Dataset').optional(),
        title: z.string().min(1),
        description: z.string().min(1),
        // Required for federal agencies; optional in the non-federal schema.
        keyword: z.array(z.string().min(1)).min(1).optional(),
        modified: anyPattern(
          MODIFIED_PATTERNS,
          'Expected an ISO 8601 date, date-time, duration or repeating interval',
        ).optional(),
        publisher: DcatOrganization,
        contactPoint: z.object({
          '@type': z.literal('vcard:Contact').optional(),
          fn: classified(z.string().min(1), {
            classification: 'public',
            pii: { category: 'identity.name', kind: 'direct' },
            reason: 'DCAT-US requires a published contact; often a person’s name all the same.',
          }),
          hasEmail: classified(
            z
              .string()
              // The official `vcard-non-federal` pattern
              // `^mailto:[\\w\\_\\~\\!\\$\\&\\'\\(\\)\\*\\+\\,\\;\\=\\:.-]+@[\\w.-]+\\.[\\w.-]+?$`,
              // written without its needless escapes (the same characters) so it is also a
              // valid Unicode regex.
              .regex(/^mailto:[\w_~!$&'()*+,;=:.-]+@[\w.-]+\.[\w.-]+?$/, 'Expected mailto:address')
              .optional(),
            {
              classification: 'public',
              pii: { category: 'contact.email', kind: 'direct' },
              reason: 'DCAT-US asks for a published contact email; often a person’s address.',
            },
          ),
        }),
        identifier: z.string().min(1),
        accessLevel: z.enum(ACCESS_LEVELS),
        license: nullable(Uri),
        rights: nullable(z.string().min(1).max(255)),
        spatial: nullable(z.string().min(1)),
        temporal: nullable(
          anyPattern(
            TEMPORAL_PATTERNS,
            'Expected an ISO 8601 interval such as 2010-01-01/2010-12-31',
          ),
        ),
        distribution: nullable(z.array(DcatDistribution)),
        accrualPeriodicity: nullable(
          z.union([
            z.literal('irregular'),
            z
              .string()
              .regex(
                new RegExp(ACCRUAL_PERIODICITY_PATTERN),
                'Expected irregular or an ISO 8601 repeating duration such as R/P1D',
              ),
          ]),
        ),
        conformsTo: nullable(Uri),
        dataQuality: nullable(z.boolean()),
        describedBy: nullable(Uri),
        describedByType: nullable(MediaType),
        isPartOf: z.string().min(1).optional(),
        issued: nullable(anyPattern(ISSUED_PATTERNS, 'Expected an ISO 8601 date or date-time')),
        language: nullable(
          z.array(
            z
              .string()
              .regex(new RegExp(LANGUAGE_PATTERN), 'Expected a BCP 47 language tag such as en-US'),
          ),
        ),
        landingPage: nullable(Uri),
        references: nullable(uniqueItems(z.array(Uri).min(1))),
        theme: nullable(uniqueItems(z.array(z.string().min(1)).min(1))),
        // Federal fields the official non-federal schema still defines (and checks): kept, not
        // stripped. Its patterns are unanchored ("[0-9]{3}:[0-9]{2}"), as here.
        bureauCode: uniqueItems(
          z
            .array(z.string().regex(/[0-9]{3}:[0-9]{2}/, 'Expected a bureau code such as 015:11'))
            .min(1),
        ).optional(),
        programCode: uniqueItems(
          z
            .array(z.string().regex(/[0-9]{3}:[0-9]{3}/, 'Expected a program code such as 015:001'))
            .min(1),
        ).optional(),
        primaryITInvestmentUII: nullable(
          z.string().regex(/[0-9]{3}-[0-9]{9}/, 'Expected an investment UII such as 023-000000001'),
        ),
        systemOfRecords: nullable(z.string().min(1)),
      },
      META,
    ),
  )
  .refine((d) => d.accessLevel === 'public' || d.rights !== undefined, {
    message: 'rights is required when accessLevel is not public',
    path: ['rights'],
  })
  .meta({
    id: 'DcatUsDataset',
    title: 'Dataset',
    description: 'DCAT-US 1.1 dataset (non-federal)',
    // The refinement above, for the exported JSON Schema, so that it gives zod's verdict.
    anyOf: [
      { type: 'object', properties: { accessLevel: { const: 'public' } } },
      { type: 'object', properties: { rights: {} }, required: ['rights'] },
    ],
  });
/** A DCAT-US 1.1 dataset. */
export type DcatDataset = z.infer<typeof DcatDataset>;

/**
 * A DCAT-US 1.1 catalog (`data.json`).
 *
 * Standard: [DCAT-US Schema v1.1, Catalog Fields](https://resources.data.gov/resources/dcat-us/#catalog-fields).
 */
export const DcatCatalog = z
  .object(
    tagFields(
      {
        '@context': Uri.optional(),
        '@id': Uri.optional(),
        '@type': z.literal('dcat:Catalog').optional(),
        conformsTo: z.literal('https://project-open-data.cio.gov/v1.1/schema'),
        describedBy: Uri.optional(),
        dataset: z.array(DcatDataset),
      },
      META,
    ),
  )
  .meta({ id: 'DcatUsCatalog', title: 'Catalog', description: 'DCAT-US 1.1 catalog (data.json)' });
/** A DCAT-US 1.1 catalog. */
export type DcatCatalog = z.infer<typeof DcatCatalog>;

/**
 * The DCAT-US access level for data of a classification: `public` data is `public`, `internal`
 * data is `restricted public` (shared on request), personal data (`confidential`,
 * `restricted`) is `non-public`.
 */
export function accessLevelFor(classification: Classification): AccessLevel {
  switch (classification) {
    case 'public':
      return 'public';
    case 'internal':
      return 'restricted public';
    default:
      return 'non-public';
  }
}

/**
 * The access level of a dataset that publishes records of `schema`, from the schema's
 * classification (its most protected field).
 *
 * @example
 * ```ts
 * datasetAccessLevel(ServiceRequest); // 'non-public': it has confidential contact fields
 * ```
 */
export function datasetAccessLevel(schema: z.core.$ZodType): AccessLevel {
  return accessLevelFor(classificationOf(schema));
}
