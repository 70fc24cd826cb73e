import { z } from 'zod';
import { publicMeta, tagFields } from '../internal/tagFields';
import { ACCESS_LEVELS, type DcatDataset } from './DcatUs11';

// Fields not tagged one by one below are public: Dataset catalog metadata published on the open data portal (DCAT-US).
const META = publicMeta('Dataset catalog metadata published on the open data portal (DCAT-US).');

/**
 * The subset of a DCAT-US 3.0 `Dataset` this package models (the fields a municipal catalog
 * uses): JSON-LD types without prefixes, `contactPoint` as a list of vCard `Kind`s, the access
 * level as an `accessRights` statement, licenses on distributions.
 *
 * Standard: [DCAT-US 3.0](https://doi-do.github.io/dcat-us/).
 */
export const DcatUs3Dataset = z
  .object(
    tagFields(
      {
        '@type': z.literal('Dataset'),
        '@id': z.string().optional(),
        identifier: z.string().min(1),
        title: z.string().min(1),
        description: z.string().min(1),
        keyword: z.array(z.string().min(1)).min(1),
        theme: z.array(z.string().min(1)).optional(),
        modified: z.string().min(4),
        issued: z.string().min(4).optional(),
        publisher: z.object({ '@type': z.literal('Organization'), name: z.string().min(1) }),
        contactPoint: z
          .array(
            z.object({
              '@type': z.literal('Kind'),
              fn: z.string().min(1),
              hasEmail: z.string().regex(/^mailto:/),
            }),
          )
          .min(1),
        accessRights: z.object({
          '@type': z.literal('RightsStatement'),
          label: z.enum(ACCESS_LEVELS),
          description: z.string().optional(),
        }),
        rights: z.string().optional(),
        spatial: z.string().optional(),
        temporal: z.string().optional(),
        accrualPeriodicity: z.string().optional(),
        landingPage: z.url().optional(),
        language: z.array(z.string()).optional(),
        conformsTo: z.array(z.url()).optional(),
        isPartOf: z.string().optional(),
        distribution: z
          .array(
            z.object({
              '@type': z.literal('Distribution'),
              accessURL: z.url().optional(),
              downloadURL: z.url().optional(),
              mediaType: z.string().optional(),
              format: z.string().optional(),
              title: z.string().optional(),
              description: z.string().optional(),
              license: z.url().optional(),
              conformsTo: z.url().optional(),
              describedBy: z.url().optional(),
            }),
          )
          .optional(),
      },
      META,
    ),
  )
  .meta({
    id: 'DcatUs3Dataset',
    title: 'DcatUs3Dataset',
    description: 'DCAT-US 3.0 dataset (subset)',
  });
/** A DCAT-US 3.0 dataset (subset). */
export type DcatUs3Dataset = z.infer<typeof DcatUs3Dataset>;

/**
 * Migrates a DCAT-US 1.1 dataset to the DCAT-US 3.0 subset: prefixes drop from types, the
 * contact point becomes a list, `accessLevel` becomes `accessRights`, the dataset license moves
 * onto each distribution (and is kept on a dataset without distributions as `rights` text),
 * `conformsTo` becomes a list. Nothing is lost silently: fields with no 3.0 home are listed in
 * the returned `dropped`.
 */
export function migrateDcatUs11To3(dataset: DcatDataset): {
  dataset: DcatUs3Dataset;
  dropped: string[];
} {
  const dropped: string[] = [];
  for (const key of [
    'dataQuality',
    'describedBy',
    'describedByType',
    'references',
    'bureauCode',
    'programCode',
    'primaryITInvestmentUII',
    'systemOfRecords',
  ] as const) {
    if (dataset[key] !== undefined && dataset[key] !== null) dropped.push(key);
  }
  // Non-federal DCAT-US 1.1 records may lack fields DCAT-US 3.0 requires: say so.
  for (const key of ['keyword', 'modified'] as const)
    if (dataset[key] === undefined) dropped.push(`missing:${key}`);
  if (dataset.contactPoint.hasEmail === undefined) dropped.push('missing:contactPoint.hasEmail');
  // The 3.0 subset models the publisher's name only.
  if (dataset.publisher.subOrganizationOf !== undefined)
    dropped.push('publisher.subOrganizationOf');
  const out: DcatUs3Dataset = {
    '@type': 'Dataset',
    identifier: dataset.identifier,
    title: dataset.title,
    description: dataset.description,
    keyword: [...(dataset.keyword ?? [])],
    modified: dataset.modified ?? '',
    publisher: { '@type': 'Organization', name: dataset.publisher.name },
    contactPoint: [
      {
        '@type': 'Kind',
        fn: dataset.contactPoint.fn,
        hasEmail: dataset.contactPoint.hasEmail ?? '',
      },
    ],
    accessRights: {
      '@type': 'RightsStatement',
      label: dataset.accessLevel,
      ...(typeof dataset.rights === 'string' ? { description: dataset.rights } : {}),
    },
  };
  if (dataset.theme) out.theme = [...dataset.theme];
  if (dataset.issued) out.issued = dataset.issued;
  if (dataset.spatial) out.spatial = dataset.spatial;
  if (dataset.temporal) out.temporal = dataset.temporal;
  if (dataset.accrualPeriodicity) out.accrualPeriodicity = dataset.accrualPeriodicity;
  if (dataset.landingPage) out.landingPage = dataset.landingPage;
  if (dataset.language) out.language = [...dataset.language];
  if (dataset.conformsTo) out.conformsTo = [dataset.conformsTo];
  if (dataset.isPartOf) out.isPartOf = dataset.isPartOf;
  if (dataset.rights) out.rights = dataset.rights;
  if (dataset.distribution && dataset.distribution.length > 0) {
    out.distribution = dataset.distribution.map((d) => {
      const { '@type': _type, describedByType, ...rest } = d;
      if (describedByType !== undefined && describedByType !== null)
        dropped.push('distribution.describedByType');
      // DCAT-US 1.1 allows null for "no value"; the 3.0 subset leaves the field out.
      const present = Object.fromEntries(
        Object.entries(rest).filter(([, value]) => value !== null && value !== undefined),
      ) as { [K in keyof typeof rest]?: Exclude<(typeof rest)[K], null> };
      return {
        '@type': 'Distribution' as const,
        ...present,
        ...(dataset.license ? { license: dataset.license } : {}),
      };
    });
  } else if (dataset.license) {
    out.rights = out.rights
      ? `${out.rights} License: ${dataset.license}`
      : `License: ${dataset.license}`;
  }
  return { dataset: out, dropped: [...new Set(dropped)] };
}
