import { Principal } from '@cityofboston/standards-schema';
import { describe, expect, it } from 'vitest';
import { AuthError } from './authError';
import { principalFromClaims } from './principalFromClaims';

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

  it('accepts exactly what the Principal schema accepts (the browser build validates without classic zod)', () => {
    const variants: Record<string, unknown>[] = [];
    const bad: Record<string, unknown[]> = {
      email: ['not-an-email', 'a@b', '', 42],
      department: ['Public Works', '', 'A'.repeat(33)],
      clearance: ['secret', 'Internal'],
      employee_type: ['intern', null],
      account_expires_at: ['2026-06-30', '2026-06-30T23:59:59', 'soon', 1_800_000_000],
      roles: [[''], ['ok', 7], {}],
      acr: [''],
      sub: ['', 12],
    };
    for (const [claim, values] of Object.entries(bad)) {
      for (const value of values) variants.push({ ...city, [claim]: value });
    }
    variants.push(city, { ...city, email: undefined }, { ...city, unknown_claim: 'x' });
    for (const claims of variants) {
      let ours: unknown;
      try {
        ours = principalFromClaims(claims);
      } catch (error) {
        expect((error as AuthError).code).toBe('claims_invalid');
        ours = undefined;
      }
      // What the default mapping builds from these claims, checked by the classic schema.
      const candidate: Record<string, unknown> = {
        sub: claims.sub,
        name: claims.name,
        email: claims.email,
        department: claims.department,
        roles: claims.roles,
        clearance: claims.clearance,
        employeeType: claims.employee_type,
        ...(typeof claims.account_expires_at === 'number'
          ? { accountExpiresAt: new Date(claims.account_expires_at * 1000).toISOString() }
          : claims.account_expires_at === undefined
            ? {}
            : { accountExpiresAt: claims.account_expires_at }),
        auth: { acr: claims.acr, amr: claims.amr, authTime: '2026-01-01T00:00:00.000Z' },
      };
      if (candidate.email === undefined) delete candidate.email;
      const theirs = Principal.safeParse(candidate);
      expect(ours !== undefined, JSON.stringify(claims)).toBe(theirs.success);
      if (theirs.success) expect(ours).toEqual(theirs.data);
    }
  });

  describe('claim paths', () => {
    const base = {
      sub: 'u1',
      name: 'Casey (synthetic)',
      department: 'PWD',
      clearance: 'internal',
      employee_type: 'employee',
    };
    it('reads a dot path from the nested claim, never from a flat claim with that name', () => {
      const claims = {
        ...base,
        realm_access: { roles: ['311.intake'] },
        'realm_access.roles': ['admin'],
      };
      expect(principalFromClaims(claims, { roles: 'realm_access.roles' }).roles).toEqual([
        '311.intake',
      ]);
      const flatOnly = { ...base, 'realm_access.roles': ['admin'] };
      expect(principalFromClaims(flatOnly, { roles: 'realm_access.roles' }).roles).toEqual([]);
    });
    it('maps a claim whose name contains dots with an array path or a function', () => {
      const claims = { ...base, 'https://city.example/roles': ['case.manager'] };
      expect(principalFromClaims(claims, { roles: ['https://city.example/roles'] }).roles).toEqual([
        'case.manager',
      ]);
      expect(
        principalFromClaims(claims, { roles: (c) => c['https://city.example/roles'] }).roles,
      ).toEqual(['case.manager']);
    });
    it('refuses an unrepresentable auth_time with claims_invalid, not a RangeError', () => {
      expect(() => principalFromClaims({ ...base, auth_time: 1e300 })).toThrow(
        expect.objectContaining({ code: 'claims_invalid' }),
      );
    });
  });
});
