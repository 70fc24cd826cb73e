import { type Principal, ServiceRequest } from '@cityofboston/standards-schema';
import { describe, expect, it } from 'vitest';
import { definePolicy } from './definePolicy';
import { permittedFields } from './permittedFields';

const base = { name: 'Synthetic Person', employeeType: 'employee' as const };
const clerk: Principal = {
  ...base,
  sub: 'c',
  department: 'PWD',
  roles: ['311.intake'],
  clearance: 'internal',
};
const manager: Principal = {
  ...base,
  sub: 'm',
  department: 'PWD',
  roles: ['case.manager'],
  clearance: 'confidential',
};
const inspector: Principal = {
  ...base,
  sub: 'i',
  department: 'ISD',
  roles: ['case.manager'],
  clearance: 'confidential',
};
const auditor: Principal = {
  ...base,
  sub: 'a',
  department: 'DoIT',
  roles: ['auditor'],
  clearance: 'restricted',
};
const expired: Principal = {
  ...manager,
  sub: 'x',
  employeeType: 'contractor',
  accountExpiresAt: '2020-01-01T00:00:00Z',
};
const current: Principal = { ...expired, sub: 'y', accountExpiresAt: '2999-01-01T00:00:00Z' };

const policy = definePolicy(({ principal, allow, deny, ownDepartment }) => {
  allow('view', 'ServiceRequest', ownDepartment);
  if (principal.roles.includes('case.manager'))
    allow(['update', 'close'], 'ServiceRequest', ownDepartment);
  if (principal.roles.includes('auditor')) allow('view', ['ServiceRequest', 'AuditEvent']);
  deny('close', 'ServiceRequest', { status: 'closed' });
});
const pwdCase = { type: 'ServiceRequest', department: 'PWD', status: 'open' };
// The form apps call: can(principal, action, resource), destructured from the policy.
const { can } = policy;

describe('definePolicy / can', () => {
  it('denies by default: no rule, no access', () => {
    expect(policy.can(manager, 'delete', pwdCase)).toBe(false);
    expect(policy.can(manager, 'view', { type: 'Unknown' })).toBe(false);
    expect(definePolicy(() => {}).can(auditor, 'view', pwdCase)).toBe(false);
  });

  it('scopes to the department', () => {
    expect(policy.can(manager, 'update', pwdCase)).toBe(true);
    expect(policy.can(inspector, 'update', pwdCase)).toBe(false);
    expect(policy.can(inspector, 'update', { ...pwdCase, department: 'ISD' })).toBe(true);
  });

  it('applies roles and deny rules', () => {
    expect(policy.can(clerk, 'view', pwdCase)).toBe(true);
    expect(policy.can(clerk, 'update', pwdCase)).toBe(false);
    expect(policy.can(manager, 'close', { ...pwdCase, status: 'closed' })).toBe(false);
    expect(can(auditor, 'view', { type: 'AuditEvent' })).toBe(true);
  });

  it("denies records above the principal's clearance whatever the rules", () => {
    expect(policy.can(auditor, 'view', { ...pwdCase, classification: 'restricted' })).toBe(true);
    expect(policy.can(manager, 'view', { ...pwdCase, classification: 'restricted' })).toBe(false);
  });

  it('denies expired contractor accounts, and not current ones', () => {
    expect(policy.can(expired, 'view', pwdCase)).toBe(false);
    expect(policy.can(current, 'view', pwdCase)).toBe(true);
  });

  it('takes rules as data', () => {
    const fromConfig = definePolicy([
      { action: 'view', subject: 'ServiceRequest', scope: 'department' },
      { roles: ['case.manager'], action: 'update', subject: 'ServiceRequest', scope: 'department' },
      { clearance: 'restricted', action: 'view', subject: 'AuditEvent' },
    ]);
    expect(fromConfig.can(clerk, 'view', pwdCase)).toBe(true);
    expect(fromConfig.can(clerk, 'update', pwdCase)).toBe(false);
    expect(fromConfig.can(manager, 'update', pwdCase)).toBe(true);
    expect(fromConfig.can(inspector, 'update', pwdCase)).toBe(false);
    expect(fromConfig.can(auditor, 'view', { type: 'AuditEvent' })).toBe(true);
    expect(fromConfig.can(manager, 'view', { type: 'AuditEvent' })).toBe(false);
  });
});

describe('can(principal, action, resource)', () => {
  it('is the policy itself, bound: deny by default, department, clearance, expiry', () => {
    expect(can(manager, 'update', pwdCase)).toBe(true);
    expect(can(manager, 'delete', pwdCase)).toBe(false);
    expect(can(inspector, 'update', pwdCase)).toBe(false);
    expect(can(manager, 'view', { ...pwdCase, classification: 'restricted' })).toBe(false);
    expect(can(auditor, 'view', { ...pwdCase, classification: 'restricted' })).toBe(true);
    expect(can(expired, 'view', pwdCase)).toBe(false);
    expect(can(current, 'view', pwdCase)).toBe(true);
    expect(can(auditor, 'view', 'AuditEvent')).toBe(true);
    expect(can(clerk, 'view', 'AuditEvent')).toBe(false);
  });

  it('checks fields when given one', () => {
    const { can: fieldCan } = definePolicy(({ allow, ownDepartment }) => {
      allow('view', 'ServiceRequest', ownDepartment, ['status']);
    });
    expect(fieldCan(clerk, 'view', pwdCase, 'status')).toBe(true);
    expect(fieldCan(clerk, 'view', pwdCase, 'contact')).toBe(false);
  });
});

describe('permittedFields', () => {
  it('gives each clearance the fields at or below it', () => {
    const clerkFields = permittedFields(clerk, ServiceRequest);
    const managerFields = permittedFields(manager, ServiceRequest);
    expect(clerkFields.length).toBeGreaterThan(0);
    expect(managerFields.length).toBeGreaterThan(clerkFields.length);
    expect(clerkFields.some((f) => f.startsWith('contact.'))).toBe(false);
    expect(managerFields.some((f) => f.startsWith('contact.'))).toBe(true);
    for (const f of clerkFields) expect(managerFields).toContain(f);
  });

  it('gives an expired account nothing', () => {
    expect(permittedFields(expired, ServiceRequest)).toEqual([]);
  });
});
