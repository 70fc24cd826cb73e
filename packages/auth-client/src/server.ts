// The relying party for Node and fetch-standard runtimes: BFF, token verification, middleware.
export type { AuthRequirements } from './check-requirements';
export type { AuthEvent, AuthEventHandler } from './server/auth-event';
export {
  type Bff,
  type BffBearerOptions,
  type BffOptions,
  type BffSession,
  createBff,
  type Guard,
  type GuardContext,
  type GuardResult,
  type NodeMiddleware,
  type NodeRequestLike,
  type NodeResponseLike,
  type SessionResult,
} from './server/create-bff';
export { type AuthProblem, problemResponse } from './server/problem';
export { safeReturnPath } from './server/safe-return-path';
export { MemorySessionStore, type SessionStore } from './server/session-store';
export {
  type AccessTokenClaims,
  type AccessTokenVerifier,
  createAccessTokenVerifier,
  DEFAULT_ALGORITHMS,
  type VerifiedAccessToken,
  type VerifyAccessTokenOptions,
  verifyAccessToken,
} from './server/verify-access-token';
