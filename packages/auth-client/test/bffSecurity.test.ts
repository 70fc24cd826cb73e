// Each attack on the relying party is a named test that fails if the attack succeeds.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSealer } from '../src/internal/seal';
import { createBff } from '../src/server';
import { startTestApp, type TestApp } from './helpers/app';
import { Browser, signInAs } from './helpers/browser';
import { startRogueProvider } from './helpers/rogueProvider';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
let t: TestApp;
let tokenRequests = 0;
beforeAll(async () => {
  t = await startTestApp({
    fetch: (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/token')) tokenRequests++;
      return fetch(input, init);
    },
  });
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});

const sealer = () => createSealer([SECRET]);
const csrf = () => ({ origin: t.origin, 'x-city-csrf': '1' });

async function problem(response: Response): Promise<{ status: number; code: string }> {
  expect(response.headers.get('content-type')).toMatch(/application\/(problem\+)?json/);
  return { status: response.status, code: (await response.json()).code };
}

async function callbackUrl(browser: Browser, persona = 'pwd-clerk', returnTo = '/api/me') {
  const { url } = await signInAs(
    browser,
    `${t.origin}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
    persona,
    {
      stopAtCallback: true,
    },
  );
  expect(url.pathname).toBe('/auth/callback');
  return url;
}

async function signedIn(persona = 'pwd-clerk') {
  const browser = new Browser();
  const { response } = await signInAs(browser, `${t.origin}/auth/login?returnTo=/api/me`, persona);
  expect(response.status).toBe(200);
  return browser;
}

async function sessionOf(browser: Browser) {
  const payload = await (await sealer()).unseal(
    browser.cookies.get('city-session')?.value ?? '',
    'session',
  );
  return payload.s as {
    refreshToken: string;
    idToken: string;
    idpSid: string;
    accessToken: string;
  };
}

describe('callback attacks', () => {
  it('state mismatch: a callback with another state is refused', async () => {
    const browser = new Browser();
    const url = await callbackUrl(browser);
    url.searchParams.set('state', 'forged-state');
    expect(await problem(await browser.fetch(url))).toEqual({
      status: 400,
      code: 'state_mismatch',
    });
  });

  it("state mismatch: a callback without this browser's login cookie is refused", async () => {
    const url = await callbackUrl(new Browser());
    expect(await problem(await new Browser().fetch(url))).toEqual({
      status: 400,
      code: 'login_transaction_missing',
    });
  });

  it('nonce mismatch: an ID token whose nonce is not the one sent is refused', async () => {
    const browser = new Browser();
    const url = await callbackUrl(browser);
    const s = await sealer();
    const tx = await s.unseal(browser.cookies.get('city-login')?.value ?? '', 'login');
    const { iat: _i, exp: _e, pur: _p, ...rest } = tx;
    browser.cookies.set('city-login', {
      value: await s.seal({ ...rest, nonce: 'another-nonce' }, 'login', 600),
      path: '/',
    });
    expect(await problem(await browser.fetch(url))).toEqual({
      status: 400,
      code: 'nonce_mismatch',
    });
  });

  it('mix-up (RFC 9207): a callback whose iss names another provider is refused', async () => {
    const browser = new Browser();
    const url = await callbackUrl(browser);
    url.searchParams.set('iss', 'https://evil-idp.example');
    expect(await problem(await browser.fetch(url))).toEqual({ status: 400, code: 'issuer_mix_up' });
  });

  it('mix-up (RFC 9207): a callback without iss from a provider that sends it is refused', async () => {
    const browser = new Browser();
    const url = await callbackUrl(browser);
    url.searchParams.delete('iss');
    expect(await problem(await browser.fetch(url))).toEqual({ status: 400, code: 'issuer_mix_up' });
  });

  it('authorization code replayed: a code already redeemed is refused by the IdP', async () => {
    const browser = new Browser();
    const url = await callbackUrl(browser);
    const tx = await (await sealer()).unseal(
      browser.cookies.get('city-login')?.value ?? '',
      'login',
    );
    const meta = await (await fetch(`${t.idp.issuer}/.well-known/openid-configuration`)).json();
    // The attacker redeems the code first.
    const stolen = await fetch(meta.token_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('case-desk:case-desk-secret-for-tests-only').toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: url.searchParams.get('code') ?? '',
        redirect_uri: `${t.origin}/auth/callback`,
        code_verifier: String(tx.verifier),
      }),
    });
    expect(stolen.status).toBe(200);
    expect(await problem(await browser.fetch(url))).toEqual({ status: 400, code: 'code_rejected' });
  });

  it('authorization code replayed: a callback replayed with its login cookie is refused', async () => {
    const browser = new Browser();
    const url = await callbackUrl(browser);
    const loginCookie = browser.cookies.get('city-login');
    const first = await browser.fetch(url);
    expect(first.status).toBe(303);
    const attacker = new Browser();
    if (loginCookie) attacker.cookies.set('city-login', loginCookie);
    expect(await problem(await attacker.fetch(url))).toEqual({ status: 400, code: 'state_reused' });
  });
});

describe('PKCE', () => {
  async function authorize(params: Record<string, string>) {
    const meta = await (await fetch(`${t.idp.issuer}/.well-known/openid-configuration`)).json();
    const url = new URL(meta.authorization_endpoint);
    for (const [k, v] of Object.entries({
      client_id: 'case-desk',
      redirect_uri: `${t.origin}/auth/callback`,
      response_type: 'code',
      scope: 'openid',
      state: 's',
      nonce: 'n',
      ...params,
    })) {
      url.searchParams.set(k, v);
    }
    const response = await fetch(url, { redirect: 'manual' });
    return new URL(response.headers.get('location') ?? '', url);
  }

  it('missing PKCE: the dev IdP refuses an authorization request without code_challenge', async () => {
    const back = await authorize({});
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('plain PKCE: the dev IdP refuses code_challenge_method=plain', async () => {
    const back = await authorize({
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'plain',
    });
    expect(back.searchParams.get('error')).toBe('invalid_request');
  });

  it('the login route always sends S256', async () => {
    const response = await fetch(`${t.origin}/auth/login`, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  });

  it('a provider that does not offer S256 is refused (pkce_unsupported)', async () => {
    const rogue = await startRogueProvider();
    rogue.discoveryOverrides = { code_challenge_methods_supported: ['plain'] };
    try {
      const bff = createBff({
        issuer: rogue.issuer,
        clientId: 'x',
        baseUrl: 'http://127.0.0.1:1',
        secret: SECRET,
      });
      const response = await bff.login(new Request('http://127.0.0.1:1/auth/login'));
      expect(await problem(response)).toEqual({ status: 400, code: 'pkce_unsupported' });
    } finally {
      await rogue.close();
    }
  });
});

describe('open redirects on the post-login return path', () => {
  for (const attempt of [
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/%0a/evil',
  ]) {
    it(`refuses returnTo=${attempt}`, async () => {
      const response = await fetch(
        `${t.origin}/auth/login?returnTo=${encodeURIComponent(attempt)}`,
        { redirect: 'manual' },
      );
      if (attempt === '/%0a/evil') {
        // Encoded characters stay inside the path: a same-origin redirect, never another host.
        expect(response.status).toBe(302);
        return;
      }
      expect(await problem(response)).toEqual({ status: 400, code: 'unsafe_return_path' });
    });
  }
});

describe('session cookie attacks', () => {
  it('a tampered session cookie is refused', async () => {
    const browser = await signedIn();
    const cookie = browser.cookies.get('city-session');
    if (!cookie) throw new Error('no session cookie');
    const parts = cookie.value.split('.');
    const ciphertext = Buffer.from(parts[3] ?? '', 'base64url');
    ciphertext[5] = (ciphertext[5] ?? 0) ^ 0x01;
    parts[3] = ciphertext.toString('base64url');
    browser.cookies.set('city-session', { value: parts.join('.'), path: '/' });
    expect(await problem(await browser.fetch(`${t.origin}/api/me`))).toEqual({
      status: 401,
      code: 'session_invalid',
    });
  });

  it("a session cookie sealed with another app's secret is refused", async () => {
    const browser = await signedIn();
    const other = await createSealer(['another-secret-of-at-least-32-characters']);
    const forged = await other.seal(
      { s: { ...(await sessionOf(browser)), principal: { sub: 'x' } } as never },
      'session',
      600,
    );
    browser.cookies.set('city-session', { value: forged, path: '/' });
    expect(await problem(await browser.fetch(`${t.origin}/api/me`))).toEqual({
      status: 401,
      code: 'session_invalid',
    });
  });

  it('a session ended by back-channel logout is refused, even with its cookie', async () => {
    const browser = await signedIn('pwd-case-manager');
    const copied = browser.cookies.get('city-session');
    expect((await browser.fetch(`${t.origin}/api/me`)).status).toBe(200);
    // The user signs out at the IdP (RP-initiated logout, confirmed on its page): the IdP
    // notifies the app over the back channel.
    const { idToken } = await sessionOf(browser);
    const endSession = new URL(`${t.idp.issuer}/session/end`);
    endSession.searchParams.set('id_token_hint', idToken);
    const page = await browser.fetch(endSession);
    const html = await page.text();
    const xsrf = html.match(/name="xsrf" value="([^"]+)"/)?.[1] ?? '';
    const action = html.match(/action="([^"]+)"/)?.[1] ?? '';
    const confirmed = await browser.fetch(new URL(action, t.idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(confirmed.status).toBeLessThan(400);
    const replay = new Browser();
    if (copied) replay.cookies.set('city-session', copied);
    await vi.waitFor(async () => {
      expect(await problem(await replay.fetch(`${t.origin}/api/me`))).toEqual({
        status: 401,
        code: 'session_revoked',
      });
    });
  });

  it('a forged back-channel logout token is refused', async () => {
    const rogue = await startRogueProvider();
    try {
      const token = await rogue.sign(
        {
          iss: t.idp.issuer,
          aud: 'case-desk',
          jti: 'x',
          events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
          sid: 'x',
        },
        { typ: 'logout+jwt' },
      );
      const response = await fetch(`${t.origin}/auth/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: token }).toString(),
      });
      expect(await problem(response)).toEqual({ status: 400, code: 'logout_token_invalid' });
    } finally {
      await rogue.close();
    }
  });

  it('a signed-out session cannot be replayed', async () => {
    const browser = await signedIn();
    const copied = browser.cookies.get('city-session');
    const out = await browser.fetch(`${t.origin}/auth/logout`, { method: 'POST', headers: csrf() });
    expect(out.status).toBe(200);
    expect((await out.json()).logoutUrl).toContain('/session/end');
    const replay = new Browser();
    if (copied) replay.cookies.set('city-session', copied);
    expect(await problem(await replay.fetch(`${t.origin}/api/me`))).toEqual({
      status: 401,
      code: 'session_revoked',
    });
  });

  it('idle timeout: a session unused for longer than idleTimeout is refused', async () => {
    const browser = await signedIn();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60 * 1000);
    expect(await problem(await browser.fetch(`${t.origin}/api/me`))).toEqual({
      status: 401,
      code: 'session_expired',
    });
  });

  it('absolute timeout: a session older than absoluteTimeout is refused even when active', async () => {
    const browser = await signedIn();
    vi.useFakeTimers({ toFake: ['Date'] });
    // Active every 20 minutes (within the idle timeout) for 12 hours: the refreshes keep it alive...
    for (let i = 1; i <= 3; i++) {
      vi.setSystemTime(Date.now() + 20 * 60 * 1000);
      expect((await browser.fetch(`${t.origin}/api/me`)).status).toBe(200);
    }
    // ...until the absolute limit.
    vi.setSystemTime(Date.now() + 12 * 60 * 60 * 1000);
    expect((await problem(await browser.fetch(`${t.origin}/api/me`))).code).toMatch(
      /^session_expired$/,
    );
  });
});

