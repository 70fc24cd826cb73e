// Runtime-agnostic: claims to Principal, and authorization policy. No Node APIs here.
export { AUTH_ERROR_CODES, AuthError, type AuthErrorCode, isAuthError } from './auth-error';
export { type AuthRequirements, checkRequirements } from './check-requirements';
export { type ClaimMapping, type ClaimSource, DEFAULT_CLAIM_MAPPING } from './claim-mapping';
export {
  definePolicy,
  type Policy,
  type PolicyContext,
  type PolicyRule,
  type Resource,
  type RuleAdder,
} from './define-policy';
export { type ClassifiedSchema, permittedFields } from './permitted-fields';
export { principalFromClaims } from './principal-from-claims';
