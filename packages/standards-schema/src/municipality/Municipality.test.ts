import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldsOf } from '../fieldsOf';
import { BOSTON_MUNICIPALITY } from './bostonMunicipality';
import { Municipality } from './Municipality';

describe('Municipality', () => {
  it('classifies every field: public facts, internal claim mapping', () => {
    const fields = fieldsOf(Municipality);
    expect(fields.length).toBeGreaterThanOrEqual(Object.keys(Municipality.shape).length);
    for (const f of fields) {
      const expected = f.path.startsWith('identityClaims') ? 'internal' : 'public';
      expect(f.meta.classification, f.path).toBe(expected);
    }
    const tops = new Set(fields.map((f) => f.path.split(/[.[]/)[0]));
    expect([...tops].sort()).toEqual(Object.keys(Municipality.shape).sort());
  });

  it('Boston is the default instance and serves the City’s twelve languages', () => {
    expect(BOSTON_MUNICIPALITY.name).toBe('City of Boston');
    expect(BOSTON_MUNICIPALITY.officialDomain).toBe('boston.gov');
    expect(BOSTON_MUNICIPALITY.languages).toHaveLength(12);
    expect(BOSTON_MUNICIPALITY.departments.map((d) => d.code)).toContain('DoIT');
    expect(BOSTON_MUNICIPALITY.identityClaims.employeeType).toBe('employee_type');
  });

  it('another Massachusetts town plugs in with defaults for state and claims', () => {
    const town = Municipality.parse({
      kind: 'town',
      name: 'Town of Millbrook',
      shortName: 'Millbrook',
      officialDomain: 'millbrook-ma.gov',
      departments: [{ code: 'DPW', name: 'Department of Public Works' }],
      languages: ['en', 'pt', 'es'],
    });
    expect(town.state).toBe('MA');
    expect(town.identityClaims).toEqual({});
  });

  it('rejects what would misname the municipality or its domain, with a path', () => {
    const bad = Municipality.safeParse({
      ...BOSTON_MUNICIPALITY,
      officialDomain: 'https://www.Boston.gov/',
      languages: [],
      identityClaims: { roles: 'realm access' },
      mayor: 'x',
    });
    expect(bad.success).toBe(false);
    const paths = (bad.error as z.ZodError).issues.map((i) => i.path.join('.') || i.code);
    expect(paths).toEqual(
      expect.arrayContaining(['officialDomain', 'languages', 'identityClaims.roles']),
    );
    expect((bad.error as z.ZodError).issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('converts to JSON Schema under its own id', () => {
    const schema = z.toJSONSchema(Municipality, { io: 'input' }) as {
      $defs: Record<string, { properties: Record<string, unknown>; required: string[] }>;
    };
    const def = schema.$defs.Municipality;
    expect(Object.keys(def?.properties ?? {})).toContain('identityClaims');
    expect(def?.required).not.toContain('identityClaims');
  });
});
