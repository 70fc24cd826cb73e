import type { SessionResult } from '../createBff.types';
import type { BffContext } from './context';
import { refreshTokens } from './refreshTokens';
import { readSession, writeSession } from './sessionCookie';

/**
 * The current session, its access token refreshed when due, and the cookie to send back when it
 * changed. `touch` says when activity is recorded (rolling idle timeout): on every call, at most
 * once per touch interval, or never (a passive check).
 */
export async function getSession(
  ctx: BffContext,
  request: Request,
  touch: 'always' | 'interval' | 'never' = 'interval',
): Promise<SessionResult> {
  let session = await readSession(ctx, request);
  const headers = new Headers();
  let changed = false;
  if (session.accessTokenExpiresAt - ctx.refreshSkew <= Date.now() / 1000) {
    session = await refreshTokens(ctx, session, request);
    changed = true;
  }
  const now = Date.now();
  if (
    touch === 'always' ||
    (touch === 'interval' && now - session.lastSeenAt > ctx.touchInterval)
  ) {
    session = { ...session, lastSeenAt: now };
    changed = true;
  }
  if (changed) await writeSession(ctx, session, headers);
  return { session, headers };
}
