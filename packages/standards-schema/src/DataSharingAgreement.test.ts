import { describe, expect, it } from 'vitest';
import { DataSharingAgreement } from './DataSharingAgreement';

const agreement: DataSharingAgreement = {
  id: 'dsa-2025-007',
  title: '311 street defects for BTD planning',
  provider: 'DoIT',
  recipient: 'BTD',
  datasets: ['ServiceRequest'],
  purposes: ['street-planning'],
  classificationCeiling: 'internal',
  allowedFields: ['service_code', 'lat', 'long'],
  deidentification: { lat: 'generalize', 'contact.email': 'pseudonymize' },
  validFrom: '2025-07-01T00:00:00-04:00',
  validUntil: '2026-06-30T23:59:59-04:00',
  duties: { deleteAfterDays: 365, noResharing: true },
  legalBasis: ['Executive Order on technology governance (2025)'],
};

describe('DataSharingAgreement', () => {
  it('accepts a complete agreement', () => {
    expect(DataSharingAgreement.parse(agreement)).toEqual(agreement);
  });

  it('rejects an agreement that ends before it starts, with the path', () => {
    const result = DataSharingAgreement.safeParse({
      ...agreement,
      validUntil: '2025-01-01T00:00:00Z',
    });
    expect(result.error?.issues[0]?.path).toEqual(['validUntil']);
  });

  it('requires datasets, purposes and a legal basis, and known methods', () => {
    const bad = (patch: Record<string, unknown>) =>
      DataSharingAgreement.safeParse({ ...agreement, ...patch }).success;
    expect(bad({ datasets: [] })).toBe(false);
    expect(bad({ purposes: [] })).toBe(false);
    expect(bad({ legalBasis: [] })).toBe(false);
    expect(bad({ deidentification: { lat: 'blur' } })).toBe(false);
    expect(bad({ classificationCeiling: 'top-secret' })).toBe(false);
    expect(bad({ duties: { deleteAfterDays: 0 } })).toBe(false);
  });
});
