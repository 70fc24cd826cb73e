import type { Principal } from '@cityofboston/standards-schema';
import { headers } from 'next/headers';
import { getApp } from './app';

/**
 * Who is signed in, for server components: the BFF reads the session cookie of the request
 * being rendered. A server component cannot set cookies, so the session's rolling idle timeout
 * and token refresh are written by the route handlers and the client's session checks.
 */
export async function currentPrincipal(): Promise<Principal | undefined> {
  const app = await getApp();
  const request = new Request(`${app.origin}/`, { headers: await headers() });
  try {
    const { session } = await app.bff.getSession(request);
    return session.principal;
  } catch {
    return undefined;
  }
}
