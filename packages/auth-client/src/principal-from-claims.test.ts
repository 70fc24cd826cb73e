import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { principalFromClaims } from './principal-from-claims';

const city = {
  sub: 'pwd-clerk',
  name: 'Robin Intake (synthetic)',
  email: 'robin.intake@dev.invalid',
  department: 'PWD',
  roles: ['311.intake'],
  clearance: 'internal',
  employee_type: 'employee',
  acr: 'urn:cityofboston:acr:mfa',
  amr: ['pwd', 'otp'],
  auth_time: 1_767_225_600,
};

describe('principalFromClaims', () => {
  it('maps the City claim names by default, with acr, amr and auth_time', () => {
    expect(principalFromClaims(city)).toEqual({
      sub: 'pwd-clerk',
      name: 'Robin Intake (synthetic)',
      email: 'robin.intake@dev.invalid',
      department: 'PWD',
      roles: ['311.intake'],
      clearance: 'internal',
      employeeType: 'employee',
      auth: {
        acr: 'urn:cityofboston:acr:mfa',
        amr: ['pwd', 'otp'],
        authTime: '2026-01-01T00:00:00.000Z',
      },
    });
  });

  it('follows a configured mapping: nested paths, functions, strings split into roles, defaults', () => {
    const keycloak = {
      sub: 'u-1',
      preferred_username: 'Jordan Example',
      realm_access: { roles: ['inspector', 'offline_access'] },
      boston_dept: 'ISD',
      exp_date: 1_800_000_000,
    };
    const principal = principalFromClaims(keycloak, {
      roles: (c) =>
        (c.realm_access as { roles: string[] }).roles.filter((r) => r !== 'offline_access'),
      department: 'boston_dept',
      accountExpiresAt: 'exp_date',
      defaults: { clearance: 'internal', employeeType: 'contractor' },
    });
    expect(principal).toMatchObject({
      name: 'Jordan Example',
      roles: ['inspector'],
      department: 'ISD',
      clearance: 'internal',
      employeeType: 'contractor',
      accountExpiresAt: '2027-01-15T08:00:00.000Z',
    });
    expect(principalFromClaims({ ...city, roles: 'a b,c' }).roles).toEqual(['a', 'b', 'c']);
  });

  it('refuses claims that are not a valid Principal, naming every bad field', () => {
    const error = (() => {
      try {
        principalFromClaims({ sub: 'x', name: 'X', roles: ['r'], clearance: 'top-secret' });
      } catch (e) {
        return e as AuthError;
      }
    })();
    expect(error).toBeInstanceOf(AuthError);
    expect(error?.code).toBe('claims_invalid');
    expect(error?.message).toContain('department');
    expect(error?.message).toContain('clearance');
    expect(error?.message).toContain('employeeType');
  });
});
