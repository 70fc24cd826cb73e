import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classified } from '../classified';
import { ServiceRequest } from '../open311/ServiceRequest';
import { DcatUs3Dataset, migrateDcatUs11To3 } from './DcatUs3';
import { accessLevelFor, DcatCatalog, DcatDataset, datasetAccessLevel } from './DcatUs11';

const dataset = {
  '@type': 'dcat:Dataset',
  title: '311 Service Requests',
  description: 'Requests to Boston 311 since 2011.',
  keyword: ['311', 'service requests'],
  modified: '2025-06-01',
  publisher: { '@type': 'org:Organization', name: 'City of Boston' },
  contactPoint: {
    '@type': 'vcard:Contact',
    fn: 'Analyze Boston',
    hasEmail: 'mailto:analyzeboston@example.org',
  },
  identifier: 'https://data.boston.gov/dataset/311-service-requests',
  accessLevel: 'public',
  license: 'http://opendefinition.org/licenses/odc-pddl/',
  accrualPeriodicity: 'R/P1D',
  distribution: [
    {
      '@type': 'dcat:Distribution',
      downloadURL: 'https://data.boston.gov/311.csv',
      mediaType: 'text/csv',
      format: 'CSV',
    },
  ],
  describedBy: 'https://data.boston.gov/311-dictionary.json',
} as const;

describe('DCAT-US 1.1 (non-federal)', () => {
  it('accepts a dataset inside a catalog', () => {
    expect(
      DcatCatalog.safeParse({
        conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
        dataset: [dataset],
      }).success,
    ).toBe(true);
  });

  it('requires keywords, a mailto contact, rights for non-public data and a media type for downloads', () => {
    expect(DcatDataset.safeParse({ ...dataset, keyword: [] }).success).toBe(false);
    expect(
      DcatDataset.safeParse({ ...dataset, contactPoint: { fn: 'x', hasEmail: 'x@example.org' } })
        .success,
    ).toBe(false);
    expect(
      DcatDataset.safeParse({ ...dataset, accessLevel: 'non-public' }).error?.issues[0]?.path,
    ).toEqual(['rights']);
    expect(
      DcatDataset.safeParse({
        ...dataset,
        distribution: [{ downloadURL: 'https://x.example/a.csv' }],
      }).success,
    ).toBe(false);
    expect(DcatDataset.safeParse({ ...dataset, accessLevel: 'secret' }).success).toBe(false);
  });

  it('derives the access level from the published schema’s classification', () => {
    expect(accessLevelFor('public')).toBe('public');
    expect(accessLevelFor('internal')).toBe('restricted public');
    expect(accessLevelFor('restricted')).toBe('non-public');
    expect(datasetAccessLevel(ServiceRequest)).toBe('non-public');
    expect(datasetAccessLevel(z.object({ a: z.string() }))).toBe('public');
    expect(
      datasetAccessLevel(z.object({ a: classified(z.string(), { classification: 'internal' }) })),
    ).toBe('restricted public');
  });
});

describe('DCAT-US 1.1 to 3.0 migration', () => {
  it('produces a valid 3.0 dataset, moving the license onto distributions and listing dropped fields', () => {
    const { dataset: migrated, dropped } = migrateDcatUs11To3(DcatDataset.parse(dataset));
    expect(DcatUs3Dataset.parse(migrated)).toEqual(migrated);
    expect(migrated.contactPoint).toEqual([
      { '@type': 'Kind', fn: 'Analyze Boston', hasEmail: 'mailto:analyzeboston@example.org' },
    ]);
    expect(migrated.accessRights.label).toBe('public');
    expect(migrated.distribution?.[0]?.license).toBe(dataset.license);
    expect(dropped).toEqual(['describedBy']);
  });

  it('keeps the license as rights text when there is no distribution', () => {
    const { distribution: _d, ...bare } = dataset;
    expect(migrateDcatUs11To3(DcatDataset.parse(bare)).dataset.rights).toBe(
      `License: ${dataset.license}`,
    );
  });
});
