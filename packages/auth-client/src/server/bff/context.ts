// What every BFF operation shares: the options resolved once, the cookie sealer, the stores,
// the provider's metadata and keys, and the audit hook. Each route is a function of this
// context and the request, in its own file.
import { createRemoteJWKSet, customFetch } from 'jose';
import * as oauth from 'oauth4webapi';
import { AuthError } from '../../authError';
import { discover, httpOptions } from '../../internal/discovery';
import { isDevelopmentEnvironment, nodeEnv } from '../../internal/environment';
import type { Principal } from '../../internal/principal';
import { createSealer, type Sealer } from '../../internal/seal';
import type { AuthEvent } from '../authEvent';
import type { BffOptions, BffSession } from '../createBff.types';
import { MemorySessionStore, type SessionStore } from '../sessionStore';
import { type AccessTokenVerifier, createAccessTokenVerifier } from '../verifyAccessToken';

/** The audience bearer tokens must name unless `BffBearerOptions.audience` says otherwise. */
const DEFAULT_API_AUDIENCE = 'urn:cityofboston:api';
const DEFAULT_ALGS = ['ES256', 'ES384', 'EdDSA', 'Ed25519', 'PS256', 'RS256'];

/** The default cap on request bodies: 64 KiB (a logout token is a few KiB). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Seconds a login transaction (state, nonce, PKCE verifier) lives. */
export const TX_TTL = 600;

/** Methods that never change state, so they need no CSRF check. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The provider's validated metadata and its key set. */
export interface ProviderMetadata {
  as: oauth.AuthorizationServer;
  jwks: ReturnType<typeof createRemoteJWKSet>;
  /**
   * The algorithms ID and logout tokens may be signed with: those the provider advertises
   * (`id_token_signing_alg_values_supported`, RS256 when it advertises none, as OpenID
   * Connect Discovery says) that the allow-list also accepts, in the allow-list's order.
   */
  idTokenAlgorithms: string[];
}

/** The shared state of one `createBff` instance. */
export interface BffContext {
  readonly options: BffOptions;
  readonly origin: string;
  readonly secure: boolean;
  readonly basePath: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly storage: 'cookie' | 'store';
  readonly store: SessionStore;
  readonly idleTimeout: number;
  readonly absoluteTimeout: number;
  readonly refreshSkew: number;
  /** The most bytes of a request body any route reads. */
  readonly maxBodyBytes: number;
  /** The cookie is re-sealed at most this often (ms) to record activity (rolling idle timeout). */
  readonly touchInterval: number;
  readonly algorithms: string[];
  readonly csrfHeader: string;
  readonly app: NonNullable<BffOptions['app']>;
  readonly sessionCookie: string;
  readonly txCookie: string;
  readonly client: oauth.Client;
  readonly clientAuth: oauth.ClientAuth;
  readonly http: ReturnType<typeof httpOptions>;
  /** API clients' access tokens: one verifier (and JWKS cache) for the BFF's lifetime. */
  readonly verifyBearer: AccessTokenVerifier | undefined;
  /** Refreshes in flight, by refresh token (single flight per session). */
  readonly inflight: Map<string, Promise<BffSession>>;
  sealer(): Promise<Sealer>;
  metadata(): Promise<ProviderMetadata>;
  emit(event: Omit<AuthEvent, 'app'>, request?: Request): void;
}

