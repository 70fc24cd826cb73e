// GET {basePath}/session: who is signed in, for the browser (never the tokens). Reading it counts
// as activity unless `?passive=1`.
import { AuthError } from '../../authError';
import type { BffContext } from './context';
import { clearCookie } from './cookies';
import { getSession } from './getSession';

export async function sessionRoute(ctx: BffContext, request: Request): Promise<Response> {
  try {
    // Reading the session route is the app saying the user is active ("Stay signed in"),
    // except with ?passive=1, which a client uses to check without keeping the session alive.
    const passive = new URL(request.url).searchParams.get('passive') === '1';
    const { session, headers } = await getSession(ctx, request, passive ? 'never' : 'always');
    headers.set('content-type', 'application/json');
    headers.set('cache-control', 'no-store');
    return new Response(
      JSON.stringify({
        authenticated: true,
        principal: session.principal,
        expiresAt: new Date(session.createdAt + ctx.absoluteTimeout * 1000).toISOString(),
        idleExpiresAt: new Date(session.lastSeenAt + ctx.idleTimeout * 1000).toISOString(),
        csrfHeader: ctx.csrfHeader,
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
    if (e.code !== 'token_missing')
      headers.append('set-cookie', clearCookie(ctx, ctx.sessionCookie));
    return new Response(
      JSON.stringify({ authenticated: false, reason: e.code, csrfHeader: ctx.csrfHeader }),
      {
        status: 200,
        headers,
      },
    );
  }
}
