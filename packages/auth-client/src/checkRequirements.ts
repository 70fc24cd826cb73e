import type { Classification } from '@cityofboston/standards-schema/core';
import { AuthError } from './authError';
import { allows } from './internal/clearance';
import type { Principal } from './internal/principal';

/** What a route requires of the signed-in principal. */
export interface AuthRequirements {
  /** At least one of these roles. */
  roles?: readonly string[];
  /** The principal's department must be one of these codes. */
  department?: string | readonly string[];
  /** The principal's clearance must be at least this level. */
  clearance?: Classification;
  /** The authentication context (`acr`) must be one of these, else step-up. */
  acr?: string | readonly string[];
  /** The authentication must be at most this many seconds old, else step-up. */
  maxAge?: number;
}

/** Throws the specific `AuthError` for the first requirement the principal fails. */
export function checkRequirements(
  principal: Principal,
  requirements: AuthRequirements,
  now: number = Date.now(),
): void {
  if (principal.accountExpiresAt !== undefined && Date.parse(principal.accountExpiresAt) <= now) {
    throw new AuthError(
      'account_expired',
      `The account of ${principal.sub} expired at ${principal.accountExpiresAt}.`,
    );
  }
  const { roles, department, clearance, acr, maxAge } = requirements;
  if (department !== undefined) {
    const allowed = typeof department === 'string' ? [department] : department;
    if (!allowed.includes(principal.department)) {
      throw new AuthError(
        'forbidden_department',
        `This route is for department ${allowed.join(' or ')}; ${principal.sub} is in ${principal.department}.`,
      );
    }
  }
  if (roles && roles.length > 0 && !roles.some((r) => principal.roles.includes(r))) {
    throw new AuthError(
      'forbidden_role',
      `This route requires one of the roles ${roles.join(', ')}; ${principal.sub} has ${principal.roles.join(', ') || 'none'}.`,
    );
  }
  if (clearance !== undefined && !allows(principal.clearance, clearance)) {
    throw new AuthError(
      'forbidden_clearance',
      `This route requires ${clearance} clearance; ${principal.sub} has ${principal.clearance}.`,
    );
  }
  if (acr !== undefined) {
    const allowed = typeof acr === 'string' ? [acr] : acr;
    if (!principal.auth?.acr || !allowed.includes(principal.auth.acr)) {
      throw new AuthError(
        'step_up_required',
        `This route requires authentication context ${allowed.join(' or ')}; the session has ${principal.auth?.acr ?? 'none'}. Sign in again with acr_values.`,
      );
    }
  }
  if (maxAge !== undefined) {
    const authTime = principal.auth?.authTime ? Date.parse(principal.auth.authTime) : Number.NaN;
    if (!Number.isFinite(authTime) || now - authTime > maxAge * 1000) {
      throw new AuthError(
        'step_up_required',
        `This route requires a sign-in within the last ${maxAge} seconds; sign in again.`,
      );
    }
  }
}
