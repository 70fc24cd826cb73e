import type { AuthError } from '../authError';

/** The RFC 9457 problem document this package answers with. */
export interface AuthProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The `AuthErrorCode`. */
  code: string;
  /** Where to sign in again (401s and step-up). */
  loginUrl?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad sign-in request',
  401: 'Authentication required',
  403: 'Not allowed',
  413: 'Request body too large',
  500: 'Authentication is misconfigured',
};

/**
 * An `application/problem+json` response (RFC 9457) for an `AuthError`. The `type` is a URN per
 * code, `detail` says why in words a developer can act on.
 */
export function problemResponse(
  error: AuthError,
  extra: { loginUrl?: string; headers?: HeadersInit } = {},
): Response {
  const body: AuthProblem = {
    type: `urn:cityofboston:auth:${error.code}`,
    title: TITLES[error.status] ?? 'Authentication error',
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(extra.loginUrl === undefined ? {} : { loginUrl: extra.loginUrl }),
  };
  const headers = new Headers(extra.headers);
  headers.set('content-type', 'application/problem+json');
  headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
