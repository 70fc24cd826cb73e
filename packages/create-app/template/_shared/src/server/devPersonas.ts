import type { DevPersona } from '@cityofboston/auth-client/dev-idp';
import { ROLES } from '../shared/policy';

/** Synthetic staff of the app's department for the dev IdP; none is a real person. */
export function devPersonas(department: string): DevPersona[] {
  const base = { department, employeeType: 'employee' as const };
  return [
    {
      ...base,
      id: 'staff',
      name: 'Sam Staff (synthetic)',
      email: 'sam.staff@dev.invalid',
      title: `Staff member, ${department}`,
      roles: [ROLES.staff],
      clearance: 'confidential',
    },
    {
      ...base,
      id: 'manager',
      name: 'Morgan Manager (synthetic)',
      email: 'morgan.manager@dev.invalid',
      title: `Manager, ${department}`,
      roles: [ROLES.manager],
      clearance: 'confidential',
    },
    {
      ...base,
      id: 'intern',
      name: 'Indy Intern (synthetic)',
      email: 'indy.intern@dev.invalid',
      title: `Intern with internal clearance, ${department}`,
      roles: [ROLES.staff],
      clearance: 'internal',
    },
    {
      id: 'outsider',
      department: 'PWD' === department ? 'ISD' : 'PWD',
      employeeType: 'employee',
      name: 'Otis Outsider (synthetic)',
      email: 'otis.outsider@dev.invalid',
      title: 'Staff member of another department',
      roles: [ROLES.staff],
      clearance: 'confidential',
    },
  ];
}
