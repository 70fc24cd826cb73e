import { AuthError } from './authError';
import { type ClaimMapping, type ClaimSource, DEFAULT_CLAIM_MAPPING } from './claimMapping';
import { type Principal, parsePrincipal } from './internal/principal';

type Reader = (claims: Readonly<Record<string, unknown>>) => unknown;

/**
 * Compiles a claim source once into a reader. A string is always a dot path: a top-level claim
 * named "a.b" never answers for the path a → b. An array is the path's segments, literally.
 */
function reader(source: ClaimSource): Reader {
  if (typeof source === 'function') return source;
  const path: readonly string[] = typeof source === 'string' ? source.split('.') : [...source];
  const [only] = path;
  if (path.length === 1 && only !== undefined) {
    return (claims) => (Object.hasOwn(claims, only) ? claims[only] : undefined);
  }
  return (claims) => {
    let value: unknown = claims;
    for (const part of path) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      if (!Object.hasOwn(value, part)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}

function toRoles(value: unknown): unknown {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return value;
}

/** The latest instant a JavaScript Date holds, in seconds since the epoch. */
const MAX_DATE_SECONDS = 8.64e12;

function toTime(value: unknown, claim: string): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // new Date(…).toISOString() throws a RangeError past ±8.64e15 ms: refuse it in our terms.
    if (Math.abs(value) > MAX_DATE_SECONDS) {
      throw new AuthError(
        'claims_invalid',
        `The token's ${claim} (${value}) is not a representable time in seconds since the epoch.`,
      );
    }
    return new Date(value * 1000).toISOString();
  }
  return value;
}

/** A claim mapping prepared once: turns claims into a validated `Principal` or throws. */
export type ClaimsMapper = (claims: Readonly<Record<string, unknown>>) => Principal;

/**
 * Prepares `mapping` once (defaults merged, sources resolved), so that a verifier mapping every
 * token does not repeat that work per call.
 */
export function claimsMapper(mapping: ClaimMapping = {}): ClaimsMapper {
  const m = { ...DEFAULT_CLAIM_MAPPING, ...mapping };
  const read = {
    sub: reader(m.sub),
    name: reader(m.name),
    preferredUsername: reader('preferred_username'),
    email: reader(m.email),
    department: reader(m.department),
    roles: reader(m.roles),
    clearance: reader(m.clearance),
    employeeType: reader(m.employeeType),
    accountExpiresAt: reader(m.accountExpiresAt),
  };
  const defaults = mapping.defaults ?? {};
  const defaultRoles = defaults.roles ?? [];
  return (claims) => {
    try {
      return map(claims);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      // A mapping function that throws, or a claim value nothing can read: one error contract.
      throw new AuthError(
        'claims_invalid',
        `The token's claims could not be mapped: ${(error as Error)?.message ?? String(error)}`,
        { cause: error },
      );
    }
  };
  function map(claims: Readonly<Record<string, unknown>>): Principal {
    if (claims === null || typeof claims !== 'object') {
      throw new AuthError('claims_invalid', 'principalFromClaims: claims must be an object.');
    }
    const candidate: Record<string, unknown> = {
      sub: read.sub(claims),
      name: read.name(claims) ?? read.preferredUsername(claims),
      department: read.department(claims) ?? defaults.department,
      roles: toRoles(read.roles(claims) ?? defaultRoles),
      clearance: read.clearance(claims) ?? defaults.clearance,
      employeeType: read.employeeType(claims) ?? defaults.employeeType,
    };
    const email = read.email(claims);
    if (email !== undefined) candidate.email = email;
    const expires = toTime(read.accountExpiresAt(claims), 'account expiry');
    if (expires !== undefined) candidate.accountExpiresAt = expires;

    const { acr, amr, auth_time: authTime } = claims;
    if (typeof acr === 'string' || Array.isArray(amr) || typeof authTime === 'number') {
      const auth: Record<string, unknown> = {};
      if (typeof acr === 'string') auth.acr = acr;
      if (Array.isArray(amr)) auth.amr = amr.filter((v) => typeof v === 'string');
      if (typeof authTime === 'number') auth.authTime = toTime(authTime, 'auth_time');
      candidate.auth = auth;
    }

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
}

// Pure: a browser bundle that never maps claims drops it, and the Principal checks with it.
const defaultMapper = /* @__PURE__ */ claimsMapper();

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
  mapping?: ClaimMapping,
): Principal {
  return (mapping === undefined ? defaultMapper : claimsMapper(mapping))(claims);
}
