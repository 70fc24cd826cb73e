// Sessions kept in a shared store: the cookie carries only an encrypted id, and a second app
// instance with the same secret and store serves the same session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBff, MemorySessionStore } from '../src/server';
import { startTestApp, type TestApp } from './helpers/app';
import { Browser, signInAs } from './helpers/browser';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const store = new MemorySessionStore();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ sessionStorage: 'store', store, secret: SECRET });
});
afterAll(() => t.close());

describe("sessionStorage: 'store'", () => {
  it('keeps the session server-side and shares it between instances', async () => {
    const browser = new Browser();
    const { response } = await signInAs(
      browser,
      `${t.origin}/auth/login?returnTo=/api/me`,
      'isd-inspector',
    );
    expect(response.status).toBe(200);
    const cookie = browser.cookies.get('city-session')?.value ?? '';
    // Only a reference: far smaller than a cookie holding the tokens.
    expect(cookie.length).toBeLessThan(400);
    expect(store.size).toBeGreaterThan(0);

    const secondInstance = createBff({
      issuer: t.idp.issuer,
      clientId: 'case-desk',
      clientSecret: 'case-desk-secret-for-tests-only',
      baseUrl: t.origin,
      secret: SECRET,
      sessionStorage: 'store',
      store,
    });
    const { session } = await secondInstance.getSession(
      new Request(`${t.origin}/api/me`, { headers: { cookie: `city-session=${cookie}` } }),
    );
    expect(session.principal.sub).toBe('isd-inspector');

    // Signing out on one instance ends it everywhere.
    const out = await browser.fetch(`${t.origin}/auth/logout`, {
      method: 'POST',
      headers: { origin: t.origin, 'x-city-csrf': '1' },
    });
    expect(out.status).toBe(200);
    const after = await secondInstance
      .getSession(
        new Request(`${t.origin}/api/me`, { headers: { cookie: `city-session=${cookie}` } }),
      )
      .catch((e: { code: string }) => e.code);
    expect(after).toBe('session_revoked');
  });
});
