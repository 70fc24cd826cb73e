import type { Principal } from '@cityofboston/standards-schema';
import { describe, expect, it } from 'vitest';
import { can, ROLES } from '../src/shared/policy';

const person = (roles: string[], department = 'DoIT'): Principal =>
  ({
    sub: 'p1',
    name: 'Test Person (synthetic)',
    email: 'p1@dev.invalid',
    department,
    roles,
    clearance: 'confidential',
    employeeType: 'employee',
  }) as Principal;

describe('policy', () => {
  it('lets staff view and create their own department’s requests only', () => {
    const staff = person([ROLES.staff]);
    expect(can(staff, 'view', { type: 'WorkRequest', department: 'DoIT' })).toBe(true);
    expect(can(staff, 'create', { type: 'WorkRequest', department: 'DoIT' })).toBe(true);
    expect(can(staff, 'view', { type: 'WorkRequest', department: 'PWD' })).toBe(false);
    expect(can(staff, 'update', { type: 'WorkRequest', department: 'DoIT' })).toBe(false);
  });

  it('denies by default', () => {
    expect(can(person([]), 'view', { type: 'WorkRequest', department: 'DoIT' })).toBe(false);
  });

  it('denies a record above the viewer’s clearance', () => {
    const staff = { ...person([ROLES.staff]), clearance: 'internal' as const };
    expect(
      can(staff, 'view', {
        type: 'WorkRequest',
        department: 'DoIT',
        classification: 'confidential',
      }),
    ).toBe(false);
  });
});
