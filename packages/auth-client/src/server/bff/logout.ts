// POST {basePath}/logout: ends the local session (the revocation list keeps every copy of its
// cookie out) and returns the provider's end-session URL for the browser to visit.

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
  try {
    const session = await readSession(ctx, request);
    idTokenHint = session.idToken;
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
