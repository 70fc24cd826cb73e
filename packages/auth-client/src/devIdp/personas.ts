import type { Classification } from '@cityofboston/standards-schema/core';

/**
 * A synthetic staff member the dev IdP can sign in. Names are invented; none is a real person.
 * The claims the IdP issues for a persona follow {@link DEFAULT_CLAIM_MAPPING}.
 */
export interface DevPersona {
  /** The subject (`sub`) and the persona's key on the login page. */
  id: string;
  name: string;
  email: string;
  /** What the login page says this persona does, e.g. "311 intake clerk". */
  title: string;
  /** Department code, e.g. `PWD`. */
  department: string;
  roles: string[];
  clearance: Classification;
  employeeType: 'employee' | 'contractor' | 'volunteer';
  /** RFC 3339; when set, the account ends then (contractors). */
  accountExpiresAt?: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The seeded personas: a 311 intake clerk and a case manager in Public Works (`PWD`), an
 * inspector in Inspectional Services (`ISD`), a DoIT auditor with `restricted` clearance, a
 * contractor whose account expires in 30 days and one whose account expired yesterday.
 * Dates are computed from `now` so the expiry is always meaningful.
 */
export function defaultPersonas(now: Date = new Date()): DevPersona[] {
  return [
    {
      id: 'pwd-clerk',
      name: 'Robin Intake (synthetic)',
      email: 'robin.intake@dev.invalid',
      title: '311 intake clerk, Public Works',
      department: 'PWD',
      roles: ['311.intake'],
      clearance: 'internal',
      employeeType: 'employee',
    },
    {
      id: 'pwd-case-manager',
      name: 'Casey Manager (synthetic)',
      email: 'casey.manager@dev.invalid',
      title: 'Case manager, Public Works',
      department: 'PWD',
      roles: ['case.manager', '311.intake'],
      clearance: 'confidential',
      employeeType: 'employee',
    },
    {
      id: 'isd-inspector',
      name: 'Indigo Inspector (synthetic)',
      email: 'indigo.inspector@dev.invalid',
      title: 'Building inspector, Inspectional Services',
      department: 'ISD',
      roles: ['inspector'],
      clearance: 'confidential',
      employeeType: 'employee',
    },
    {
      id: 'doit-auditor',
      name: 'Avery Auditor (synthetic)',
      email: 'avery.auditor@dev.invalid',
      title: 'Security auditor, DoIT',
      department: 'DoIT',
      roles: ['auditor'],
      clearance: 'restricted',
      employeeType: 'employee',
    },
    {
      id: 'pwd-contractor',
      name: 'Quinn Contractor (synthetic)',
      email: 'quinn.contractor@dev.invalid',
      title: 'Contractor, Public Works (account expires in 30 days)',
      department: 'PWD',
      roles: ['311.intake'],
      clearance: 'internal',
      employeeType: 'contractor',
      accountExpiresAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    },
    {
      id: 'pwd-contractor-expired',
      name: 'Sasha Lapsed (synthetic)',
      email: 'sasha.lapsed@dev.invalid',
      title: 'Contractor, Public Works (account expired yesterday)',
      department: 'PWD',
      roles: ['311.intake'],
      clearance: 'internal',
      employeeType: 'contractor',
      accountExpiresAt: new Date(now.getTime() - DAY).toISOString(),
    },
  ];
}
