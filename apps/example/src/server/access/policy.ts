import { definePolicy } from '@cityofboston/auth-client';
import type { DataSharingAgreement, Principal } from '@cityofboston/standards-schema';
import { ROLES } from '../../shared/schemas';
import { AGREEMENTS } from '../sharing/agreements';

const has = (p: Principal, roles: readonly string[]) => roles.some((r) => p.roles.includes(r));

/** Whether `agreement` is in force at `now`. */
export function inForce(agreement: DataSharingAgreement, now = new Date()): boolean {
  const t = now.getTime();
  return (
    Date.parse(agreement.validFrom) <= t &&
    (agreement.validUntil === undefined || t < Date.parse(agreement.validUntil))
  );
}

/**
 * Who may do what in the Case Desk, decided in one place (deny by default). A department reads
 * and changes its own cases (`ownDepartment`); another department reads a provider's cases only
 * under a data-sharing agreement that names it as recipient, which the resource must carry as
 * `agreement` (and then sees them de-identified as the agreement says). Auditors read the log.
 *
 * Resources: `{ type: 'ServiceRequest', department, agreement? }`, `'AuditLog'`, `'Agreement'`.
 */
export const policy = definePolicy(({ principal: p, allow, ownDepartment }) => {
  if (has(p, ROLES.readCases)) {
    allow('read', 'ServiceRequest', ownDepartment);
    for (const a of AGREEMENTS) {
      if (a.recipient === p.department && a.datasets.includes('ServiceRequest') && inForce(a)) {
        allow('read', 'ServiceRequest', { department: a.provider, agreement: a.id });
      }
    }
  }
  if (has(p, ROLES.updateCases)) allow('note', 'ServiceRequest', ownDepartment);
  if (has(p, ROLES.closeCases)) allow(['close', 'reopen'], 'ServiceRequest', ownDepartment);
  if (has(p, ROLES.share)) {
    allow('share', 'ServiceRequest', ownDepartment);
    allow('read', 'Agreement', { provider: p.department });
  }
  if (has(p, ROLES.audit)) allow(['read', 'verify'], 'AuditLog');
});

/** `policy.can`, bound: `can(principal, action, resource)`. */
export const { can } = policy;

/** The agreements under which `p` may read another department's cases now. */
export function readableAgreements(p: Principal): DataSharingAgreement[] {
  return AGREEMENTS.filter((a) =>
    can(p, 'read', { type: 'ServiceRequest', department: a.provider, agreement: a.id }),
  );
}
