import type { ReactNode } from 'react';
import { useSession } from './useSession';

/** Props of {@link RequireRole}. */
export interface RequireRoleProps {
  /** The user needs at least one of these roles. */
  roles: readonly string[];
  /** Optionally, one of these department codes too. */
  department?: string | readonly string[];
  children?: ReactNode;
  fallback?: ReactNode;
}

/** Renders its children only for a signed-in user with one of `roles` (and the department). */
export function RequireRole({ roles, department, children, fallback = null }: RequireRoleProps) {
  const { status, principal } = useSession();
  if (status !== 'authenticated' || !principal) return <>{fallback}</>;
  const hasRole = roles.some((role) => principal.roles.includes(role));
  const departments =
    department === undefined
      ? undefined
      : typeof department === 'string'
        ? [department]
        : department;
  const inDepartment = !departments || departments.includes(principal.department);
  return <>{hasRole && inDepartment ? children : fallback}</>;
}
