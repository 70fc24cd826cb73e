import { type DevPersona, defaultPersonas } from '@cityofboston/auth-client/dev-idp';

const DAY = 86_400_000;

/**
 * Who can sign in at the dev IdP: the SDK's personas, plus a contractor whose account ends in
 * 10 days, so the 14-day expiry warning can be seen and tested.
 */
export function caseDeskPersonas(now: Date = new Date()): DevPersona[] {
  return [
    ...defaultPersonas(now),
    {
      id: 'pwd-contractor-ending',
      name: 'Jordan Ending (synthetic)',
      email: 'jordan.ending@dev.invalid',
      title: 'Contractor, Public Works (account expires in 10 days)',
      department: 'PWD',
      roles: ['311.intake'],
      clearance: 'internal',
      employeeType: 'contractor',
      accountExpiresAt: new Date(now.getTime() + 10 * DAY).toISOString(),
    },
  ];
}
