// Who may do what, decided in one place (deny by default). The server enforces it on every
// route; the client uses it only to hide buttons a person cannot use.
import { definePolicy } from '@cityofboston/auth-client';

/** The roles this app knows. Map them to your identity provider's groups. */
export const ROLES = { staff: 'app.staff', manager: 'app.manager', auditor: 'auditor' } as const;

export const policy = definePolicy(({ principal, allow, ownDepartment }) => {
  const roles = principal.roles;
  if (roles.includes(ROLES.staff) || roles.includes(ROLES.manager)) {
    allow('view', 'WorkRequest', ownDepartment);
    allow('create', 'WorkRequest', ownDepartment);
  }
  if (roles.includes(ROLES.manager)) allow('update', 'WorkRequest', ownDepartment);
  if (roles.includes(ROLES.auditor)) allow('view', 'AuditEvent');
});

export const { can } = policy;
