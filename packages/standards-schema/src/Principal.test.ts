import { describe, expect, expectTypeOf, it } from 'vitest';
import { fieldsOf } from './fieldsOf';
import { Principal } from './Principal';
import { redact } from './redact';

const valid: Principal = {
  sub: 'u-1042',
  name: 'Avery Quinn',
  email: 'avery.quinn@example.org',
  department: 'PWD',
  roles: ['case.worker'],
  clearance: 'confidential',
  employeeType: 'contractor',
  accountExpiresAt: '2026-06-30T23:59:59-04:00',
  auth: { acr: 'urn:boston:mfa', amr: ['pwd', 'otp'], authTime: '2025-11-02T09:00:00-05:00' },
};

describe('Principal', () => {
  it('accepts a full principal and a minimal one', () => {
    expect(Principal.parse(valid)).toEqual(valid);
    const { email, accountExpiresAt, auth, ...minimal } = valid;
    expect(Principal.safeParse(minimal).success).toBe(true);
  });

  it('rejects a bad clearance, employee type, department code and expiry', () => {
    const bad = (patch: Record<string, unknown>) => Principal.safeParse({ ...valid, ...patch });
    expect(bad({ clearance: 'secret' }).error?.issues[0]?.path).toEqual(['clearance']);
    expect(bad({ employeeType: 'intern' }).success).toBe(false);
    expect(bad({ department: 'Public Works' }).success).toBe(false);
    expect(bad({ accountExpiresAt: '2026-06-30' }).success).toBe(false);
    expect(bad({ roles: 'case.worker' }).success).toBe(false);
  });

  it('infers the documented type', () => {
    expectTypeOf<Principal['employeeType']>().toEqualTypeOf<
      'employee' | 'contractor' | 'volunteer'
    >();
    expectTypeOf<Principal['clearance']>().toEqualTypeOf<
      'public' | 'internal' | 'confidential' | 'restricted'
    >();
    expectTypeOf<Principal['auth']>().toEqualTypeOf<
      | { acr?: string | undefined; amr?: string[] | undefined; authTime?: string | undefined }
      | undefined
    >();
  });

  it('classifies identity fields internal, department public', () => {
    const byPath = new Map(fieldsOf(Principal).map((f) => [f.path, f.meta]));
    expect(byPath.get('email')?.pii).toEqual({ category: 'contact.email', kind: 'direct' });
    expect(byPath.get('auth.amr')?.classification).toBe('internal');
    expect(byPath.get('department')?.classification).toBe('public');
    expect(redact(Principal, valid, { clearance: 'public' })).toEqual({
      name: 'A…',
      email: 'a***@example.org',
      department: 'PWD',
    });
  });
});
