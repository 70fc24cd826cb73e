// The relying party for Node and fetch-standard runtimes: BFF, token verification, middleware.
export type { AuthRequirements } from './checkRequirements';
export type { AuthEvent, AuthEventHandler } from './server/authEvent';
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
} from './server/createBff';
export {
  PostgresSessionStore,
  type PostgresSessionStoreOptions,
  type SqlSessionClient,
} from './server/postgresSessionStore';
export { type AuthProblem, problemResponse } from './server/problemResponse';
export {
  type RedisSessionClient,
  RedisSessionStore,
  type RedisSessionStoreOptions,
} from './server/redisSessionStore';
export { safeReturnPath } from './server/safeReturnPath';
export { MemorySessionStore, type SessionStore } from './server/sessionStore';
export {
  type AccessTokenClaims,
  type AccessTokenVerifier,
  createAccessTokenVerifier,
  DEFAULT_ALGORITHMS,
  type VerifiedAccessToken,
  type VerifyAccessTokenOptions,
  verifyAccessToken,
} from './server/verifyAccessToken';
