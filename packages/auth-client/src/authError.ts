/**
 * Every reason this package refuses something, as a stable string. Apps branch on `code`, never
 * on the message; problem+json bodies carry it too.
 *
 * | code | when |
 * | --- | --- |
 * | `invalid_configuration` | options are missing or malformed (says which) |
 * | `refused_in_production` | the dev IdP was started outside development and test (`NODE_ENV` other than unset, `development` or `test`) |
 * | `durable_store_required` | `createBff` with `NODE_ENV=production` and revocations kept in memory only (pass a shared `store`, e.g. `RedisSessionStore` or `PostgresSessionStore`) |
 * | `body_too_large` | a request body over the BFF's `maxBodyBytes` (413) |
 * | `token_missing` | no bearer token or no session where one is required |
 * | `token_malformed` | not a compact JWS |
 * | `alg_not_allowed` | `alg` outside the allow-list (this covers `none` and HS256-with-the-public-key) |
 * | `signature_invalid` | the signature does not verify |
 * | `typ_invalid` | an access token whose `typ` is not `at+jwt` (a logout token whose `typ` is not `logout+jwt` or `JWT` is `logout_token_invalid`) |
 * | `issuer_mismatch` | `iss` missing or not the expected issuer |
 * | `audience_mismatch` | `aud` missing or not the expected audience |
 * | `azp_missing` | several audiences and no `azp` naming this client |
 * | `token_expired` | `exp` in the past |
 * | `token_not_yet_valid` | `nbf` or `iat` in the future |
 * | `claim_missing` | a required claim (`exp`, `iat`, `sub`, …) is absent |
 * | `key_not_found` | no key with that `kid`, even after one JWKS refetch |
 * | `jwks_unavailable` | the JWKS endpoint could not be fetched |
 * | `claims_invalid` | claims do not map to a valid `Principal` |
 * | `state_mismatch` | the callback `state` is not the one this browser was given |
 * | `state_reused` | a callback was replayed with an already used login transaction |
 * | `nonce_mismatch` | the ID token's `nonce` is not the one this login sent |
 * | `issuer_mix_up` | the callback's RFC 9207 `iss` names another provider |
 * | `pkce_unsupported` | the provider does not offer PKCE with S256 |
 * | `code_rejected` | the provider refused the authorization code (replayed, expired, wrong verifier) |
 * | `provider_error` | the provider answered the callback or a token request with an OAuth error |
 * | `login_transaction_missing` | the callback arrived without this browser's login transaction |
 * | `unsafe_return_path` | a post-login return path that is not a same-origin path |
 * | `session_invalid` | a session cookie that does not decrypt (tampered, or another key) |
 * | `session_expired` | the idle or absolute session timeout passed |
 * | `session_revoked` | the session was ended by back-channel logout or sign-out |
 * | `refresh_failed` | the refresh token was refused (reused, revoked or expired) |
 * | `logout_token_invalid` | a back-channel logout token failed validation |
 * | `csrf_rejected` | a state-changing request without the same Origin and the CSRF header |
 * | `forbidden_role` | the principal lacks a required role |
 * | `forbidden_department` | the principal belongs to another department |
 * | `forbidden_clearance` | the principal's clearance is below what is required |
 * | `account_expired` | the principal's account (a contractor's, usually) has expired |
 * | `step_up_required` | a stronger or more recent authentication is required (`acr`, `maxAge`) |
 */
export const AUTH_ERROR_CODES = [
  'invalid_configuration',
  'refused_in_production',
  'durable_store_required',
  'body_too_large',
  'token_missing',
  'token_malformed',
  'alg_not_allowed',
  'signature_invalid',
  'typ_invalid',
  'issuer_mismatch',
  'audience_mismatch',
  'azp_missing',
  'token_expired',
  'token_not_yet_valid',
  'claim_missing',
  'key_not_found',
  'jwks_unavailable',
  'claims_invalid',
  'state_mismatch',
  'state_reused',
  'nonce_mismatch',
  'issuer_mix_up',
  'pkce_unsupported',
  'code_rejected',
  'provider_error',
  'login_transaction_missing',
  'unsafe_return_path',
  'session_invalid',
  'session_expired',
  'session_revoked',
  'refresh_failed',
  'logout_token_invalid',
  'csrf_rejected',
  'forbidden_role',
  'forbidden_department',
  'forbidden_clearance',
  'account_expired',
  'step_up_required',
] as const;

/** One of {@link AUTH_ERROR_CODES}. */
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/**
 * The one error class of `@cityofboston/auth-client`. `code` says what was refused; `cause`
 * keeps the underlying library error (jose, oauth4webapi, zod) when there is one.
 *
 * @example
 * ```ts
 * try {
 *   await verifyAccessToken(token, { issuer, audience });
 * } catch (error) {
 *   if (error instanceof AuthError && error.code === 'token_expired') {
 *     // ask the client to refresh
 *   }
 * }
 * ```
 */
export class AuthError extends Error {
  /** Why it was refused; stable across versions. */
  readonly code: AuthErrorCode;
  /** The HTTP status this error maps to when it ends a request (401, 403, 400, 413 or 500). */
  readonly status: number;

  constructor(code: AuthErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AuthError';
    this.code = code;
    this.status = statusFor(code);
  }
}

/** Whether `value` is an {@link AuthError}, optionally with the given code. */
export function isAuthError(value: unknown, code?: AuthErrorCode): value is AuthError {
  return value instanceof AuthError && (code === undefined || value.code === code);
}

function statusFor(code: AuthErrorCode): number {
  switch (code) {
    case 'invalid_configuration':
    case 'refused_in_production':
    case 'durable_store_required':
    case 'jwks_unavailable':
      return 500;
    case 'body_too_large':
      return 413;
    case 'unsafe_return_path':
    case 'state_mismatch':
    case 'state_reused':
    case 'nonce_mismatch':
    case 'issuer_mix_up':
    case 'login_transaction_missing':
    case 'logout_token_invalid':
    case 'code_rejected':
    case 'provider_error':
    case 'pkce_unsupported':
      return 400;
    case 'csrf_rejected':
    case 'forbidden_role':
    case 'forbidden_department':
    case 'forbidden_clearance':
    case 'account_expired':
      return 403;
    default:
      return 401;
  }
}
