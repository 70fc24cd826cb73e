// The public shapes of the backend-for-frontend: its options, sessions, guards and the minimal
// Node request/response types its Express adapter needs.
import type { AuthError } from '../authError';
import type { AuthRequirements } from '../checkRequirements';
import type { ClaimMapping } from '../claimMapping';
import type { Principal } from '../internal/principal';
import type { AuthEventHandler } from './authEvent';
import type { SessionStore } from './sessionStore';
import type { AccessTokenClaims } from './verifyAccessToken';

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
  /**
   * The most bytes of request body any auth route reads (default 65536, 64 KiB). Bodies are
   * read as a stream; one over the cap is refused with 413 problem+json (`body_too_large`).
   */
  maxBodyBytes?: number;
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
