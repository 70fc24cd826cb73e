// Each attack on the relying party is a named test that fails if the attack succeeds.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSealer } from '../../src/internal/seal';
import { createBff } from '../../src/server';
import { startTestApp, type TestApp } from '../helpers/app';
import { Browser, signInAs } from '../helpers/browser';
import { startRogueProvider } from '../helpers/rogueProvider';
import { attack } from './attack';

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

const sealer = () => createSealer([SECRET], 'case-desk');
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

describe('State, nonce, PKCE and code replay', () => {
  attack(
    'RFC 9700 §4.7.1',
    'a callback carrying another state (login CSRF)',
    'state_mismatch',
    async () => {
      const browser = new Browser();
      const url = await callbackUrl(browser);
      url.searchParams.set('state', 'forged-state');
      expect(await problem(await browser.fetch(url))).toEqual({
        status: 400,
        code: 'state_mismatch',
      });
    },
  );

  attack(
    'RFC 9700 §4.7.1',
    'a callback in a browser that did not start the login (session fixation)',
    'login_transaction_missing',
    async () => {
      const url = await callbackUrl(new Browser());
      expect(await problem(await new Browser().fetch(url))).toEqual({
        status: 400,
        code: 'login_transaction_missing',
      });
    },
  );

  attack(
    'OIDC Core §3.1.3.7',
    'an ID token whose nonce is not the one this login sent',
    'nonce_mismatch',
    async () => {
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
    },
  );

  attack(
    'RFC 9700 §4.4 / RFC 9207',
    'a callback whose iss names another provider',
    'issuer_mix_up',
    async () => {
      const browser = new Browser();
      const url = await callbackUrl(browser);
      url.searchParams.set('iss', 'https://evil-idp.example');
      expect(await problem(await browser.fetch(url))).toEqual({
        status: 400,
        code: 'issuer_mix_up',
      });
    },
  );

  attack(
    'RFC 9700 §4.4 / RFC 9207',
    'a callback stripped of iss from a provider that sends it',
    'issuer_mix_up',
    async () => {
      const browser = new Browser();
      const url = await callbackUrl(browser);
      url.searchParams.delete('iss');
      expect(await problem(await browser.fetch(url))).toEqual({
        status: 400,
        code: 'issuer_mix_up',
      });
    },
  );

  attack(
    'RFC 9700 §4.5',
    'an authorization code the attacker already redeemed',
    'code_rejected',
    async () => {
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
      expect(await problem(await browser.fetch(url))).toEqual({
        status: 400,
        code: 'code_rejected',
      });
    },
  );

  attack(
    'RFC 9700 §4.3',
    'a callback URL replayed from history with its login cookie',
    'state_reused',
    async () => {
      const browser = new Browser();
      const url = await callbackUrl(browser);
      const loginCookie = browser.cookies.get('city-login');
      const first = await browser.fetch(url);
      expect(first.status).toBe(303);
      const attacker = new Browser();
      if (loginCookie) attacker.cookies.set('city-login', loginCookie);
      expect(await problem(await attacker.fetch(url))).toEqual({
        status: 400,
        code: 'state_reused',
      });
    },
  );
});

