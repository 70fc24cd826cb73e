/**
 * Reads one value out of the token's claims:
 * - a string is a dot path into nested claims: `'roles'`, `'realm_access.roles'`. A top-level
 *   claim whose name merely contains dots never stands in for the path.
 * - an array is the path's segments taken literally, for claim names that contain dots, such as
 *   URL-namespaced claims: `['https://city.example/roles']`, `['https://city.example', 'dept']`.
 * - a function receives the claims and returns the value.
 */
export type ClaimSource =
  | string
  | readonly string[]
  | ((claims: Readonly<Record<string, unknown>>) => unknown);

/**
 * Where each `Principal` field comes from in an identity provider's claims. Enterprise IdPs name
 * these differently (Entra ID puts roles in `roles` and groups in `groups`; Keycloak nests them
 * in `realm_access.roles`; Okta uses custom claims), so every entry is configurable.
 */
export interface ClaimMapping {
  sub?: ClaimSource;
  name?: ClaimSource;
  email?: ClaimSource;
  department?: ClaimSource;
  /** An array of strings, or one string separated by spaces or commas. */
  roles?: ClaimSource;
  clearance?: ClaimSource;
  employeeType?: ClaimSource;
  /** RFC 3339 or seconds since the epoch. */
  accountExpiresAt?: ClaimSource;
  /** Values used when the claim is absent, e.g. `{ clearance: 'internal', employeeType: 'employee' }`. */
  defaults?: {
    department?: string;
    clearance?: string;
    employeeType?: string;
    roles?: string[];
  };
}

/**
 * The claim names the City's identity provider (and the dev IdP) issue: `department`, `roles`,
 * `clearance`, `employee_type` and `account_expires_at`, next to the standard `sub`, `name`,
 * `email`, `acr`, `amr` and `auth_time`.
 */
export const DEFAULT_CLAIM_MAPPING = {
  sub: 'sub',
  name: 'name',
  email: 'email',
  department: 'department',
  roles: 'roles',
  clearance: 'clearance',
  employeeType: 'employee_type',
  accountExpiresAt: 'account_expires_at',
} as const satisfies ClaimMapping;
