import { createRemoteJWKSet, customFetch, type JWTPayload, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { AuthError, type AuthErrorCode } from '../auth-error';
import { type AuthRequirements, checkRequirements } from '../check-requirements';
import type { ClaimMapping } from '../claim-mapping';
import { discover, httpOptions } from '../internal/discovery';
import { fromJoseError } from '../internal/jose-errors';
import type { Principal } from '../internal/principal';
import { createSealer, type Sealer } from '../internal/seal';
import { principalFromClaims } from '../principal-from-claims';
import type { AuthEvent, AuthEventHandler } from './auth-event';
import { problemResponse } from './problem';
import { safeReturnPath } from './safe-return-path';
import { MemorySessionStore, type SessionStore } from './session-store';
import {
  type AccessTokenClaims,
  type AccessTokenVerifier,
  createAccessTokenVerifier,
} from './verify-access-token';

/** Options for {@link createBff}. */
export interface BffOptions {
  /** The IdP's issuer identifier, e.g. `https://login.boston.gov` (discovery is fetched from it). */
  issuer: string;
  clientId: string;
  /** Confidential clients (the usual BFF); omit for a public client. PKCE is used either way. */
  clientSecret?: string;
  /** The app's public origin, e.g. `https://casedesk.boston.gov`; `https:` turns on `__Host-` + `Secure` cookies. */
  baseUrl: string;
  /** Where the auth routes live (default `/auth`): `login`, `callback`, `logout`, `backchannel-logout`, `session`, `refresh`. */
  basePath?: string;
  /** Encrypts cookies: at least 32 characters; a list rotates (the first seals, all open). */
  secret: string | readonly string[];
  /** Scopes to request (default `openid profile email city`). */
  scope?: string;
  /** Extra authorization request parameters, e.g. `{ resource: 'urn:cityofboston:api' }`. */
  authorizationParams?: Record<string, string>;
  /** `cookie` (default): the encrypted session is the cookie. `store`: the cookie holds an id only. */
  sessionStorage?: 'cookie' | 'store';
  /** Shared state: revocations, used logins and (with `sessionStorage: 'store'`) sessions. */
  store?: SessionStore;
  /** Seconds without activity before the session ends (default 1800). */
  idleTimeout?: number;
  /** Seconds after sign-in when the session ends regardless (default 43200, 12 hours). */
  absoluteTimeout?: number;
  /** Refresh the access token this many seconds before it expires (default 60). */
  refreshSkew?: number;
  /** How ID token claims map to the `Principal`. */
  claimMapping?: ClaimMapping;
  /** Allowed signing algorithms for ID and logout tokens (default ES256, ES384, EdDSA, PS256, RS256). */
  algorithms?: readonly string[];
  /** Name of the custom header required on state-changing requests (default `x-city-csrf`). */
  csrfHeader?: string;
  /** Where the IdP sends the browser after sign-out (default `/`, must be registered with the IdP). */
  postLogoutRedirectPath?: string;
  /** Audit hook: login, logout, refresh, denied and step-up events in the `AuditEvent` shape. */
  onEvent?: AuthEventHandler;
  /** Names the app in events (default the client id). */
  app?: { name: string; version?: string; department?: string };
  /** A fetch for discovery, token and JWKS requests (proxies, tests). */
  fetch?: typeof fetch;
  /**
   * Whether `requireAuth` also accepts API calls with `Authorization: Bearer <access token>`,
   * verified like `verifyAccessToken` against `issuer` (remote JWKS with rotation, the
   * `algorithms` allow-list, `typ` at+jwt, `exp` and `iat` required) and mapped to a `Principal`
   * with `claimMapping`. Off by default (session cookies only, the least an app accepts): `true`
   * turns it on for the audience `urn:cityofboston:api`, an object sets the audience and the
   * rest.
   */
  bearer?: BffBearerOptions | boolean;
}

/** How {@link BffOptions.bearer} tokens are checked, beyond what the BFF already configures. */
export interface BffBearerOptions {
  /** This API's identifier: the `aud` a token must name (default `urn:cityofboston:api`). */
  audience?: string | string[];
  /** Accepted `azp` values when a token names several audiences (then `azp` is required). */
  authorizedParties?: readonly string[];
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat` (default 5). */
  clockTolerance?: number;
}

/** The audience bearer tokens must name unless {@link BffBearerOptions.audience} says otherwise. */
const DEFAULT_API_AUDIENCE = 'urn:cityofboston:api';

/** A signed-in session as the BFF keeps it (server side only; never sent to the browser). */
export interface BffSession {
  id: string;
  principal: Principal;
  /** The IdP's `sid`, for back-channel logout. */
  idpSid?: string;
  accessToken: string;
  /** Seconds since the epoch. */
  accessTokenExpiresAt: number;
  refreshToken?: string;
  idToken: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  lastSeenAt: number;
}

/** The result of {@link Bff.getSession}: the session and the headers (cookies) to send back. */
export interface SessionResult {
  session: BffSession;
  /** `Set-Cookie` headers to add to the response (rolling idle timeout, refreshed tokens). */
  headers: Headers;
}

/** What a guard yields: the principal, or a ready problem+json response. */
export type GuardResult =
  | ({ ok: true; headers: Headers } & GuardContext)
  | { ok: false; error: AuthError; response: Response };

/**
 * Who a guarded request is from: a signed-in browser session (`via: 'session'`), or an API
 * client's verified bearer access token (`via: 'bearer'`, with its claims).
 */
export type GuardContext =
  | { via: 'session'; principal: Principal; session: BffSession }
  | { via: 'bearer'; principal: Principal; claims: AccessTokenClaims };

/** Minimal Node types, so the public declarations need neither `express` nor `@types/express`. */
export interface NodeRequestLike {
  method?: string;
  url?: string;
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  readableEnded?: boolean;
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}
/** The parts of a Node/Express response the middleware writes to. */
export interface NodeResponseLike {
  statusCode: number;
  headersSent: boolean;
  locals?: Record<string, unknown>;
  setHeader(name: string, value: string | string[]): unknown;
  appendHeader?(name: string, value: string | string[]): unknown;
  getHeader(name: string): unknown;
  end(chunk?: unknown): unknown;
}
/** An Express-compatible middleware `(req, res, next)`. */
export type NodeMiddleware = (
  req: NodeRequestLike,
  res: NodeResponseLike,
  next: (error?: unknown) => void,
) => void;

/** A `requireAuth` guard, usable from fetch handlers and Express. */
export interface Guard {
  /** Checks the request; on failure `response` is the 401/403 problem+json to return. */
  check(request: Request): Promise<GuardResult>;
  /** Wraps a fetch handler: it runs only for an allowed principal. */
  handler(
    fn: (request: Request, context: GuardContext) => Response | Promise<Response>,
  ): (request: Request) => Promise<Response>;
  /**
   * Express middleware: sets `res.locals.principal` (and `res.locals.auth`, the
   * {@link GuardContext}) and calls `next()`, or answers 401/403.
   */
  express: NodeMiddleware;
}

/** The backend-for-frontend. */
export interface Bff {
  /** Routes a request under `basePath`; answers 404 for other paths. Use as a Next.js route handler or in Hono. */
  handle(request: Request): Promise<Response>;
  login(request: Request): Promise<Response>;
  callback(request: Request): Promise<Response>;
  logout(request: Request): Promise<Response>;
  backchannelLogout(request: Request): Promise<Response>;
  session(request: Request): Promise<Response>;
  refresh(request: Request): Promise<Response>;
  /** The current session (refreshing the access token when due), or throws an `AuthError`. */
  getSession(request: Request): Promise<SessionResult>;
  /**
   * A guard for app routes: a session cookie, or a bearer access token (see
   * {@link BffOptions.bearer}); 401 without either or with a bad token, 403 when requirements
   * fail.
   */
  requireAuth(requirements?: AuthRequirements): Guard;
  /** Express middleware that serves the auth routes under `basePath` and passes others on. */
  express(): NodeMiddleware;
  /** The options in effect. */
  readonly basePath: string;
}

const DEFAULT_ALGS = ['ES256', 'ES384', 'EdDSA', 'Ed25519', 'PS256', 'RS256'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TX_TTL = 600;

function randomId(): string {
  return oauth.generateRandomState();
}

function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

function fromOAuthError(error: unknown, what: string): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    if (error.error === 'invalid_grant') {
      return new AuthError(
        'code_rejected',
        `${what}: the IdP refused the grant (invalid_grant: ${error.error_description ?? 'no description'}). A replayed or expired code, or a wrong PKCE verifier.`,
        { cause: error },
      );
    }
    return new AuthError('provider_error', `${what}: the IdP answered ${error.error}.`, {
      cause: error,
    });
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new AuthError(
      'provider_error',
      `${what}: the IdP answered ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`,
      { cause: error },
    );
  }
  if (error instanceof oauth.UnsupportedOperationError) {
    return new AuthError('alg_not_allowed', `${what}: ${error.message}.`, { cause: error });
  }
  if (error instanceof oauth.OperationProcessingError) {
    const m = error.message;
    const pick = (code: AuthErrorCode) => new AuthError(code, `${what}: ${m}.`, { cause: error });
    if (m.includes('"nonce"')) return pick('nonce_mismatch');
    // A missing iss is an issuer mismatch, as in verifyAccessToken.
    if (m.includes('"iss"')) return pick('issuer_mismatch');
    if (m.includes('claim missing')) return pick('claim_missing');
    if (m.includes('"azp"') || m.includes('untrusted audiences')) return pick('azp_missing');
    if (m.includes('"aud"')) return pick('audience_mismatch');
    if (m.includes('"alg"')) return pick('alg_not_allowed');
    if (m.includes('"exp"')) return pick('token_expired');
    if (m.includes('"nbf"') || m.includes('"iat"')) return pick('token_not_yet_valid');
    if (m.includes('"auth_time"')) return pick('step_up_required');
    if (m.includes('missing')) return pick('claim_missing');
    return pick('provider_error');
  }
  return new AuthError('provider_error', `${what}: ${(error as Error)?.message ?? error}`, {
    cause: error,
  });
}

/**
 * Creates the backend-for-frontend that signs staff in with the City's IdP (OpenID Connect
 * authorization code + PKCE S256, `state`, `nonce`, RFC 9207 `iss`) and keeps their tokens on the
 * server: the browser holds only an encrypted HttpOnly cookie. Its routes are fetch-standard
 * handlers (`handle`) and an Express middleware (`express()`).
 *
 * @example
 * ```ts
 * const bff = createBff({
 *   issuer: 'https://login.boston.gov',
 *   clientId: 'case-desk',
 *   clientSecret: process.env.OIDC_CLIENT_SECRET,
 *   baseUrl: 'https://casedesk.boston.gov',
 *   secret: process.env.SESSION_SECRET!,
 * });
 * app.use(bff.express());
 * app.get('/api/cases', bff.requireAuth({ roles: ['case.manager'] }).express, listCases);
 * ```
 */
export function createBff(options: BffOptions): Bff {
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
  const redirectUri = `${origin}${basePath}/callback`;
  const scope = options.scope ?? 'openid profile email city';
  const storage = options.sessionStorage ?? 'cookie';
  const store = options.store ?? new MemorySessionStore();
  const idleTimeout = options.idleTimeout ?? 1800;
  const absoluteTimeout = options.absoluteTimeout ?? 43200;
  const refreshSkew = options.refreshSkew ?? 60;
  // The cookie is re-sealed at most this often to record activity (rolling idle timeout).
  const touchInterval = Math.min(60_000, (idleTimeout * 1000) / 10);
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGS)];
  const csrfHeader = (options.csrfHeader ?? 'x-city-csrf').toLowerCase();
  const app = options.app ?? { name: options.clientId };
  const sessionCookie = secure ? '__Host-city-session' : 'city-session';
  const txCookie = secure ? '__Host-city-login' : 'city-login';
  const secrets = typeof options.secret === 'string' ? [options.secret] : [...options.secret];
  const client: oauth.Client = {
    client_id: options.clientId,
    id_token_signed_response_alg: algorithms[0] ?? 'ES256',
  };
  const clientAuth = options.clientSecret
    ? oauth.ClientSecretBasic(options.clientSecret)
    : oauth.None();
  const issuerUrl = new URL(options.issuer);
  const http = httpOptions(issuerUrl, options.fetch);
  // API clients' access tokens: one verifier (and JWKS cache) for the BFF's lifetime.
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

  let sealer: Promise<Sealer> | undefined;
  const getSealer = () => {
    sealer ??= createSealer(secrets);
    return sealer;
  };
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const metadata = async () => {
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
    return { as, jwks };
  };

  const emit = (event: Omit<AuthEvent, 'app'>, request?: Request) => {
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
  };
  const actorOf = (p: Principal): AuthEvent['actor'] => ({
    type: 'user',
    id: p.sub,
    name: p.name,
    department: p.department,
    roles: p.roles,
  });

  const cookie = (name: string, value: string, maxAge: number) =>
    `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.max(0, Math.floor(maxAge))}${secure ? '; Secure' : ''}`;
  const clearCookie = (name: string) => cookie(name, '', 0);

  // --- sessions -----------------------------------------------------------------------------

  async function writeSession(session: BffSession, headers: Headers): Promise<void> {
    const s = await getSealer();
    const remaining = Math.max(1, (session.createdAt + absoluteTimeout * 1000 - Date.now()) / 1000);
    if (storage === 'store') {
      await store.set(`session:${session.id}`, session, remaining);
      headers.append(
        'set-cookie',
        cookie(
          sessionCookie,
          await s.seal({ sid: session.id }, 'session-ref', remaining),
          remaining,
        ),
      );
    } else {
      const value = await s.seal(
        { s: session as unknown as JWTPayload[string] },
        'session',
        remaining,
      );
      headers.append('set-cookie', cookie(sessionCookie, value, remaining));
    }
  }

  async function readSession(request: Request): Promise<BffSession> {
    const raw = parseCookies(request.headers.get('cookie')).get(sessionCookie);
    if (!raw) throw new AuthError('token_missing', 'No session: sign in first.');
    const s = await getSealer();
    let session: BffSession;
    if (storage === 'store') {
      const ref = await s.unseal(raw, 'session-ref');
      const stored = await store.get(`session:${String(ref.sid)}`);
      if (!stored)
        throw new AuthError(
          'session_revoked',
          'The session has ended (signed out, logged out at the IdP, or expired).',
        );
      session = stored as BffSession;
    } else {
      const payload = await s.unseal(raw, 'session');
      session = payload.s as unknown as BffSession;
    }
    if (!session || typeof session !== 'object' || !session.principal) {
      throw new AuthError('session_invalid', 'The session cookie does not hold a session.');
    }
    const now = Date.now();
    if (now - session.createdAt > absoluteTimeout * 1000) {
      throw new AuthError(
        'session_expired',
        `The session passed its absolute timeout of ${absoluteTimeout} s; sign in again.`,
      );
    }
    if (now - session.lastSeenAt > idleTimeout * 1000) {
      throw new AuthError(
        'session_expired',
        `The session was idle for more than ${idleTimeout} s; sign in again.`,
      );
    }
    if (await store.get(`ended:${session.id}`)) {
      throw new AuthError('session_revoked', 'This session was signed out.');
    }
    if (session.idpSid && (await store.get(`revoked-sid:${session.idpSid}`))) {
      throw new AuthError('session_revoked', 'The IdP ended this session (back-channel logout).');
    }
    const subRevokedAt = await store.get(`revoked-sub:${session.principal.sub}`);
    if (typeof subRevokedAt === 'number' && subRevokedAt >= session.createdAt) {
      throw new AuthError(
        'session_revoked',
        'The IdP ended all sessions of this user (back-channel logout).',
      );
    }
    return session;
  }

  async function endSession(session: BffSession): Promise<void> {
    await store.set(`ended:${session.id}`, true, absoluteTimeout);
    if (storage === 'store') await store.delete(`session:${session.id}`);
  }

  const inflight = new Map<string, Promise<BffSession>>();

  function refreshTokens(session: BffSession, request: Request): Promise<BffSession> {
    const key = session.refreshToken ?? session.id;
    let pending = inflight.get(key);
    if (pending) return pending;
    pending = (async () => {
      if (!session.refreshToken) {
        throw new AuthError(
          'refresh_failed',
          'The access token expired and the session has no refresh token.',
        );
      }
      const { as } = await metadata();
      try {
        const response = await oauth.refreshTokenGrantRequest(
          as,
          client,
          clientAuth,
          session.refreshToken,
          http,
        );
        const result = await oauth.processRefreshTokenResponse(as, client, response);
        const next: BffSession = {
          ...session,
          accessToken: result.access_token,
          accessTokenExpiresAt: Math.floor(Date.now() / 1000) + (result.expires_in ?? 300),
          ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
          ...(result.id_token ? { idToken: result.id_token } : {}),
        };
        emit(
          { actor: actorOf(session.principal), action: 'auth.refresh', outcome: 'success' },
          request,
        );
        return next;
      } catch (error) {
        const failure = fromOAuthError(error, 'Refreshing the access token');
        const wrapped = new AuthError(
          'refresh_failed',
          `${failure.message} The session is ended; sign in again.`,
          { cause: failure },
        );
        await endSession(session);
        emit(
          {
            actor: actorOf(session.principal),
            action: 'auth.refresh',
            outcome: 'failure',
            reason: 'refresh_failed',
          },
          request,
        );
        throw wrapped;
      }
    })();
    inflight.set(key, pending);
    // Requests that still carry the old cookie shortly after get the same new tokens instead of
    // replaying a rotated refresh token (which the IdP treats as theft).
    const forget = setTimeout(() => inflight.delete(key), 30_000);
    forget.unref?.();
    pending.catch(() => {});
    return pending;
  }

  async function getSession(
    request: Request,
    touch: 'always' | 'interval' | 'never' = 'interval',
  ): Promise<SessionResult> {
    let session = await readSession(request);
    const headers = new Headers();
    let changed = false;
    if (session.accessTokenExpiresAt - refreshSkew <= Date.now() / 1000) {
      session = await refreshTokens(session, request);
      changed = true;
    }
    const now = Date.now();
    if (touch === 'always' || (touch === 'interval' && now - session.lastSeenAt > touchInterval)) {
      session = { ...session, lastSeenAt: now };
      changed = true;
    }
    if (changed) await writeSession(session, headers);
    return { session, headers };
  }

  function checkCsrf(request: Request): void {
    const requestOrigin = request.headers.get('origin');
    if (requestOrigin !== origin) {
      throw new AuthError(
        'csrf_rejected',
        `A ${request.method} request must come from ${origin} (Origin header was ${requestOrigin ?? 'absent'}).`,
      );
    }
    if (!request.headers.get(csrfHeader)) {
      throw new AuthError(
        'csrf_rejected',
        `A ${request.method} request must carry the ${csrfHeader} header (the React provider sends it).`,
      );
    }
  }

  const loginUrl = (extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(extra).toString();
    return `${basePath}/login${q ? `?${q}` : ''}`;
  };

  const failure = (error: unknown, headers?: Headers): Response => {
    const e =
      error instanceof AuthError
        ? error
        : new AuthError('provider_error', String((error as Error)?.message ?? error), {
            cause: error,
          });
    const h = new Headers(headers);
    if (e.status === 401)
      h.set('www-authenticate', `Bearer error="invalid_token", error_description="${e.code}"`);
    return problemResponse(e, { loginUrl: loginUrl(), headers: h });
  };

  // --- routes -------------------------------------------------------------------------------

  async function login(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url);
      const returnTo = safeReturnPath(url.searchParams.get('returnTo') ?? '/', origin);
      const { as } = await metadata();
      const methods = as.code_challenge_methods_supported;
      if (Array.isArray(methods) && !methods.includes('S256')) {
        throw new AuthError(
          'pkce_unsupported',
          `The IdP ${as.issuer} does not support PKCE with S256 (it lists ${methods.join(', ') || 'nothing'}).`,
        );
      }
      if (!as.authorization_endpoint) {
        throw new AuthError(
          'invalid_configuration',
          `The IdP ${as.issuer} publishes no authorization_endpoint.`,
        );
      }
      const state = oauth.generateRandomState();
      const nonce = oauth.generateRandomNonce();
      const verifier = oauth.generateRandomCodeVerifier();
      const challenge = await oauth.calculatePKCECodeChallenge(verifier);
      const acr = url.searchParams.get('acr');
      const maxAgeParam = url.searchParams.get('maxAge');
      const maxAge =
        maxAgeParam !== null && /^\d+$/.test(maxAgeParam) ? Number(maxAgeParam) : undefined;
      const target = new URL(as.authorization_endpoint);
      const params: Record<string, string> = {
        ...options.authorizationParams,
        client_id: options.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope,
        state,
        nonce,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...(acr ? { acr_values: acr } : {}),
        ...(maxAge !== undefined ? { max_age: String(maxAge) } : {}),
        ...(acr || maxAge !== undefined || url.searchParams.get('prompt') === 'login'
          ? { prompt: 'login' }
          : {}),
      };
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      const sealed = await (await getSealer()).seal(
        { state, nonce, verifier, returnTo, ...(maxAge !== undefined ? { maxAge } : {}) },
        'login',
        TX_TTL,
      );
      const headers = new Headers({ location: target.href, 'cache-control': 'no-store' });
      headers.append('set-cookie', cookie(txCookie, sealed, TX_TTL));
      return new Response(null, { status: 302, headers });
    } catch (error) {
      return failure(error);
    }
  }

  async function callback(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const clear = new Headers({ 'cache-control': 'no-store' });
    clear.append('set-cookie', clearCookie(txCookie));
    try {
      const raw = parseCookies(request.headers.get('cookie')).get(txCookie);
      if (!raw) {
        throw new AuthError(
          'login_transaction_missing',
          "The callback arrived without this browser's login cookie: start at the login route, in the same browser, within 10 minutes.",
        );
      }
      let tx: JWTPayload;
      try {
        tx = await (await getSealer()).unseal(raw, 'login');
      } catch (cause) {
        throw new AuthError(
          'login_transaction_missing',
          'The login cookie does not decrypt (tampered with or expired).',
          { cause },
        );
      }
      const { as, jwks: keys } = await metadata();
      const state = url.searchParams.get('state');
      if (state !== tx.state) {
        throw new AuthError(
          'state_mismatch',
          "The callback's state does not match the login this browser started (a forged or crossed callback).",
        );
      }
      const iss = url.searchParams.get('iss');
      if (
        iss !== null
          ? iss !== as.issuer
          : as.authorization_response_iss_parameter_supported === true
      ) {
        throw new AuthError(
          'issuer_mix_up',
          `The callback's iss (${iss ?? 'absent'}) is not ${as.issuer}: the response came from another provider (RFC 9207 mix-up).`,
        );
      }
      if (!(await store.setIfAbsent(`used-login:${String(tx.state)}`, true, TX_TTL))) {
        throw new AuthError(
          'state_reused',
          'This login transaction was already completed; a replayed callback is refused.',
        );
      }
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(as, client, url, String(tx.state));
      } catch (error) {
        throw fromOAuthError(error, 'The authorization response');
      }
      let tokens: oauth.TokenEndpointResponse;
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          clientAuth,
          params,
          redirectUri,
          String(tx.verifier),
          http,
        );
        tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
          expectedNonce: String(tx.nonce),
          requireIdToken: true,
          ...(typeof tx.maxAge === 'number' ? { maxAge: tx.maxAge } : {}),
        });
      } catch (error) {
        throw fromOAuthError(error, 'The token response');
      }
      // oauth4webapi checks the ID token's claims; the signature is checked here too, against
      // the IdP's keys and the algorithm allow-list (defence in depth on a TLS channel).
      let idClaims: JWTPayload;
      try {
        ({ payload: idClaims } = await jwtVerify(tokens.id_token ?? '', keys, {
          issuer: as.issuer,
          audience: options.clientId,
          algorithms,
          requiredClaims: ['exp', 'iat', 'sub'],
        }));
      } catch (error) {
        throw fromJoseError(error, 'The ID token');
      }
      if (idClaims.nonce !== tx.nonce) {
        throw new AuthError(
          'nonce_mismatch',
          "The ID token's nonce is not the one this login sent.",
        );
      }
      const principal = principalFromClaims(idClaims, options.claimMapping);
      const now = Date.now();
      const session: BffSession = {
        id: randomId(),
        principal,
        ...(typeof idClaims.sid === 'string' ? { idpSid: idClaims.sid } : {}),
        accessToken: tokens.access_token,
        accessTokenExpiresAt: Math.floor(now / 1000) + (tokens.expires_in ?? 300),
        ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
        idToken: tokens.id_token ?? '',
        createdAt: now,
        lastSeenAt: now,
      };
      await writeSession(session, clear);
      clear.set('location', `${origin}${String(tx.returnTo ?? '/')}`);
      emit(
        {
          actor: actorOf(principal),
          action: 'auth.login',
          outcome: 'success',
          details: { acr: principal.auth?.acr },
        },
        request,
      );
      return new Response(null, { status: 303, headers: clear });
    } catch (error) {
      const e = error instanceof AuthError ? error : fromOAuthError(error, 'Sign-in');
      emit(
        {
          actor: { type: 'user', id: 'anonymous' },
          action: 'auth.login',
          outcome: 'failure',
          reason: e.code,
        },
        request,
      );
      return failure(e, clear);
    }
  }

  async function logout(request: Request): Promise<Response> {
    try {
      checkCsrf(request);
    } catch (error) {
      return failure(error);
    }
    const headers = new Headers({ 'cache-control': 'no-store' });
    headers.append('set-cookie', clearCookie(sessionCookie));
    let idTokenHint: string | undefined;
    try {
      const session = await readSession(request);
      idTokenHint = session.idToken;
      await endSession(session);
      emit(
        { actor: actorOf(session.principal), action: 'auth.logout', outcome: 'success' },
        request,
      );
    } catch {
      // Signing out without a valid session still clears the cookie.
    }
    let logoutUrl = `${origin}${options.postLogoutRedirectPath ?? '/'}`;
    try {
      const { as } = await metadata();
      if (as.end_session_endpoint) {
        const target = new URL(as.end_session_endpoint);
        target.searchParams.set('client_id', options.clientId);
        target.searchParams.set('post_logout_redirect_uri', logoutUrl);
        if (idTokenHint) target.searchParams.set('id_token_hint', idTokenHint);
        logoutUrl = target.href;
      }
    } catch {
      // The IdP is unreachable: the local session is ended anyway.
    }
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify({ loggedOut: true, logoutUrl }), { status: 200, headers });
  }

  async function backchannelLogout(request: Request): Promise<Response> {
    const bad = (error: AuthError) =>
      new Response(
        JSON.stringify({
          error: 'invalid_request',
          error_description: error.message,
          code: error.code,
        }),
        {
          status: 400,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        },
      );
    try {
      if (request.method !== 'POST')
        throw new AuthError('logout_token_invalid', 'Back-channel logout is a POST.');
      const form = new URLSearchParams(await request.text());
      const token = form.get('logout_token');
      if (!token) throw new AuthError('logout_token_invalid', 'The request has no logout_token.');
      const { as, jwks: keys } = await metadata();
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(token, keys, {
          issuer: as.issuer,
          audience: options.clientId,
          algorithms,
          requiredClaims: ['iat', 'jti'],
          maxTokenAge: '5 minutes',
        }));
      } catch (error) {
        const inner = fromJoseError(error, 'The logout token');
        throw new AuthError('logout_token_invalid', inner.message, { cause: inner });
      }
      const events = claims.events as Record<string, unknown> | undefined;
      if (
        !events ||
        typeof events['http://schemas.openid.net/event/backchannel-logout'] !== 'object'
      ) {
        throw new AuthError(
          'logout_token_invalid',
          'The logout token lacks the back-channel logout event.',
        );
      }
      if ('nonce' in claims)
        throw new AuthError('logout_token_invalid', 'A logout token must not carry a nonce.');
      if (typeof claims.sid !== 'string' && typeof claims.sub !== 'string') {
        throw new AuthError('logout_token_invalid', 'The logout token names neither sid nor sub.');
      }
      if (!(await store.setIfAbsent(`logout-jti:${String(claims.jti)}`, true, 600))) {
        throw new AuthError('logout_token_invalid', 'This logout token was already used.');
      }
      if (typeof claims.sid === 'string') {
        await store.set(`revoked-sid:${claims.sid}`, Date.now(), absoluteTimeout);
      } else if (typeof claims.sub === 'string') {
        await store.set(`revoked-sub:${claims.sub}`, Date.now(), absoluteTimeout);
      }
      emit(
        {
          actor: { type: 'system', id: as.issuer },
          action: 'auth.logout',
          outcome: 'success',
          ...(typeof claims.sub === 'string' ? { target: { type: 'user', id: claims.sub } } : {}),
          details: { channel: 'back-channel' },
        },
        request,
      );
      return new Response(null, { status: 200, headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return bad(
        error instanceof AuthError
          ? error
          : new AuthError('logout_token_invalid', String(error), { cause: error }),
      );
    }
  }

  async function sessionRoute(request: Request): Promise<Response> {
    try {
      // Reading the session route is the app saying the user is active ("Stay signed in"),
      // except with ?passive=1, which a client uses to check without keeping the session alive.
      const passive = new URL(request.url).searchParams.get('passive') === '1';
      const { session, headers } = await getSession(request, passive ? 'never' : 'always');
      headers.set('content-type', 'application/json');
      headers.set('cache-control', 'no-store');
      return new Response(
        JSON.stringify({
          authenticated: true,
          principal: session.principal,
          expiresAt: new Date(session.createdAt + absoluteTimeout * 1000).toISOString(),
          idleExpiresAt: new Date(session.lastSeenAt + idleTimeout * 1000).toISOString(),
          csrfHeader,
        }),
        { status: 200, headers },
      );
    } catch (error) {
      const e =
        error instanceof AuthError
          ? error
          : new AuthError('session_invalid', String(error), { cause: error });
      const headers = new Headers({
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      if (e.code !== 'token_missing') headers.append('set-cookie', clearCookie(sessionCookie));
      return new Response(JSON.stringify({ authenticated: false, reason: e.code, csrfHeader }), {
        status: 200,
        headers,
      });
    }
  }

  async function refresh(request: Request): Promise<Response> {
    try {
      checkCsrf(request);
      const session = await readSession(request);
      const next = await refreshTokens(session, request);
      const headers = new Headers({
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      await writeSession({ ...next, lastSeenAt: Date.now() }, headers);
      return new Response(JSON.stringify({ refreshed: true }), { status: 200, headers });
    } catch (error) {
      return failure(error);
    }
  }

  async function handle(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (!path.startsWith(`${basePath}/`)) return new Response('Not Found', { status: 404 });
    const route = path.slice(basePath.length + 1);
    const method = request.method.toUpperCase();
    switch (`${method} ${route}`) {
      case 'GET login':
        return login(request);
      case 'GET callback':
        return callback(request);
      case 'POST logout':
        return logout(request);
      case 'POST backchannel-logout':
        return backchannelLogout(request);
      case 'GET session':
        return sessionRoute(request);
      case 'POST refresh':
        return refresh(request);
      default:
        return new Response('Not Found', { status: 404 });
    }
  }

  function requireAuth(requirements: AuthRequirements = {}): Guard {
    const check = async (request: Request): Promise<GuardResult> => {
      let result: SessionResult | undefined;
      let principal: Principal | undefined;
      const token = verifyBearer ? bearerToken(request) : undefined;
      try {
        if (token !== undefined && verifyBearer) {
          // An API call: the token is the credential. No CSRF check (a browser never attaches a
          // bearer token on its own) and no session.
          const verified = await verifyBearer(token);
          principal = verified.principal;
          checkRequirements(principal, requirements);
          return {
            ok: true,
            via: 'bearer',
            principal,
            claims: verified.claims,
            headers: new Headers(),
          };
        }
        if (!SAFE_METHODS.has(request.method.toUpperCase())) checkCsrf(request);
        result = await getSession(request);
        principal = result.session.principal;
        checkRequirements(principal, requirements);
        return {
          ok: true,
          via: 'session',
          principal,
          session: result.session,
          headers: result.headers,
        };
      } catch (error) {
        const e =
          error instanceof AuthError
            ? error
            : new AuthError('session_invalid', String(error), { cause: error });
        const headers = new Headers(result?.headers);
        let login = loginUrl({ returnTo: new URL(request.url).pathname });
        if (e.code === 'step_up_required') {
          const stepUp: Record<string, string> = { returnTo: new URL(request.url).pathname };
          const acr =
            requirements.acr === undefined
              ? undefined
              : typeof requirements.acr === 'string'
                ? requirements.acr
                : requirements.acr.join(' ');
          if (acr) stepUp.acr = acr;
          if (requirements.maxAge !== undefined) stepUp.maxAge = String(requirements.maxAge);
          login = loginUrl(stepUp);
          headers.set(
            'www-authenticate',
            `Bearer error="insufficient_user_authentication", error_description="${e.message.replaceAll('"', "'")}"${acr ? `, acr_values="${acr}"` : ''}${requirements.maxAge !== undefined ? `, max_age=${requirements.maxAge}` : ''}`,
          );
          emit(
            {
              actor: principal ? actorOf(principal) : { type: 'user', id: 'anonymous' },
              action: 'auth.step_up',
              outcome: 'denied',
              reason: e.code,
              target: { type: 'route', id: new URL(request.url).pathname },
            },
            request,
          );
        } else {
          if (e.status === 401)
            headers.set(
              'www-authenticate',
              `Bearer error="invalid_token", error_description="${e.code}"`,
            );
          // RFC 6750 §3.1: a valid token without the privileges the route needs.
          if (e.status === 403 && token !== undefined)
            headers.set(
              'www-authenticate',
              `Bearer error="insufficient_scope", error_description="${e.code}"`,
            );
          if (e.status === 401 && e.code !== 'token_missing' && token === undefined)
            headers.append('set-cookie', clearCookie(sessionCookie));
          emit(
            {
              actor: principal ? actorOf(principal) : { type: 'user', id: 'anonymous' },
              action: 'auth.denied',
              outcome: 'denied',
              reason: e.code,
              target: { type: 'route', id: new URL(request.url).pathname },
            },
            request,
          );
        }
        return { ok: false, error: e, response: problemResponse(e, { loginUrl: login, headers }) };
      }
    };
    return {
      check,
      handler: (fn) => async (request) => {
        const result = await check(request);
        if (!result.ok) return result.response;
        const { ok: _ok, headers: _headers, ...context } = result;
        const response = await fn(request, context);
        for (const c of result.headers.getSetCookie()) response.headers.append('set-cookie', c);
        return response;
      },
      express: (req, res, next) => {
        check(toRequest(req, origin, false))
          .then(async (result) => {
            if (!result.ok) return writeResponse(res, result.response);
            for (const c of result.headers.getSetCookie()) appendHeader(res, 'set-cookie', c);
            res.locals ??= {};
            res.locals.principal = result.principal;
            const { ok: _ok, headers: _headers, ...context } = result;
            res.locals.auth = context;
            (req as unknown as Record<string, unknown>).principal = result.principal;
            next();
          })
          .catch(next);
      },
    };
  }

  return {
    basePath,
    handle,
    login,
    callback,
    logout,
    backchannelLogout,
    session: sessionRoute,
    refresh,
    getSession,
    requireAuth,
    express: () => (req, res, next) => {
      const path = (req.originalUrl ?? req.url ?? '/').split('?')[0] ?? '/';
      if (!path.startsWith(`${basePath}/`)) {
        next();
        return;
      }
      handle(toRequest(req, origin, true))
        .then((response) => writeResponse(res, response))
        .catch(next);
    },
  };
}

/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), `''` for a Bearer
 * header without one, undefined for no header or another scheme (then the session decides).
 */
function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  if (!header) return undefined;
  const match = /^Bearer(?:\s+(\S*))?\s*$/i.exec(header.trim());
  if (!match) return /^Bearer\s/i.test(header.trim()) ? '' : undefined;
  return match[1] ?? '';
}

function appendHeader(res: NodeResponseLike, name: string, value: string): void {
  if (res.appendHeader) {
    res.appendHeader(name, value);
    return;
  }
  const existing = res.getHeader(name);
  const list =
    existing === undefined
      ? []
      : Array.isArray(existing)
        ? existing.map(String)
        : [String(existing)];
  res.setHeader(name, [...list, value]);
}

/** A fetch `Request` for a Node/Express request (body streamed unless a body parser consumed it). */
function toRequest(req: NodeRequestLike, origin: string, withBody: boolean): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (withBody && method !== 'GET' && method !== 'HEAD') {
    if (req.readableEnded && req.body && typeof req.body === 'object') {
      init.body = new URLSearchParams(req.body as Record<string, string>).toString();
    } else {
      const iterator = req[Symbol.asyncIterator].bind(req);
      init.body = new ReadableStream({
        async start(controller) {
          const it = iterator();
          for (;;) {
            const { done, value } = await it.next();
            if (done) break;
            controller.enqueue(
              typeof value === 'string' ? new TextEncoder().encode(value) : (value as Uint8Array),
            );
          }
          controller.close();
        },
      });
      init.duplex = 'half';
    }
  }
  return new Request(new URL(req.originalUrl ?? req.url ?? '/', origin), init);
}

async function writeResponse(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  res.end(body);
}