describe('PKCE downgrade', () => {
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

  attack(
    'RFC 9700 §4.8',
    'an authorization request without code_challenge (dev IdP)',
    'invalid_request',
    async () => {
      const back = await authorize({});
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.get('error_description')).toMatch(/PKCE/);
    },
  );

  attack(
    'RFC 9700 §4.8',
    'PKCE downgraded to code_challenge_method=plain (dev IdP)',
    'invalid_request',
    async () => {
      const back = await authorize({
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'plain',
      });
      expect(back.searchParams.get('error')).toBe('invalid_request');
    },
  );

  attack(
    'RFC 9700 §2.1.1',
    'the login route never offers anything but PKCE S256',
    'S256 sent',
    async () => {
      const response = await fetch(`${t.origin}/auth/login`, { redirect: 'manual' });
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('code_challenge_method')).toBe('S256');
      expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    },
  );

  attack('RFC 9700 §4.8', 'a provider whose metadata drops S256', 'pkce_unsupported', async () => {
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

describe('Open redirects', () => {
  const refused = (returnTo: string) => async () => {
    const response = await fetch(
      `${t.origin}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
      {
        redirect: 'manual',
      },
    );
    expect(await problem(response)).toEqual({ status: 400, code: 'unsafe_return_path' });
  };
  attack(
    'RFC 9700 §4.11',
    'returnTo=//evil.example (protocol-relative)',
    'unsafe_return_path',
    refused('//evil.example'),
  );
  attack(
    'RFC 9700 §4.11',
    'returnTo=/\\evil.example (backslash)',
    'unsafe_return_path',
    refused('/\\evil.example'),
  );
  attack(
    'RFC 9700 §4.11',
    'returnTo=https://evil.example (absolute)',
    'unsafe_return_path',
    refused('https://evil.example'),
  );
  attack(
    'RFC 9700 §4.11',
    'returnTo=javascript:alert(1)',
    'unsafe_return_path',
    refused('javascript:alert(1)'),
  );
  attack(
    'RFC 9700 §4.11',
    'returnTo=/.//evil.example (normalizes to protocol-relative)',
    'unsafe_return_path',
    refused('/.//evil.example'),
  );
  attack(
    'RFC 9700 §4.11',
    'returnTo=/a/..//evil.example (dot segments)',
    'unsafe_return_path',
    refused('/a/..//evil.example'),
  );
  attack(
    'RFC 9700 §4.11',
    'returnTo with an encoded newline stays a same-origin path',
    'same-origin 302',
    async () => {
      const response = await fetch(
        `${t.origin}/auth/login?returnTo=${encodeURIComponent('/%0a/evil')}`,
        {
          redirect: 'manual',
        },
      );
      expect(response.status).toBe(302);
    },
  );
});

describe('Session cookies, sign-out and timeouts', () => {
  attack(
    'RFC 6265 §8.6',
    'a session cookie with one ciphertext bit flipped',
    'session_invalid',
    async () => {
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
    },
  );

  attack(
    'RFC 6265 §8.6',
    'a session cookie forged with another secret',
    'session_invalid',
    async () => {
      const browser = await signedIn();
      const other = await createSealer(['another-secret-of-at-least-32-characters'], 'case-desk');
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
    },
  );

  attack(
    'OIDC Back-Channel Logout §2.7',
    'a cookie copied before the IdP ended the session',
    'session_revoked',
    async () => {
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
    },
  );

  attack(
    'OIDC Back-Channel Logout §2.6',
    'a logout token signed by a key the IdP does not publish',
    'logout_token_invalid',
    async () => {
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
    },
  );

  attack(
    'OWASP ASVS V3.3.1',
    'a cookie copied before sign-out, replayed after',
    'session_revoked',
    async () => {
      const browser = await signedIn();
      const copied = browser.cookies.get('city-session');
      const out = await browser.fetch(`${t.origin}/auth/logout`, {
        method: 'POST',
        headers: csrf(),
      });
      expect(out.status).toBe(200);
      expect((await out.json()).logoutUrl).toContain('/session/end');
      const replay = new Browser();
      if (copied) replay.cookies.set('city-session', copied);
      expect(await problem(await replay.fetch(`${t.origin}/api/me`))).toEqual({
        status: 401,
        code: 'session_revoked',
      });
    },
  );

  attack('OWASP ASVS V3.3.2', 'a session idle past idleTimeout', 'session_expired', async () => {
    const browser = await signedIn();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60 * 1000);
    expect(await problem(await browser.fetch(`${t.origin}/api/me`))).toEqual({
      status: 401,
      code: 'session_expired',
    });
  });

  attack(
    'OWASP ASVS V3.3.4',
    'an active session past absoluteTimeout',
    'session_expired',
    async () => {
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
    },
  );
});

describe('CSRF on state-changing routes', () => {
  attack(
    'RFC 9700 §4.7',
    'a state-changing POST without Origin or the CSRF header',
    'csrf_rejected',
    async () => {
      const browser = await signedIn();
      expect(
        await problem(await browser.fetch(`${t.origin}/api/cases`, { method: 'POST' })),
      ).toEqual({ status: 403, code: 'csrf_rejected' });
    },
  );

  attack(
    'RFC 9700 §4.7',
    'a state-changing POST from another origin',
    'csrf_rejected',
    async () => {
      const browser = await signedIn();
      const response = await browser.fetch(`${t.origin}/api/cases`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'x-city-csrf': '1' },
      });
      expect(await problem(response)).toEqual({ status: 403, code: 'csrf_rejected' });
    },
  );

  attack(
    'RFC 9700 §4.7',
    'a plain HTML form POST without the CSRF header',
    'csrf_rejected',
    async () => {
      const browser = await signedIn();
      const response = await browser.fetch(`${t.origin}/api/cases`, {
        method: 'POST',
        headers: { origin: t.origin },
      });
      expect(await problem(response)).toEqual({ status: 403, code: 'csrf_rejected' });
    },
  );

  attack('RFC 9700 §4.7', 'a cross-site forced sign-out', 'csrf_rejected', async () => {
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

describe('Refresh-token reuse', () => {
  attack(
    'RFC 9700 §4.14.2',
    'concurrent refreshes that would replay a rotated refresh token',
    'one token request',
    async () => {
      const browser = await signedIn();
      const before = tokenRequests;
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          browser.fetch(`${t.origin}/auth/refresh`, { method: 'POST', headers: csrf() }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(tokenRequests - before).toBe(1);
      expect(t.events.some((e) => e.action === 'auth.refresh' && e.outcome === 'success')).toBe(
        true,
      );
    },
  );

  attack(
    'RFC 9700 §4.14.2',
    'a stolen refresh token used first (rotation and reuse detection)',
    'refresh_failed',
    async () => {
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
      expect((await problem(await browser.fetch(`${t.origin}/api/me`))).code).toBe(
        'session_revoked',
      );
    },
  );
});

describe('Step-up authentication', () => {
  attack(
    'RFC 9470',
    'a password sign-in on a route requiring MFA',
    'step_up_required',
    async () => {
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
    },
  );
});

describe('Redirects and responses (RFC 9700 §4)', () => {
  async function authorizeAt(params: Record<string, string>) {
    const login = await fetch(`${t.origin}/auth/login`, { redirect: 'manual' });
    const url = new URL(login.headers.get('location') ?? '');
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return fetch(url, { redirect: 'manual' });
  }

  attack(
    'RFC 9700 §4.1',
    'an authorization request with an unregistered redirect_uri (dev IdP)',
    'refused (no redirect)',
    async () => {
      const response = await authorizeAt({ redirect_uri: 'https://evil.example/callback' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    },
  );

  attack(
    'RFC 9700 §4.2 / RFC 9700 §4.3',
    'the callback forwards code and state to the next page (Referer, history)',
    '303 to a path',
    async () => {
      const browser = new Browser();
      const url = await callbackUrl(browser, 'pwd-clerk', '/api/me');
      const response = await browser.fetch(url);
      expect(response.status).toBe(303);
      const next = new URL(response.headers.get('location') ?? '');
      expect(next.origin).toBe(t.origin);
      expect(next.search).toBe('');
      expect(response.headers.get('cache-control')).toBe('no-store');
    },
  );

  attack(
    'RFC 9700 §4.5',
    "an attacker's authorization code injected into the victim's callback",
    'code_rejected',
    async () => {
      const attacker = new Browser();
      const stolen = await callbackUrl(attacker);
      const victim = new Browser();
      const own = await callbackUrl(victim);
      own.searchParams.set('code', stolen.searchParams.get('code') ?? '');
      expect(await problem(await victim.fetch(own))).toEqual({
        status: 400,
        code: 'code_rejected',
      });
    },
  );

  attack(
    'RFC 9700 §4.12',
    'a POST to the callback (a 307 would re-post a form body)',
    'refused (404)',
    async () => {
      const browser = new Browser();
      const url = await callbackUrl(browser);
      const response = await browser.fetch(url, { method: 'POST', body: 'password=secret' });
      expect(response.status).toBe(404);
      const login = await fetch(`${t.origin}/auth/login`, { redirect: 'manual' });
      expect(login.status).toBe(302);
    },
  );

  attack(
    'RFC 9700 §4.16',
    "the dev IdP's login page framed by another site",
    'frame-ancestors',
    async () => {
      const { response } = await new Browser().follow(`${t.origin}/auth/login`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    },
  );

  attack(
    'RFC 9700 §4.18',
    'an error response from the provider is reported, never followed',
    'provider_error',
    async () => {
      const browser = new Browser();
      const url = await callbackUrl(browser);
      url.searchParams.delete('code');
      url.searchParams.set('error', 'access_denied');
      url.searchParams.set('error_uri', 'https://evil.example/phish');
      const response = await browser.fetch(url);
      expect(response.headers.get('location')).toBeNull();
      expect(await problem(response)).toEqual({ status: 400, code: 'provider_error' });
    },
  );

  attack(
    'RFC 9700 §4.6',
    'an access token injected by the browser to a session route (bearer off)',
    'token_missing',
    async () => {
      const response = await fetch(`${t.origin}/api/me`, {
        headers: { authorization: 'Bearer stolen.access.token' },
      });
      expect(await problem(response)).toEqual({ status: 401, code: 'token_missing' });
    },
  );
});

describe('State, nonce, PKCE and code replay', () => {
  attack(
    'RFC 9700 §4.5 / RFC 6749 §10.5',
    'one callback replayed five times in parallel (race on the one-time login)',
    'state_reused',
    async () => {
      const browser = new Browser();
      const url = await callbackUrl(browser);
      const cookie = browser.cookieHeader(url);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => fetch(url, { headers: { cookie }, redirect: 'manual' })),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([303, 400, 400, 400, 400]);
      const codes = await Promise.all(
        responses.filter((r) => r.status === 400).map(async (r) => (await r.json()).code),
      );
      expect(new Set(codes)).toEqual(new Set(['state_reused']));
    },
  );
});

describe('Login CSRF and session fixation', () => {
  attack(
    'RFC 9700 §4.7 / OWASP ASVS V3.2.1',
    "an attacker's session cookie planted before the victim signs in",
    'new session issued',
    async () => {
      const attacker = await signedIn('pwd-clerk');
      const planted = attacker.cookies.get('city-session');
      if (!planted) throw new Error('no session cookie');
      const victim = new Browser();
      victim.cookies.set('city-session', planted);
      const { response } = await signInAs(
        victim,
        `${t.origin}/auth/login?returnTo=/api/me`,
        'pwd-case-manager',
      );
      expect((await response.json()).principal.sub).toBe('pwd-case-manager');
      const before = await sessionOf(attacker);
      const after = await sessionOf(victim);
      expect(after.idToken).not.toBe(before.idToken);
      expect((after as unknown as { id: string }).id).not.toBe(
        (before as unknown as { id: string }).id,
      );
    },
  );
});
