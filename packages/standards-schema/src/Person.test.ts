import { describe, expect, it } from 'vitest';
import { BOSTON_DEPARTMENTS, DepartmentList, departmentByCode } from './Department';
import { fieldsOf } from './fieldsOf';
import { Person } from './Person';
import { redact } from './redact';

const person: Person = {
  id: 'p-1',
  name: 'Avery Quinn',
  given_name: 'Avery',
  family_name: 'Quinn',
  email: 'avery@example.org',
  contact_details: [{ type: 'cell', value: '+16175550142', consent: true }],
  address: {
    addressNumber: '12',
    streetName: 'Main',
    streetNamePostType: 'St',
    placeName: 'Charlestown',
    stateName: 'MA',
    zipCode: '02129',
    country: 'US',
  },
  birth_date: '1980-06-15',
  preferredLanguage: 'es-US',
  accessibilityNeeds: ['large-print', 'wheelchair-access'],
};

describe('Person (Popolo)', () => {
  it('accepts a Popolo-style person with contact points and language', () => {
    expect(Person.parse(person)).toEqual(person);
    expect(Person.safeParse({ ...person, preferredLanguage: 'spanish_US' }).success).toBe(false);
    expect(
      Person.safeParse({ ...person, contact_details: [{ type: 'pager', value: '1' }] }).success,
    ).toBe(false);
  });

  it('classifies accessibility needs restricted (health-related) and contact data confidential', () => {
    const byPath = new Map(fieldsOf(Person).map((f) => [f.path, f.meta]));
    expect(byPath.get('accessibilityNeeds')?.classification).toBe('restricted');
    expect(byPath.get('accessibilityNeeds')?.pii?.category).toBe('demographic.disability');
    expect(byPath.get('address.zipCode')?.classification).toBe('confidential');
    expect(byPath.get('contact_details[].value')?.classification).toBe('confidential');
  });

  it('redacts for internal viewers: ZIP to 3 digits, birth date to month, needs dropped', () => {
    const out = redact(Person, person, { clearance: 'internal' });
    expect(out.address).toEqual({ zipCode: '021' });
    expect(out.birth_date).toBe('1980-06');
    expect(out.accessibilityNeeds).toBeUndefined();
    expect(out.preferredLanguage).toBe('es-US');
    expect(
      redact(Person, person, { clearance: 'confidential' }).accessibilityNeeds,
    ).toBeUndefined();
  });
});

describe('Department', () => {
  it('ships Boston’s departments with unique codes and known parents', () => {
    expect(departmentByCode('PWD').name).toBe('Public Works Department');
    expect(departmentByCode('BOS311').parent).toBe('DoIT');
    expect(new Set(BOSTON_DEPARTMENTS.map((d) => d.code)).size).toBe(BOSTON_DEPARTMENTS.length);
  });

  it('lets another municipality bring its own list, checked for duplicates and parents', () => {
    const cambridge = [{ code: 'ITD', name: 'Information Technology Department' }];
    expect(departmentByCode('ITD', DepartmentList.parse(cambridge)).name).toMatch(/Information/);
    const bad = DepartmentList.safeParse([
      ...cambridge,
      { code: 'ITD', name: 'Again' },
      { code: 'X', name: 'Y', parent: 'NOPE' },
    ]);
    expect(bad.error?.issues.map((i) => i.path)).toEqual([
      [1, 'code'],
      [2, 'parent'],
    ]);
    expect(() => departmentByCode('NOPE')).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
