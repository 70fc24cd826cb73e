// Runtime-agnostic: claims to Principal, and authorization policy. No Node APIs here.
export { AUTH_ERROR_CODES, AuthError, type AuthErrorCode, isAuthError } from './authError';
export { type AuthRequirements, checkRequirements } from './checkRequirements';
export { type ClaimMapping, type ClaimSource, DEFAULT_CLAIM_MAPPING } from './claimMapping';
export {
  definePolicy,
  type Policy,
  type PolicyContext,
  type PolicyRule,
  type Resource,
  type RuleAdder,
} from './definePolicy';
export { type ClassifiedSchema, permittedFields } from './permittedFields';
export { principalFromClaims } from './principalFromClaims';