describe('CSRF on state-changing routes', () => {
  it('refuses a POST without Origin and the custom header', async () => {
    const browser = await signedIn();
    expect(await problem(await browser.fetch(`${t.origin}/api/cases`, { method: 'POST' }))).toEqual(
      { status: 403, code: 'csrf_rejected' },
    );
  });

  it('refuses a POST from another origin even with the header', async () => {
    const browser = await signedIn();
    const response = await browser.fetch(`${t.origin}/api/cases`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'x-city-csrf': '1' },
    });
    expect(await problem(response)).toEqual({ status: 403, code: 'csrf_rejected' });
  });

  it('refuses a same-origin POST without the custom header (a plain HTML form)', async () => {
    const browser = await signedIn();
    const response = await browser.fetch(`${t.origin}/api/cases`, {
      method: 'POST',
      headers: { origin: t.origin },
    });
    expect(await problem(response)).toEqual({ status: 403, code: 'csrf_rejected' });
  });

  it('refuses a cross-site sign-out', async () => {
    const browser = await signedIn();
    const response = await browser.fetch(`${t.origin}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(await problem(response)).toEqual({ status: 403, code: 'csrf_rejected' });
    expect((await browser.fetch(`${t.origin}/api/me`)).status).toBe(200);
  });

  it('accepts a same-origin POST with the header', async () => {
    const browser = await signedIn();
    expect(
      (await browser.fetch(`${t.origin}/api/cases`, { method: 'POST', headers: csrf() })).status,
    ).toBe(201);
  });
});

describe('refresh', () => {
  it('single-flight: concurrent refreshes of one session make one token request', async () => {
    const browser = await signedIn();
    const before = tokenRequests;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        browser.fetch(`${t.origin}/auth/refresh`, { method: 'POST', headers: csrf() }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(tokenRequests - before).toBe(1);
    expect(t.events.some((e) => e.action === 'auth.refresh' && e.outcome === 'success')).toBe(true);
  });

  it('refresh-token reuse: a rotated refresh token is refused and the session ends', async () => {
    const browser = await signedIn();
    const { refreshToken } = await sessionOf(browser);
    const meta = await (await fetch(`${t.idp.issuer}/.well-known/openid-configuration`)).json();
    // Someone else uses the refresh token first (it rotates).
    const stolen = await fetch(meta.token_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('case-desk:case-desk-secret-for-tests-only').toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    });
    expect(stolen.status).toBe(200);
    const response = await browser.fetch(`${t.origin}/auth/refresh`, {
      method: 'POST',
      headers: csrf(),
    });
    expect(await problem(response)).toEqual({ status: 401, code: 'refresh_failed' });
    expect((await problem(await browser.fetch(`${t.origin}/api/me`))).code).toBe('session_revoked');
  });
});

describe('step-up', () => {
  it('asks for a stronger sign-in, then lets it through', async () => {
    const browser = await signedIn();
    const denied = await browser.fetch(`${t.origin}/api/mfa`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('insufficient_user_authentication');
    const body = await denied.json();
    expect(body.code).toBe('step_up_required');
    expect(body.loginUrl).toContain('acr=');
    const { response } = await signInAs(
      browser,
      new URL(body.loginUrl, t.origin).href,
      'pwd-clerk',
    );
    expect(response.status).toBe(200);
    expect(t.events.some((e) => e.action === 'auth.step_up')).toBe(true);
  });
});
