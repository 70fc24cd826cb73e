// POST {basePath}/refresh: refreshes the session's access token now (CSRF-checked).
import { checkCsrf } from './checkCsrf';
import type { BffContext } from './context';
import { failure } from './failure';
import { refreshTokens } from './refreshTokens';
import { readSession, writeSession } from './sessionCookie';

export async function refresh(ctx: BffContext, request: Request): Promise<Response> {
  try {
    checkCsrf(ctx, request);
    const session = await readSession(ctx, request);
    const next = await refreshTokens(ctx, session, request);
    const headers = new Headers({
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    await writeSession(ctx, { ...next, lastSeenAt: Date.now() }, headers);
    return new Response(JSON.stringify({ refreshed: true }), { status: 200, headers });
  } catch (error) {
    return failure(ctx, error);
  }
}
