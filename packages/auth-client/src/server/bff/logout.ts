// POST {basePath}/logout: ends the local session (the revocation list keeps every copy of its
// cookie out) and returns the provider's end-session URL for the browser to visit.

import * as oauth from 'oauth4webapi';
import { checkCsrf } from './checkCsrf';
import { actorOf, type BffContext } from './context';
import { clearCookie } from './cookies';
import { failure } from './failure';
import { endSession, readSession } from './sessionCookie';

export async function logout(ctx: BffContext, request: Request): Promise<Response> {
  try {
    checkCsrf(ctx, request);
  } catch (error) {
    return failure(ctx, error);
  }
  const headers = new Headers({ 'cache-control': 'no-store' });
  headers.append('set-cookie', clearCookie(ctx, ctx.sessionCookie));
  let idTokenHint: string | undefined;
  let refreshToken: string | undefined;
  try {
    const session = await readSession(ctx, request);
    idTokenHint = session.idToken;
    refreshToken = session.refreshToken;
    await endSession(ctx, session);
    ctx.emit(
      { actor: actorOf(session.principal), action: 'auth.logout', outcome: 'success' },
      request,
    );
  } catch {
    // Signing out without a valid session still clears the cookie.
  }
  let logoutUrl = `${ctx.origin}${ctx.options.postLogoutRedirectPath ?? '/'}`;
  try {
    const { as } = await ctx.metadata();
    if (refreshToken) await revokeRefreshToken(ctx, as, refreshToken, request);
    if (as.end_session_endpoint) {
      const target = new URL(as.end_session_endpoint);
      target.searchParams.set('client_id', ctx.options.clientId);
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

/**
 * RFC 7009: revokes the session's refresh token at the provider when it advertises a
 * revocation endpoint, so a copy of the token (a leaked store, a log) is worthless after
 * sign-out. A failure is recorded as an event and does not stop the sign-out: the local session
 * is already on the revocation list.
 */
async function revokeRefreshToken(
  ctx: BffContext,
  as: oauth.AuthorizationServer,
  token: string,
  request: Request,
): Promise<void> {
  if (!as.revocation_endpoint) return;
  try {
    const response = await oauth.revocationRequest(as, ctx.client, ctx.clientAuth, token, {
      ...ctx.http,
      additionalParameters: { token_type_hint: 'refresh_token' },
    });
    await oauth.processRevocationResponse(response);
  } catch (error) {
    ctx.emit(
      {
        actor: { type: 'system', id: ctx.options.clientId },
        action: 'auth.logout',
        outcome: 'failure',
        reason: 'refresh_token_not_revoked',
        details: { message: (error as Error)?.message ?? String(error) },
      },
      request,
    );
  }
}
