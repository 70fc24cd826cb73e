// How a BFF route answers a refusal: problem+json with the error's code and a way to sign in.
import { AuthError } from '../../authError';
import { problemResponse } from '../problemResponse';
import type { BffContext } from './context';

/** The login route's URL, with optional query parameters (returnTo, acr, maxAge). */
export function loginUrl(ctx: BffContext, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(extra).toString();
  return `${ctx.basePath}/login${q ? `?${q}` : ''}`;
}

/** The problem+json response for any error a route caught (non-`AuthError`s become `provider_error`). */
export function failure(ctx: BffContext, error: unknown, headers?: Headers): Response {
  const e =
    error instanceof AuthError
      ? error
      : new AuthError('provider_error', String((error as Error)?.message ?? error), {
          cause: error,
        });
  const h = new Headers(headers);
  // After a refused body the connection is not reused: the rest of the body is discarded.
  if (e.code === 'body_too_large') h.set('connection', 'close');
  if (e.status === 401)
    h.set('www-authenticate', `Bearer error="invalid_token", error_description="${e.code}"`);
  return problemResponse(e, { loginUrl: loginUrl(ctx), headers: h });
}
