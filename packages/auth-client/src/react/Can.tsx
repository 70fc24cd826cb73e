import type { ReactNode } from 'react';
import type { Policy, Resource } from '../definePolicy';
import { useSession } from './useSession';

/** Props of {@link Can}. */
export interface CanProps {
  /** The policy from `definePolicy` (the same one the server enforces). */
  policy: Pick<Policy, 'can'>;
  action: string;
  resource: Resource;
  field?: string;
  children?: ReactNode;
  fallback?: ReactNode;
}

/**
 * Renders its children when the signed-in principal may perform `action` on `resource` under
 * `policy`; deny by default, so nothing renders while signed out.
 *
 * @example
 * ```tsx
 * <Can policy={policy} action="update" resource={{ type: 'ServiceRequest', department: 'PWD' }}>
 *   <button type="button">Edit</button>
 * </Can>
 * ```
 */
export function Can({ policy, action, resource, field, children, fallback = null }: CanProps) {
  const { status, principal } = useSession();
  const allowed =
    status === 'authenticated' &&
    principal !== undefined &&
    policy.can(principal, action, resource, field);
  return <>{allowed ? children : fallback}</>;
}
