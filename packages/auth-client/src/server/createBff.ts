// createBff assembles the backend-for-frontend from one file per operation over a shared
// context (bff/context.ts): login, callback, logout, back-channel logout, the session route,
// refresh, the requireAuth guard and the Node adapter.
import { backchannelLogout } from './bff/backchannelLogout';
import { callback } from './bff/callback';
import { createBffContext } from './bff/context';
import { getSession } from './bff/getSession';
import { handle } from './bff/handle';
import { login } from './bff/login';
import { logout } from './bff/logout';
import { authRoutesMiddleware } from './bff/nodeAdapter';
import { refresh } from './bff/refresh';
import { requireAuth } from './bff/requireAuth';
import { sessionRoute } from './bff/sessionRoute';
import type { Bff, BffOptions } from './createBff.types';

export type {
  Bff,
  BffBearerOptions,
  BffOptions,
  BffSession,
  Guard,
  GuardContext,
  GuardResult,
  NodeMiddleware,
  NodeRequestLike,
  NodeResponseLike,
  SessionResult,
} from './createBff.types';

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
  const ctx = createBffContext(options);
  const route =
    (fn: (c: typeof ctx, request: Request) => Promise<Response>) => (request: Request) =>
      fn(ctx, request);
  const handler = route(handle);
  return {
    basePath: ctx.basePath,
    handle: handler,
    login: route(login),
    callback: route(callback),
    logout: route(logout),
    backchannelLogout: route(backchannelLogout),
    session: route(sessionRoute),
    refresh: route(refresh),
    getSession: (request) => getSession(ctx, request),
    requireAuth: (requirements) => requireAuth(ctx, requirements),
    express: () => authRoutesMiddleware(ctx, handler),
  };
}
