// The guard for an app's own routes: a session cookie (CSRF-checked on unsafe methods) or, when
// enabled, an API client's bearer access token; then the route's requirements.
import { AuthError } from '../../authError';
import { type AuthRequirements, checkRequirements } from '../../checkRequirements';
import type { Principal } from '../../internal/principal';
import type { Guard, GuardResult, SessionResult } from '../createBff.types';
import { problemResponse } from '../problemResponse';
import { checkCsrf } from './checkCsrf';
import { actorOf, type BffContext, SAFE_METHODS } from './context';
import { clearCookie } from './cookies';
import { loginUrl } from './failure';
import { getSession } from './getSession';
import { appendHeader, toRequest, writeResponse } from './nodeAdapter';

export function requireAuth(ctx: BffContext, requirements: AuthRequirements = {}): Guard {
  const check = async (request: Request): Promise<GuardResult> => {
    let result: SessionResult | undefined;
    let principal: Principal | undefined;
    const verifyBearer = ctx.verifyBearer;
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
      if (!SAFE_METHODS.has(request.method.toUpperCase())) checkCsrf(ctx, request);
      result = await getSession(ctx, request);
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
      let login = loginUrl(ctx, { returnTo: new URL(request.url).pathname });
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
        login = loginUrl(ctx, stepUp);
        headers.set(
          'www-authenticate',
          `Bearer error="insufficient_user_authentication", error_description="${e.message.replaceAll('"', "'")}"${acr ? `, acr_values="${acr}"` : ''}${requirements.maxAge !== undefined ? `, max_age=${requirements.maxAge}` : ''}`,
        );
        ctx.emit(
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
          headers.append('set-cookie', clearCookie(ctx, ctx.sessionCookie));
        ctx.emit(
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
      check(toRequest(req, ctx.origin, false))
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
