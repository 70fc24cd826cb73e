// Runtime-agnostic: claims to Principal, and authorization policy. No Node APIs here.
export { AUTH_ERROR_CODES, AuthError, type AuthErrorCode, isAuthError } from './auth-error';
export { type ClaimMapping, type ClaimSource, DEFAULT_CLAIM_MAPPING } from './claim-mapping';
export { principalFromClaims } from './principal-from-claims';
