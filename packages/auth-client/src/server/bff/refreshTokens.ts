// The refresh token grant, one in flight per session: requests that still carry the old cookie
// get the same new tokens instead of replaying a rotated refresh token (which the IdP treats as
// theft and answers by revoking the grant).
import * as oauth from 'oauth4webapi';
import { AuthError } from '../../authError';
import { fromOAuthError } from '../../internal/oauthErrors';
import type { BffSession } from '../createBff.types';
import { actorOf, type BffContext } from './context';
import { endSession } from './sessionCookie';

/** New tokens for `session`; on refusal the session is ended and `refresh_failed` thrown. */
export function refreshTokens(
  ctx: BffContext,
  session: BffSession,
  request: Request,
): Promise<BffSession> {
  const key = session.refreshToken ?? session.id;
  let pending = ctx.inflight.get(key);
  if (pending) return pending;
  pending = (async () => {
    if (!session.refreshToken) {
      throw new AuthError(
        'refresh_failed',
        'The access token expired and the session has no refresh token.',
      );
    }
    const { as } = await ctx.metadata();
    try {
      const response = await oauth.refreshTokenGrantRequest(
        as,
        ctx.client,
        ctx.clientAuth,
        session.refreshToken,
        ctx.http,
      );
      const result = await oauth.processRefreshTokenResponse(as, ctx.client, response);
      const next: BffSession = {
        ...session,
        accessToken: result.access_token,
        accessTokenExpiresAt: Math.floor(Date.now() / 1000) + (result.expires_in ?? 300),
        ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
        ...(result.id_token ? { idToken: result.id_token } : {}),
      };
      ctx.emit(
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
      await endSession(ctx, session);
      ctx.emit(
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
  ctx.inflight.set(key, pending);
  const forget = setTimeout(() => ctx.inflight.delete(key), 30_000);
  forget.unref?.();
  pending.catch(() => {});
  return pending;
}
