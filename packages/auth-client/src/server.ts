// The relying party for Node and fetch-standard runtimes: BFF, token verification, middleware.
export {
  type AccessTokenVerifier,
  createAccessTokenVerifier,
  DEFAULT_ALGORITHMS,
  type VerifiedAccessToken,
  type VerifyAccessTokenOptions,
  verifyAccessToken,
} from './server/verify-access-token';
