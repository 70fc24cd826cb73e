import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  type RemoteJWKSet,
} from 'jose';
import { AuthError } from '../auth-error';
import type { ClaimMapping } from '../claim-mapping';
import { discover } from '../internal/discovery';
import { fromJoseError } from '../internal/jose-errors';
import type { Principal } from '../internal/principal';
import { principalFromClaims } from '../principal-from-claims';

/** Asymmetric algorithms accepted by default. `none` and every HMAC are never accepted. */
export const DEFAULT_ALGORITHMS = ['ES256', 'ES384', 'EdDSA', 'Ed25519', 'PS256', 'RS256'] as const;

/** Options for {@link verifyAccessToken} and {@link createAccessTokenVerifier}. */
export interface VerifyAccessTokenOptions {
  /** The expected `iss`, exactly as the IdP's discovery document states it. */
  issuer: string;
  /** The expected `aud`: this API's identifier (one of them, if several). */
  audience: string | string[];
  /** Allow-list of JWS algorithms (default {@link DEFAULT_ALGORITHMS}); symmetric ones are refused. */
  algorithms?: readonly string[];
  /** JWKS location; by default the `jwks_uri` from the issuer's discovery document. */
  jwksUri?: string;
  /** Fixed keys instead of a remote JWKS (tests, air-gapped services): a JWK Set, RFC 7517 §5. */
  jwks?: { keys: Record<string, unknown>[] };
  /** Accepted `azp` values when a token names several audiences (then `azp` is required). */
  authorizedParties?: readonly string[];
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat` (default 5). */
  clockTolerance?: number;
  /** How claims map to the `Principal` (see `DEFAULT_CLAIM_MAPPING`). */
  claimMapping?: ClaimMapping;
  /** Seconds between JWKS refetches triggered by an unknown `kid` (default 30). */
  jwksCooldown?: number;
  /** A fetch for discovery and JWKS (tests; proxies). */
  fetch?: typeof fetch;
}

/** What a verified access token yields. */
export interface VerifiedAccessToken {
  principal: Principal;
  /** The token's verified claims (RFC 9068). */
  claims: AccessTokenClaims;
}

/**
 * The claims of a verified JWT access token. (Declared here rather than taken from jose, whose
 * types cannot be required from CommonJS declarations.)
 */
export interface AccessTokenClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  iat?: number;
  nbf?: number;
  jti?: string;
  client_id?: string;
  azp?: string;
  scope?: string;
  [claim: string]: unknown;
}

/** A reusable verifier; cheaper per call than {@link verifyAccessToken}'s cache lookup. */
export type AccessTokenVerifier = (token: string) => Promise<VerifiedAccessToken>;

const SYMMETRIC = /^(none|HS\d+|dir|A\d+KW|A\d+GCMKW|PBES2)/i;

/**
 * Builds a verifier for JWT access tokens (RFC 9068) issued by one IdP for one API. The JWKS is
 * fetched on first use, cached, and refetched at most once per cooldown when a token names an
 * unknown `kid` (key rotation without a fetch storm).
 */
export function createAccessTokenVerifier(options: VerifyAccessTokenOptions): AccessTokenVerifier {
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)];
  const bad = algorithms.filter((alg) => SYMMETRIC.test(alg));
  if (bad.length > 0) {
    throw new AuthError(
      'invalid_configuration',
      `verifyAccessToken: algorithms ${bad.join(', ')} cannot be allowed; access tokens must be signed with the IdP's private key.`,
    );
  }
  if (!options.issuer) {
    throw new AuthError('invalid_configuration', 'verifyAccessToken: `issuer` is required.');
  }
  if (!options.audience || (Array.isArray(options.audience) && options.audience.length === 0)) {
    throw new AuthError('invalid_configuration', 'verifyAccessToken: `audience` is required.');
  }
  const tolerance = options.clockTolerance ?? 5;
  let keys: JWTVerifyGetKey | undefined = options.jwks
    ? createLocalJWKSet(options.jwks as unknown as JSONWebKeySet)
    : undefined;
  let remote: RemoteJWKSet | undefined;
  // Keys already resolved, by alg and kid, used while the remote set is fresh and unchanged:
  // this skips the JWKS lookup per request without outliving a key the IdP has withdrawn.
  let resolved = new Map<string, CryptoKey>();
  let resolvedFrom: unknown;
  let keysPending: Promise<JWTVerifyGetKey> | undefined;
  const getKeys = (): JWTVerifyGetKey | Promise<JWTVerifyGetKey> => {
    if (keys) return keys;
    keysPending ??= (async () => {
      const uri = options.jwksUri ?? (await discover(options.issuer, options.fetch)).jwks_uri;
      if (!uri) {
        throw new AuthError(
          'invalid_configuration',
          `issuer ${options.issuer} publishes no jwks_uri.`,
        );
      }
      remote = createRemoteJWKSet(new URL(uri), {
        cooldownDuration: (options.jwksCooldown ?? 30) * 1000,
        ...(options.fetch
          ? {
              [customFetch]: options.fetch as never,
            }
          : {}),
      });
      keys = remote;
      return remote;
    })();
    const pending = keysPending;
    pending.catch(() => {
      keysPending = undefined;
    });
    return pending;
  };

  return async (token: string) => {
    if (typeof token !== 'string' || token.length === 0) {
      throw new AuthError('token_missing', 'No access token was given.');
    }
    let alg: unknown;
    let kid: unknown;
    try {
      ({ alg, kid } = decodeProtectedHeader(token));
    } catch (cause) {
      throw new AuthError('token_malformed', 'The access token is not a compact JWS.', { cause });
    }
    if (typeof alg !== 'string' || !algorithms.includes(alg)) {
      throw new AuthError(
        'alg_not_allowed',
        `The access token is signed with alg ${JSON.stringify(alg)}, which is not in the allow-list (${algorithms.join(', ')}).`,
      );
    }
    const getKey = keys ?? (await getKeys());
    let key: CryptoKey | JWTVerifyGetKey = getKey;
    if (remote && typeof kid === 'string') {
      const set = remote.jwks();
      if (set !== resolvedFrom) {
        resolved = new Map();
        resolvedFrom = set;
      }
      const cached = remote.fresh ? resolved.get(`${alg}:${kid}`) : undefined;
      if (cached) key = cached;
    }
    let payload: JWTPayload;
    try {
      const result = await jwtVerify(token, key as JWTVerifyGetKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms,
        typ: 'at+jwt',
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: tolerance,
      });
      payload = result.payload;
      if (remote && typeof kid === 'string' && result.key && remote.jwks() === resolvedFrom) {
        resolved.set(`${alg}:${kid}`, result.key as CryptoKey);
      }
    } catch (error) {
      throw fromJoseError(error, 'The access token');
    }
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.iat === 'number' && payload.iat > now + tolerance) {
      throw new AuthError(
        'token_not_yet_valid',
        'The access token was issued in the future (iat).',
      );
    }
    if (Array.isArray(payload.aud) && payload.aud.length > 1) {
      const azp = payload.azp;
      if (typeof azp !== 'string') {
        throw new AuthError(
          'azp_missing',
          'The access token names several audiences but no azp (authorized party).',
        );
      }
      if (options.authorizedParties && !options.authorizedParties.includes(azp)) {
        throw new AuthError(
          'azp_missing',
          `The access token's azp ${azp} is not an authorized party.`,
        );
      }
    }
    const principal = principalFromClaims(payload, options.claimMapping);
    return { principal, claims: payload };
  };
}

