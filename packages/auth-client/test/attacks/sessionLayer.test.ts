// Attacks on the session layer the relying-party libraries do not provide: request bodies,
// durable sign-out across restarts and instances, RFC 7009 revocation, cookies bound to one app,
// and the production guards.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuthError } from '../../src/authError';
import { startDevIdp } from '../../src/devIdp';
import { createSealer } from '../../src/internal/seal';
import { createBff, MemorySessionStore, type PostgresSessionStore } from '../../src/server';
import { startTestApp, type TestApp } from '../helpers/app';
import { Browser, signInAs } from '../helpers/browser';
import { openSqlStore } from '../helpers/sqlStore';
import { attack } from './attack';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const MB = 1024 * 1024;
let t: TestApp;
let sql: { store: PostgresSessionStore; close(): Promise<void> };
// PGlite (without DATABASE_URL) can take tens of seconds to start on a loaded machine.
beforeAll(async () => {
  sql = await openSqlStore();
  t = await startTestApp({ store: sql.store });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sql?.close();
});

async function signedIn(persona = 'pwd-clerk') {
  const browser = new Browser();
  const { response } = await signInAs(browser, `${t.origin}/auth/login?returnTo=/api/me`, persona);
  expect(response.status).toBe(200);
  return browser;
}
const csrf = () => ({ origin: t.origin, 'x-city-csrf': '1' });
const cookieOf = (browser: Browser) => `city-session=${browser.cookies.get('city-session')?.value}`;

/** The same app after a restart, or another instance: a new BFF over the same store. */
const restarted = () =>
  createBff({
    issuer: t.idp.issuer,
    clientId: 'case-desk',
    clientSecret: 'case-desk-secret-for-tests-only',
    baseUrl: t.origin,
    secret: SECRET,
    store: sql.store,
  });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(isAuthError(error), String(error)).toBe(true);
    return (error as { code: string }).code;
  }
  throw new Error('the attack was accepted');
}

