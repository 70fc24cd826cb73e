// requireAuth for APIs: the dev IdP's real JWT access tokens in `Authorization: Bearer`, through
// Express and through fetch handlers; bad tokens get a problem+json 401 with the RFC 6750
// `WWW-Authenticate: Bearer error="invalid_token"`, a good token without the role a 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer } from '../src/internal/seal';
import { createBff } from '../src/server';
import { startTestApp, type TestApp } from './helpers/app';
import { Browser, signInAs } from './helpers/browser';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';

/** Signs `persona` in through the app and returns the access token the IdP issued. */
async function accessTokenOf(app: TestApp, persona: string): Promise<string> {
  const browser = new Browser();
  await signInAs(browser, `${app.origin}/auth/login?returnTo=/`, persona);
  const sealed = browser.cookies.get('city-session')?.value;
  if (!sealed) throw new Error(`no session cookie after signing in ${persona}`);
  const { s } = await (await createSealer([SECRET], 'case-desk')).unseal(sealed, 'session');
  return (s as { accessToken: string }).accessToken;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let app: TestApp;
let manager: string;
let clerk: string;
beforeAll(async () => {
  app = await startTestApp({ bearer: true });
  manager = await accessTokenOf(app, 'pwd-case-manager');
  clerk = await accessTokenOf(app, 'pwd-clerk');
});
afterAll(() => app.close());

describe('requireAuth with bearer access tokens (Express)', () => {
  it('a valid token from the dev IdP passes, with no session cookie', async () => {
    const response = await fetch(`${app.origin}/api/pwd-cases`, { headers: bearer(manager) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const me = await fetch(`${app.origin}/api/me`, { headers: bearer(manager) });
    expect((await me.json()).principal).toMatchObject({
      sub: 'pwd-case-manager',
      department: 'PWD',
      roles: ['case.manager', '311.intake'],
    });
  });

  it('an insufficient role is a 403 forbidden_role with insufficient_scope', async () => {
    const response = await fetch(`${app.origin}/api/pwd-cases`, { headers: bearer(clerk) });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).code).toBe('forbidden_role');
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", error_description="forbidden_role"',
    );
  });

  it('a tampered token (claims changed, signature kept) is a 401 signature_invalid with invalid_token', async () => {
    const [header, payload, signature] = manager.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['auditor'] })).toString(
      'base64url',
    );
    const response = await fetch(`${app.origin}/api/me`, {
      headers: bearer(`${header}.${forged}.${signature}`),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('signature_invalid');
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="signature_invalid"',
    );
    // A bearer failure has no session to end: no cookie is cleared.
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('a state-changing API call with a bearer token needs no CSRF header (browsers never send one by themselves)', async () => {
    const response = await fetch(`${app.origin}/api/cases`, {
      method: 'POST',
      headers: bearer(manager),
    });
    expect(response.status).toBe(201);
    const anonymous = await fetch(`${app.origin}/api/cases`, { method: 'POST' });
    expect((await anonymous.json()).code).toBe('csrf_rejected');
  });

  it('"Authorization: Bearer" without a token is a 401 token_missing; another scheme falls back to the session', async () => {
    const empty = await fetch(`${app.origin}/api/me`, { headers: { authorization: 'Bearer' } });
    expect(empty.status).toBe(401);
    expect((await empty.json()).code).toBe('token_missing');
    expect(empty.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const basic = await fetch(`${app.origin}/api/me`, {
      headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
    });
    expect(basic.status).toBe(401);
    expect((await basic.json()).code).toBe('token_missing');
  });
});

describe('requireAuth with bearer access tokens (fetch handlers)', () => {
  it('a valid token passes; the handler learns it came as a bearer token, with its claims', async () => {
    const handler = app.bff.requireAuth({ department: 'PWD' }).handler(async (_request, context) =>
      Response.json({
        via: context.via,
        sub: context.principal.sub,
        aud: context.via === 'bearer' ? context.claims.aud : undefined,
      }),
    );
    const response = await handler(
      new Request(`${app.origin}/api/cases`, { headers: bearer(manager) }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      via: 'bearer',
      sub: 'pwd-case-manager',
      aud: 'urn:cityofboston:api',
    });
  });

  it('a token for another audience is a 401 audience_mismatch', async () => {
    const otherApi = createBff({
      issuer: app.idp.issuer,
      clientId: 'case-desk',
      baseUrl: app.origin,
      secret: SECRET,
      bearer: { audience: 'urn:cityofboston:another-api' },
    });
    const result = await otherApi
      .requireAuth()
      .check(new Request(`${app.origin}/api/cases`, { headers: bearer(manager) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('audience_mismatch');
    expect(result.response.status).toBe(401);
    expect(result.response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="audience_mismatch"',
    );
  });

  it('unless bearer is turned on, a bearer token is not a credential (token_missing)', async () => {
    for (const setting of [{}, { bearer: false }]) {
      const cookiesOnly = createBff({
        issuer: app.idp.issuer,
        clientId: 'case-desk',
        baseUrl: app.origin,
        secret: SECRET,
        ...setting,
      });
      const result = await cookiesOnly
        .requireAuth()
        .check(new Request(`${app.origin}/api/cases`, { headers: bearer(manager) }));
      expect(result.ok ? 'allowed' : result.error.code).toBe('token_missing');
    }
  });
});

describe('requireAuth with an expired bearer token', () => {
  let shortLived: TestApp;
  beforeAll(async () => {
    // Whole seconds: a 2 s lifetime leaves the token valid for at least one full second.
    shortLived = await startTestApp({ bearer: { clockTolerance: 0 } }, { accessTokenTtl: 2 });
  });
  afterAll(() => shortLived.close());

  it('is a 401 token_expired with invalid_token', async () => {
    const token = await accessTokenOf(shortLived, 'pwd-case-manager');
    const fresh = await fetch(`${shortLived.origin}/api/me`, { headers: bearer(token) });
    expect(fresh.status).toBe(200);
    // Wait until just past the token's own `exp`, whatever the sign-in took.
    const { exp } = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { exp: number };
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 200));
    const response = await fetch(`${shortLived.origin}/api/me`, { headers: bearer(token) });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('token_expired');
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="token_expired"',
    );
  });
});
