import type { RecordInput } from '../src/index';

/** The event the writer benchmarks record (about 500 bytes of canonical JSON). */
export function benchEvent(n: number): RecordInput {
  return {
    actor: { type: 'user', id: `u-${n % 50}`, department: 'PWD', roles: ['caseworker'] },
    action: 'case.view',
    target: { type: 'ServiceRequest', id: `1010055${n % 10_000}`, classification: 'confidential' },
    outcome: 'success',
    purpose: 'case-management',
    details: { queue: 'PWD_Street Lights', note: 'caller asked for an update', n },
  };
}