/** Streams `total` bytes to `path` over HTTP (chunked unless `declare`), watching memory. */
function postHuge(path: string, total: number, declare = false) {
  return new Promise<{ status: number; body: string; peakGrowth: number }>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const base = process.memoryUsage();
    const baseline = base.heapUsed + base.arrayBuffers;
    let peak = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - baseline);
    }, 2);
    const req = httpRequest(`${t.origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(declare ? { 'content-length': String(total) } : {}),
      },
    });
    let sent = 0;
    let done = false;
    const write = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      if (!done) req.end();
    };
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => {
        done = true;
        clearInterval(sampler);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, peakGrowth: peak });
      });
    });
    req.on('error', (error) => {
      if (!done) {
        clearInterval(sampler);
        reject(error);
      }
    });
    write();
  });
}

describe('Body size', () => {
  attack(
    'RFC 9110 §15.5.14 / CWE-400',
    'an unauthenticated 50 MB chunked POST to the back-channel logout route',
    'body_too_large',
    async () => {
      const { status, body, peakGrowth } = await postHuge('/auth/backchannel-logout', 50 * MB);
      expect(status).toBe(413);
      expect(JSON.parse(body).code).toBe('body_too_large');
      // Reading it whole would cost more than 100 MB (bytes, then a UTF-16 string).
      expect(peakGrowth).toBeLessThan(20 * MB);
    },
  );

  attack(
    'RFC 9110 §15.5.14 / CWE-400',
    'a 50 MB body declared in Content-Length, to any auth route',
    'body_too_large',
    async () => {
      const { status, body } = await postHuge('/auth/logout', 50 * MB, true);
      expect(status).toBe(413);
      expect(JSON.parse(body).code).toBe('body_too_large');
    },
  );

  attack(
    'RFC 9110 §15.5.14 / CWE-400',
    'a 50 MB stream to the fetch handler: read no further than the cap',
    'body_too_large',
    async () => {
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 50 * MB) return controller.close();
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const response = await t.bff.handle(
        new Request(`${t.origin}/auth/backchannel-logout`, {
          method: 'POST',
          body,
          duplex: 'half',
        } as RequestInit),
      );
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).code).toBe('body_too_large');
      expect(pulled).toBeLessThanOrEqual(64 * 1024 + 3 * chunk.byteLength);
    },
  );
});

describe('Session cookies, sign-out and timeouts', () => {
  attack(
    'OWASP ASVS V3.3.1',
    'a signed-out cookie replayed after the app restarts (shared store)',
    'session_revoked',
    async () => {
      const browser = await signedIn();
      const cookie = cookieOf(browser);
      expect(
        (await browser.fetch(`${t.origin}/auth/logout`, { method: 'POST', headers: csrf() }))
          .status,
      ).toBe(200);
      const code = await codeOf(
        restarted().getSession(new Request(`${t.origin}/api/me`, { headers: { cookie } })),
      );
      expect(code).toBe('session_revoked');
    },
  );

  attack(
    'OWASP ASVS V3.3.1',
    'a write with a signed-out cookie on another instance',
    'session_revoked',
    async () => {
      const browser = await signedIn('pwd-case-manager');
      const cookie = cookieOf(browser);
      expect(
        (await browser.fetch(`${t.origin}/auth/logout`, { method: 'POST', headers: csrf() }))
          .status,
      ).toBe(200);
      const result = await restarted()
        .requireAuth()
        .check(
          new Request(`${t.origin}/api/cases`, { method: 'POST', headers: { cookie, ...csrf() } }),
        );
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('session_revoked');
    },
  );

  attack(
    'RFC 7009 §2 / RFC 9700 §4.14',
    'the refresh token of a signed-out session, used at the IdP',
    'invalid_grant',
    async () => {
      const browser = await signedIn();
      const sealed = browser.cookies.get('city-session')?.value ?? '';
      const { refreshToken } = (
        await (await createSealer([SECRET], 'case-desk')).unseal(sealed, 'session')
      ).s as {
        refreshToken: string;
      };
      expect(refreshToken).toBeTruthy();
      expect(
        (await browser.fetch(`${t.origin}/auth/logout`, { method: 'POST', headers: csrf() }))
          .status,
      ).toBe(200);
      const meta = await (await fetch(`${t.idp.issuer}/.well-known/openid-configuration`)).json();
      const grant = await fetch(meta.token_endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from('case-desk:case-desk-secret-for-tests-only').toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      });
      expect(grant.status).toBe(400);
      expect((await grant.json()).error).toBe('invalid_grant');
    },
  );
});

describe('Cookie tampering and cross-app replay', () => {
  attack(
    'RFC 6265 §8.6',
    "another app's cookie, sealed with the same secret, replayed here",
    'session_invalid',
    async () => {
      const browser = await signedIn();
      const otherApp = createBff({
        issuer: t.idp.issuer,
        clientId: 'permit-desk',
        clientSecret: 'another-secret',
        baseUrl: t.origin,
        secret: SECRET,
        store: sql.store,
      });
      const code = await codeOf(
        otherApp.getSession(
          new Request(`${t.origin}/api/me`, { headers: { cookie: cookieOf(browser) } }),
        ),
      );
      expect(code).toBe('session_invalid');
    },
  );

  attack(
    'RFC 6265 §8.6',
    'a login-transaction cookie presented as a session cookie',
    'session_invalid',
    async () => {
      const login = await fetch(`${t.origin}/auth/login`, { redirect: 'manual' });
      const tx = (login.headers.getSetCookie()[0] ?? '').split(';')[0]?.split('=')[1] ?? '';
      const code = await codeOf(
        t.bff.getSession(
          new Request(`${t.origin}/api/me`, { headers: { cookie: `city-session=${tx}` } }),
        ),
      );
      expect(code).toBe('session_invalid');
    },
  );
});

describe('Production guards', () => {
  const withNodeEnv = async (value: string, fn: () => Promise<void>) => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = value;
    try {
      await fn();
    } finally {
      process.env.NODE_ENV = before;
    }
  };
  for (const value of ['Production', 'PRODUCTION', 'prod'] as const) void value;

  attack(
    'OWASP ASVS V14.1.1',
    'the dev IdP started with NODE_ENV=Production',
    'refused_in_production',
    async () => {
      await withNodeEnv('Production', async () =>
        expect(await codeOf(startDevIdp())).toBe('refused_in_production'),
      );
    },
  );
  attack(
    'OWASP ASVS V14.1.1',
    'the dev IdP started with NODE_ENV=PRODUCTION',
    'refused_in_production',
    async () => {
      await withNodeEnv('PRODUCTION', async () =>
        expect(await codeOf(startDevIdp())).toBe('refused_in_production'),
      );
    },
  );
  attack(
    'OWASP ASVS V14.1.1',
    'the dev IdP started with NODE_ENV=prod',
    'refused_in_production',
    async () => {
      await withNodeEnv('prod', async () =>
        expect(await codeOf(startDevIdp())).toBe('refused_in_production'),
      );
    },
  );
  attack(
    'OWASP ASVS V3.3.1',
    'createBff in production with sign-outs kept in memory only',
    'durable_store_required',
    async () => {
      await withNodeEnv('production', async () => {
        const options = {
          issuer: t.idp.issuer,
          clientId: 'case-desk',
          baseUrl: t.origin,
          secret: SECRET,
        };
        expect(await codeOf(Promise.resolve().then(() => createBff(options)))).toBe(
          'durable_store_required',
        );
        expect(
          await codeOf(
            Promise.resolve().then(() =>
              createBff({ ...options, store: new MemorySessionStore() }),
            ),
          ),
        ).toBe('durable_store_required');
        // A shared store is accepted.
        expect(createBff({ ...options, store: sql.store }).basePath).toBe('/auth');
      });
    },
  );

  it('the dev IdP starts outside development only with dangerouslyAllowOutsideDevelopment', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'staging';
    try {
      const idp = await startDevIdp({ dangerouslyAllowOutsideDevelopment: true });
      await idp.close();
    } finally {
      process.env.NODE_ENV = before;
    }
    for (const ok of [undefined, '', 'development', 'Test', 'DEVELOPMENT']) {
      if (ok === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = ok;
      try {
        const idp = await startDevIdp();
        await idp.close();
      } finally {
        process.env.NODE_ENV = before;
      }
    }
  });
});
