import type { RecordInput } from '../src/index';

/** A plausible event; `n` varies the target so events differ. */
export function sampleEvent(n: number, overrides: Partial<RecordInput> = {}): RecordInput {
  return {
    actor: { type: 'user', id: `u-${n % 7}`, department: 'PWD', roles: ['caseworker'] },
    action: n % 3 === 0 ? 'case.update' : 'case.view',
    target: { type: 'case', id: `BCS-${1000 + (n % 11)}`, classification: 'confidential' },
    outcome: 'success',
    purpose: 'service-delivery',
    details: { n, note: 'routine check' },
    ...overrides,
  };
}

/** Personal data planted in details; none of it may reach a store. */
export const PLANTED = {
  ssn: '078-05-1120',
  phone: '(617) 555-0142',
  email: 'jane.resident@example.org',
} as const;

export const plantedDetails = {
  note: `caller gave SSN ${PLANTED.ssn}, phone ${PLANTED.phone}, email ${PLANTED.email}`,
  contact: { phone: PLANTED.phone, email: PLANTED.email },
  ids: [PLANTED.ssn],
};

/**
 * `verify` options for tests about something other than trust: check the chain and tree without
 * a trusted key and checkpoint (which `verify` otherwise requires).
 */
export const UNSIGNED = { allowUnsigned: true } as const;