/** Validates the options and resolves the defaults; throws `invalid_configuration`. */
export function createBffContext(options: BffOptions): BffContext {
  for (const key of ['issuer', 'clientId', 'baseUrl', 'secret'] as const) {
    if (!options[key] || (Array.isArray(options[key]) && options[key].length === 0)) {
      throw new AuthError('invalid_configuration', `createBff: \`${key}\` is required.`);
    }
  }
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch (cause) {
    throw new AuthError(
      'invalid_configuration',
      `createBff: baseUrl ${options.baseUrl} is not a URL.`,
      { cause },
    );
  }
  const origin = base.origin;
  const secure = base.protocol === 'https:';
  const basePath = (options.basePath ?? '/auth').replace(/\/$/, '');
  const idleTimeout = options.idleTimeout ?? 1800;
  if (
    options.maxBodyBytes !== undefined &&
    (!Number.isSafeInteger(options.maxBodyBytes) || options.maxBodyBytes < 1)
  ) {
    throw new AuthError(
      'invalid_configuration',
      `createBff: maxBodyBytes must be a positive integer, got ${options.maxBodyBytes}.`,
    );
  }
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGS)];
  const secrets = typeof options.secret === 'string' ? [options.secret] : [...options.secret];
  const issuerUrl = new URL(options.issuer);
  const bearer =
    options.bearer === undefined || options.bearer === false
      ? undefined
      : options.bearer === true
        ? {}
        : options.bearer;
  const verifyBearer: AccessTokenVerifier | undefined = bearer
    ? createAccessTokenVerifier({
        issuer: options.issuer,
        audience: bearer.audience ?? DEFAULT_API_AUDIENCE,
        algorithms,
        ...(bearer.authorizedParties ? { authorizedParties: bearer.authorizedParties } : {}),
        ...(bearer.clockTolerance === undefined ? {} : { clockTolerance: bearer.clockTolerance }),
        ...(options.claimMapping ? { claimMapping: options.claimMapping } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
    : undefined;

  const store = options.store ?? new MemorySessionStore();
  if (store.durable === false && !isDevelopmentEnvironment()) {
    throw new AuthError(
      'durable_store_required',
      `createBff: NODE_ENV=${nodeEnv()} and the session store keeps sign-outs in this process's memory only, so a restart or another instance would accept a signed-out session again. Pass a shared store: \`store: new RedisSessionStore({ client })\` or \`store: await PostgresSessionStore.create({ db })\`.`,
    );
  }

  let sealer: Promise<Sealer> | undefined;
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const app = options.app ?? { name: options.clientId };

  return {
    options,
    origin,
    secure,
    basePath,
    redirectUri: `${origin}${basePath}/callback`,
    scope: options.scope ?? 'openid profile email city',
    storage: options.sessionStorage ?? 'cookie',
    store,
    idleTimeout,
    absoluteTimeout: options.absoluteTimeout ?? 43200,
    refreshSkew: options.refreshSkew ?? 60,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    touchInterval: Math.min(60_000, (idleTimeout * 1000) / 10),
    algorithms,
    csrfHeader: (options.csrfHeader ?? 'x-city-csrf').toLowerCase(),
    app,
    sessionCookie: secure ? '__Host-city-session' : 'city-session',
    txCookie: secure ? '__Host-city-login' : 'city-login',
    // No pinned ID token algorithm: oauth4webapi checks the header against the provider's
    // metadata, and the callback verifies the signature with idTokenAlgorithms.
    client: { client_id: options.clientId },
    clientAuth: options.clientSecret ? oauth.ClientSecretBasic(options.clientSecret) : oauth.None(),
    http: httpOptions(issuerUrl, options.fetch),
    verifyBearer,
    inflight: new Map(),
    sealer() {
      sealer ??= createSealer(secrets, options.clientId);
      return sealer;
    },
    async metadata() {
      const as = await discover(options.issuer, options.fetch);
      if (!jwks) {
        if (!as.jwks_uri) {
          throw new AuthError(
            'invalid_configuration',
            `issuer ${options.issuer} publishes no jwks_uri.`,
          );
        }
        jwks = createRemoteJWKSet(
          new URL(as.jwks_uri),
          options.fetch ? { [customFetch]: options.fetch as never } : {},
        );
      }
      const advertised = Array.isArray(as.id_token_signing_alg_values_supported)
        ? as.id_token_signing_alg_values_supported
        : ['RS256'];
      const idTokenAlgorithms = algorithms.filter((alg) => advertised.includes(alg));
      if (idTokenAlgorithms.length === 0) {
        throw new AuthError(
          'alg_not_allowed',
          `The IdP ${as.issuer} signs ID tokens with ${advertised.join(', ') || 'nothing'}, none of which the allow-list (${algorithms.join(', ')}) accepts.`,
        );
      }
      return { as, jwks, idTokenAlgorithms };
    },
    emit(event, request) {
      if (!options.onEvent) return;
      const userAgent = request?.headers.get('user-agent');
      const full: AuthEvent = {
        ...event,
        app,
        ...(userAgent ? { source: { userAgent } } : {}),
      };
      try {
        Promise.resolve(options.onEvent(full)).catch(() => {});
      } catch {
        // An audit sink that throws must not break sign-in.
      }
    },
  };
}

/** The audit actor for a signed-in principal. */
export function actorOf(p: Principal): AuthEvent['actor'] {
  return {
    type: 'user',
    id: p.sub,
    name: p.name,
    department: p.department,
    roles: p.roles,
  };
}
