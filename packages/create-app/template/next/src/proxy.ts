import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from './server/contentSecurityPolicy';

/**
 * Runs before every page and route: a fresh nonce per response, and a Content Security Policy
 * that lets only scripts carrying it run. Next.js reads the nonce from the request's policy and
 * puts it on its own scripts (the pages are rendered per request, see app/layout.tsx), so an
 * injected `<script>` without it is refused by the browser.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV !== 'production',
    issuer: process.env.OIDC_ISSUER,
  });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Not the build's hashed static files: they are not documents and never change per request.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
