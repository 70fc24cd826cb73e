import { AuthError } from './auth-error';
import { type ClaimMapping, type ClaimSource, DEFAULT_CLAIM_MAPPING } from './claim-mapping';
import { type Principal, parsePrincipal } from './internal/principal';

function read(claims: Readonly<Record<string, unknown>>, source: ClaimSource): unknown {
  if (typeof source === 'function') return source(claims);
  if (source in claims) return claims[source];
  let value: unknown = claims;
  for (const part of source.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function toRoles(value: unknown): unknown {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return value;
}

function toTime(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value * 1000).toISOString();
  }
  return value;
}

/**
 * Turns ID token, access token or userinfo claims into a validated `Principal`, the City's
 * description of who is acting. The mapping says which claim holds what (see
 * {@link DEFAULT_CLAIM_MAPPING}); `acr`, `amr` and `auth_time` become `principal.auth`.
 *
 * Throws `AuthError` `claims_invalid` naming each field that is missing or malformed.
 *
 * @example
 * ```ts
 * // A Keycloak-style token: roles nested, department in a custom claim.
 * const principal = principalFromClaims(claims, {
 *   roles: 'realm_access.roles',
 *   department: 'boston_dept',
 *   defaults: { clearance: 'internal', employeeType: 'employee' },
 * });
 * ```
 */
export function principalFromClaims(
  claims: Readonly<Record<string, unknown>>,
  mapping: ClaimMapping = {},
): Principal {
  if (claims === null || typeof claims !== 'object') {
    throw new AuthError('claims_invalid', 'principalFromClaims: claims must be an object.');
  }
  const m = { ...DEFAULT_CLAIM_MAPPING, ...mapping };
  const defaults = mapping.defaults ?? {};
  const pick = (source: ClaimSource, fallback?: unknown) => read(claims, source) ?? fallback;

  const candidate: Record<string, unknown> = {
    sub: pick(m.sub),
    name: pick(m.name, pick('preferred_username')),
    department: pick(m.department, defaults.department),
    roles: toRoles(pick(m.roles, defaults.roles ?? [])),
    clearance: pick(m.clearance, defaults.clearance),
    employeeType: pick(m.employeeType, defaults.employeeType),
  };
  const email = pick(m.email);
  if (email !== undefined) candidate.email = email;
  const expires = toTime(pick(m.accountExpiresAt));
  if (expires !== undefined) candidate.accountExpiresAt = expires;

  const auth: Record<string, unknown> = {};
  if (typeof claims.acr === 'string') auth.acr = claims.acr;
  if (Array.isArray(claims.amr)) auth.amr = claims.amr.filter((v) => typeof v === 'string');
  if (typeof claims.auth_time === 'number') auth.authTime = toTime(claims.auth_time);
  if (Object.keys(auth).length > 0) candidate.auth = auth;

  const result = parsePrincipal(candidate);
  if (!result.success) {
    const where = result.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AuthError(
      'claims_invalid',
      `The token's claims do not describe a valid Principal (${where}). Check the claim mapping.`,
      { cause: result.issues },
    );
  }
  return result.data;
}
