// Reading, writing and ending a session: the sealed cookie (or, with `sessionStorage: 'store'`,
// a sealed reference to the store), its timeouts and the revocation list.
import type { JWTPayload } from 'jose';
import { AuthError } from '../../authError';
import type { BffSession } from '../createBff.types';
import type { BffContext } from './context';
import { parseCookies, setCookie } from './cookies';

/** Seals `session` into the response's session cookie (or the store, with a reference cookie). */
export async function writeSession(
  ctx: BffContext,
  session: BffSession,
  headers: Headers,
): Promise<void> {
  const s = await ctx.sealer();
  const remaining = Math.max(
    1,
    (session.createdAt + ctx.absoluteTimeout * 1000 - Date.now()) / 1000,
  );
  if (ctx.storage === 'store') {
    await ctx.store.set(`session:${session.id}`, session, remaining);
    headers.append(
      'set-cookie',
      setCookie(
        ctx,
        ctx.sessionCookie,
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
    headers.append('set-cookie', setCookie(ctx, ctx.sessionCookie, value, remaining));
  }
}

/**
 * The request's session, or throws: `token_missing`, `session_invalid`, `session_expired`
 * (idle or absolute timeout) or `session_revoked` (signed out, or ended at the IdP).
 */
export async function readSession(ctx: BffContext, request: Request): Promise<BffSession> {
  const raw = parseCookies(request.headers.get('cookie')).get(ctx.sessionCookie);
  if (!raw) throw new AuthError('token_missing', 'No session: sign in first.');
  const s = await ctx.sealer();
  let session: BffSession;
  if (ctx.storage === 'store') {
    const ref = await s.unseal(raw, 'session-ref');
    const stored = await ctx.store.get(`session:${String(ref.sid)}`);
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
  if (now - session.createdAt > ctx.absoluteTimeout * 1000) {
    throw new AuthError(
      'session_expired',
      `The session passed its absolute timeout of ${ctx.absoluteTimeout} s; sign in again.`,
    );
  }
  if (now - session.lastSeenAt > ctx.idleTimeout * 1000) {
    throw new AuthError(
      'session_expired',
      `The session was idle for more than ${ctx.idleTimeout} s; sign in again.`,
    );
  }
  if (await ctx.store.get(`ended:${session.id}`)) {
    throw new AuthError('session_revoked', 'This session was signed out.');
  }
  if (session.idpSid && (await ctx.store.get(`revoked-sid:${session.idpSid}`))) {
    throw new AuthError('session_revoked', 'The IdP ended this session (back-channel logout).');
  }
  const subRevokedAt = await ctx.store.get(`revoked-sub:${session.principal.sub}`);
  if (typeof subRevokedAt === 'number' && subRevokedAt >= session.createdAt) {
    throw new AuthError(
      'session_revoked',
      'The IdP ended all sessions of this user (back-channel logout).',
    );
  }
  return session;
}

/** Puts the session on the revocation list (and out of the store), so no copy of its cookie works. */
export async function endSession(ctx: BffContext, session: BffSession): Promise<void> {
  await ctx.store.set(`ended:${session.id}`, true, ctx.absoluteTimeout);
  if (ctx.storage === 'store') await ctx.store.delete(`session:${session.id}`);
}