const verifiers = new Map<string, AccessTokenVerifier>();

/**
 * Verifies a bearer access token (a JWT, RFC 9068) and returns the validated `Principal`:
 * signature against the issuer's JWKS (rotation handled), algorithm allow-list, `typ: at+jwt`,
 * `iss`, `aud`, `exp` and `iat` required, `azp` required when there are several audiences.
 * Every rejection is an `AuthError` with a specific code (`alg_not_allowed`,
 * `signature_invalid`, `token_expired`, `issuer_mismatch`, …).
 *
 * Verifiers are cached per issuer, audience and options object shape, so calling this per request is fine.
 *
 * @example
 * ```ts
 * const { principal } = await verifyAccessToken(bearer, {
 *   issuer: 'https://login.boston.gov',
 *   audience: 'urn:cityofboston:api',
 * });
 * ```
 */
export function verifyAccessToken(
  token: string,
  options: VerifyAccessTokenOptions,
): Promise<VerifiedAccessToken> {
  if (options.fetch || options.jwks || options.claimMapping) {
    // Functions and key sets are not cache keys; such callers should hold a verifier.
    return createAccessTokenVerifier(options)(token);
  }
  const key = JSON.stringify([
    options.issuer,
    options.audience,
    options.algorithms,
    options.jwksUri,
    options.authorizedParties,
    options.clockTolerance,
    options.jwksCooldown,
  ]);
  let verifier = verifiers.get(key);
  if (!verifier) {
    verifier = createAccessTokenVerifier(options);
    verifiers.set(key, verifier);
  }
  return verifier(token);
}
