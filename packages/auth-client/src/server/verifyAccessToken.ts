import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  type JSONWebKeySet,
  type JWKSCacheInput,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  jwksCache,
  jwtVerify,
  type RemoteJWKSet,
} from 'jose';
import { AuthError } from '../authError';
import type { ClaimMapping } from '../claimMapping';
import { discover } from '../internal/discovery';
import { fromJoseError } from '../internal/joseErrors';
import type { Principal } from '../internal/principal';
import { claimsMapper } from '../principalFromClaims';

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
  const toPrincipal = claimsMapper(options.claimMapping);
  // Built once: jose reads these per call, and the checks are the same for every token.
  const verifyOptions: JWTVerifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms,
    typ: 'at+jwt',
    requiredClaims: ['exp', 'iat', 'sub'],
    clockTolerance: tolerance,
  };
  let keys: JWTVerifyGetKey | undefined = options.jwks
    ? createLocalJWKSet(options.jwks as unknown as JSONWebKeySet)
    : undefined;
  let remote: RemoteJWKSet | undefined;
  // jose records in this object when (`uat`) it applied the key set it last fetched. The key
  // that verified a token is remembered under the token's encoded header (alg, typ, kid) for as
  // long as that same set is current and fresh: later tokens with that header skip jose's JWK
  // lookup, and a refetch (rotation, an unknown kid, the cache age) changes `uat` and forgets
  // every remembered key, so none outlives a key the IdP withdrew. Only keys are remembered,
  // never verdicts: every token's signature and claims are checked.
  const fetched: JWKSCacheInput = {};
  let resolved = new Map<string, CryptoKey>();
  let resolvedAt: unknown;
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
      const set = createRemoteJWKSet(new URL(uri), {
        cooldownDuration: (options.jwksCooldown ?? 30) * 1000,
        [jwksCache]: fetched,
        ...(options.fetch ? { [customFetch]: options.fetch as never } : {}),
      });
      remote = set;
      keys = set;
      return keys;
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
    const getKey = keys ?? (await getKeys());
    const header = token.slice(0, Math.max(0, token.indexOf('.')));
    const setBefore = fetched.uat;
    const known =
      remote?.fresh && resolvedAt === setBefore && header ? resolved.get(header) : undefined;
    let payload: JWTPayload;
    try {
      // jose checks the allow-list before it resolves a key, so `none`, HS256 and any other
      // algorithm outside it are refused without a key lookup (alg_not_allowed).
      const result: { payload: JWTPayload; key?: unknown } = known
        ? await jwtVerify(token, known, verifyOptions)
        : await jwtVerify(token, getKey, verifyOptions);
      payload = result.payload;
      // Remember the key only if no other set was applied while this token was verified.
      if (remote && !known && result.key && header && fetched.uat === setBefore) {
        if (resolvedAt !== setBefore) {
          resolved = new Map();
          resolvedAt = setBefore;
        }
        resolved.set(header, result.key as CryptoKey);
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
    return { principal: toPrincipal(payload), claims: payload };
  };
}

const verifiers = new Map<string, AccessTokenVerifier>();

// The options a verifier depends on. A verifier is remembered per options object, with a copy
// of these values to notice an object changed since (nested objects by identity).
const OPTION_FIELDS = [
  'issuer',
  'audience',
  'algorithms',
  'jwksUri',
  'jwks',
  'authorizedParties',
  'clockTolerance',
  'claimMapping',
  'jwksCooldown',
  'fetch',
] as const satisfies readonly (keyof VerifyAccessTokenOptions)[];
const byOptions = new WeakMap<object, { verifier: AccessTokenVerifier; values: unknown[] }>();

function snapshot(options: VerifyAccessTokenOptions): unknown[] {
  return OPTION_FIELDS.map((field) => {
    const value = options[field];
    return Array.isArray(value) ? [...value] : value;
  });
}

function unchanged(values: unknown[], options: VerifyAccessTokenOptions): boolean {
  for (let i = 0; i < OPTION_FIELDS.length; i++) {
    const before = values[i];
    const now = options[OPTION_FIELDS[i] as (typeof OPTION_FIELDS)[number]];
    if (Array.isArray(before) && Array.isArray(now)) {
      if (before.length !== now.length || before.some((v, j) => v !== now[j])) return false;
    } else if (before !== now) return false;
  }
  return true;
}

function verifierFor(options: VerifyAccessTokenOptions): AccessTokenVerifier {
  const known = byOptions.get(options);
  if (known && unchanged(known.values, options)) return known.verifier;
  let verifier: AccessTokenVerifier;
  if (options.fetch || options.jwks || options.claimMapping) {
    // Functions and key sets make no string key: such options share a verifier only when they
    // are the same object (hold it in a constant, or hold a verifier).
    verifier = createAccessTokenVerifier(options);
  } else {
    const key = JSON.stringify([
      options.issuer,
      options.audience,
      options.algorithms,
      options.jwksUri,
      options.authorizedParties,
      options.clockTolerance,
      options.jwksCooldown,
    ]);
    verifier = verifiers.get(key) ?? createAccessTokenVerifier(options);
    verifiers.set(key, verifier);
  }
  byOptions.set(options, { verifier, values: snapshot(options) });
  return verifier;
}

/**
 * Verifies a bearer access token (a JWT, RFC 9068) and returns the validated `Principal`:
 * signature against the issuer's JWKS (rotation handled), algorithm allow-list, `typ: at+jwt`,
 * `iss`, `aud`, `exp` and `iat` required, `azp` required when there are several audiences.
 * Every rejection is an `AuthError` with a specific code (`alg_not_allowed`,
 * `signature_invalid`, `token_expired`, `issuer_mismatch`, …).
 *
 * Verifiers (with their JWKS cache) are reused per options object, and across objects with the
 * same issuer, audience and settings, so calling this per request is fine. Options with `fetch`,
 * `jwks` or `claimMapping` are reused only as the same object: keep them in a constant.
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
  return verifierFor(options)(token);
}
