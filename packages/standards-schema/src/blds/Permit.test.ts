import { describe, expect, it } from 'vitest';
import { BLDS_PERMIT_CLASSES, BLDS_PERMIT_TYPES, BLDS_STATUSES, Permit } from './Permit';

const permit = {
  PermitNum: 'ALT123456',
  Description: 'Renovate kitchen; replace cabinets and counters',
  AppliedDate: '2025-03-01',
  IssuedDate: '2025-03-15',
  StatusCurrent: 'Issued',
  StatusCurrentMapped: 'Permit Issued',
  OriginalAddress1: '12 Main St',
  OriginalCity: 'Charlestown',
  OriginalState: 'MA',
  OriginalZip: '02129',
  PermitClass: 'Res',
  PermitClassMapped: 'Residential',
  WorkClassMapped: 'Existing',
  PermitType: 'ALT',
  PermitTypeMapped: 'Building',
  EstProjectCost: 45000,
} as const;

describe('BLDS Permit', () => {
  it('maps exactly the BLDS table’s vocabularies', () => {
    expect(BLDS_PERMIT_CLASSES).toEqual(['Residential', 'Non-Residential']);
    expect(BLDS_STATUSES).toContain('Fees/Payment');
    expect(BLDS_STATUSES).toContain('Permit Finaled with Conditions');
    expect(BLDS_STATUSES).toContain('Occupancy');
    expect(BLDS_STATUSES).toContain('Appeal');
    expect(BLDS_PERMIT_TYPES).toEqual(expect.arrayContaining(['Roof', 'Fence', 'Pool/Spa']));
    expect(BLDS_PERMIT_TYPES).not.toContain('Fire');
    expect(BLDS_PERMIT_TYPES).not.toContain('Other');
    expect(
      Permit.safeParse({
        ...permit,
        PermitClassMapped: 'Non-Residential',
        PermitTypeMapped: 'Pool/Spa',
      }).success,
    ).toBe(true);
  });

  it('accepts a core permit with mapped vocabularies', () => {
    expect(Permit.parse(permit)).toEqual(permit);
  });

  it('requires an applied or issued date, and a completed date or a status', () => {
    const { AppliedDate: _a, IssuedDate: _i, ...noDates } = permit;
    expect(Permit.safeParse(noDates).error?.issues[0]?.message).toBe(
      'BLDS requires AppliedDate or IssuedDate',
    );
    const { StatusCurrent: _s, ...noStatus } = permit;
    expect(Permit.safeParse(noStatus).error?.issues[0]?.path).toEqual(['StatusCurrent']);
    expect(Permit.safeParse({ ...noStatus, CompletedDate: '2025-06-01' }).success).toBe(true);
  });

  it('rejects values outside the mapped vocabularies and non-BLDS dates', () => {
    expect(Permit.safeParse({ ...permit, StatusCurrentMapped: 'Approved' }).success).toBe(false);
    expect(Permit.safeParse({ ...permit, PermitClassMapped: 'Industrial' }).success).toBe(false);
    expect(Permit.safeParse({ ...permit, PermitClassMapped: 'Commercial' }).success).toBe(false);
    expect(Permit.safeParse({ ...permit, PermitTypeMapped: 'Sign' }).success).toBe(false);
    expect(Permit.safeParse({ ...permit, IssuedDate: '03/15/2025' }).success).toBe(false);
    expect(Permit.safeParse({ ...permit, OriginalZip: 2129 }).success).toBe(false);
  });
});
