// POST {basePath}/backchannel-logout: OpenID Connect Back-Channel Logout 1.0. The provider
// posts a signed logout token; once verified, its sid (or sub) goes on the revocation list.
import { type JWTPayload, jwtVerify } from 'jose';
import { AuthError } from '../../authError';
import { fromJoseError } from '../../internal/joseErrors';
import type { BffContext } from './context';
import { failure } from './failure';
import { readBody } from './readBody';

/** The `typ` values a logout token may carry (lowercased, without `application/`). */
const LOGOUT_TYPES = new Set(['logout+jwt', 'jwt']);

export async function backchannelLogout(ctx: BffContext, request: Request): Promise<Response> {
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
    const form = new URLSearchParams(await readBody(ctx, request));
    const token = form.get('logout_token');
    if (!token) throw new AuthError('logout_token_invalid', 'The request has no logout_token.');
    const { as, jwks: keys, idTokenAlgorithms } = await ctx.metadata();
    let claims: JWTPayload;
    let typ: string | undefined;
    try {
      ({
        payload: claims,
        protectedHeader: { typ },
      } = await jwtVerify(token, keys, {
        issuer: as.issuer,
        audience: ctx.options.clientId,
        algorithms: idTokenAlgorithms,
        requiredClaims: ['iat', 'exp', 'jti'],
        maxTokenAge: '5 minutes',
      }));
    } catch (error) {
      const inner = fromJoseError(error, 'The logout token');
      throw new AuthError('logout_token_invalid', inner.message, { cause: inner });
    }
    // Back-Channel Logout 1.0 §2.4: typ logout+jwt, so an ID token or access token signed by the
    // same provider cannot be replayed as a logout token. Plain JWT is tolerated (older IdPs).
    if (typ !== undefined && !LOGOUT_TYPES.has(typ.toLowerCase().replace(/^application\//, ''))) {
      throw new AuthError(
        'logout_token_invalid',
        `The logout token's typ is ${JSON.stringify(typ)}; only logout+jwt (or JWT) is accepted.`,
      );
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
    if (!(await ctx.store.setIfAbsent(`logout-jti:${String(claims.jti)}`, true, 600))) {
      throw new AuthError('logout_token_invalid', 'This logout token was already used.');
    }
    if (typeof claims.sid === 'string') {
      await ctx.store.set(`revoked-sid:${claims.sid}`, Date.now(), ctx.absoluteTimeout);
    } else if (typeof claims.sub === 'string') {
      await ctx.store.set(`revoked-sub:${claims.sub}`, Date.now(), ctx.absoluteTimeout);
    }
    ctx.emit(
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
    if (error instanceof AuthError && error.code === 'body_too_large') return failure(ctx, error);
    return bad(
      error instanceof AuthError
        ? error
        : new AuthError('logout_token_invalid', String(error), { cause: error }),
    );
  }
}
