// Production mode against a real issuer in another process: the dev IdP's command
// (`city-dev-idp`) stands in for the City's identity provider, and the app is configured only
// from the environment, as the Docker image runs it (`next start` is NODE_ENV=production).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { generateCheckpointKeys } from '@cityofboston/audit-log';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppInfo } from '../src/server/config';
import {
  buildIfStale,
  freePort,
  launchBrowser,
  type RunningNext,
  startNext,
  testSecret,
} from './helpers';

const require = createRequire(import.meta.url);
let idp: ChildProcess;
let app: RunningNext;
let issuerUrl: string;
let browser: Browser;

/** Starts `city-dev-idp` as its own process and resolves with its issuer URL. */
function startIssuer(args: string[]): Promise<string> {
  const pkgFile = require.resolve('@cityofboston/auth-client/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin: Record<string, string> };
  const bin = join(dirname(pkgFile), pkg.bin['city-dev-idp'] ?? '');
  idp = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    idp.stdout?.on('data', (d: Buffer) => {
      out += d;
      const m = /issuer (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    idp.once('exit', (code) => reject(new Error(`city-dev-idp exited (${code}): ${out}`)));
  });
}

const production = (extra: Record<string, string>) => ({
  OIDC_CLIENT_ID: readAppInfo().name,
  SESSION_SECRET: testSecret(),
  // As a secret store hands it over: one line, newlines escaped.
  AUDIT_SIGNING_KEY: generateCheckpointKeys().privateKey.replaceAll('\n', '\\n'),
  ...extra,
});

beforeAll(async () => {
  buildIfStale();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const info = readAppInfo();
  const clientSecret = randomBytes(24).toString('base64url');
  const issuer = await startIssuer([
    '--port',
    '0',
    '--client-id',
    info.name,
    '--client-secret',
    clientSecret,
    '--redirect-uri',
    `${origin}/auth/callback`,
    '--post-logout-redirect-uri',
    `${origin}/`,
  ]);
  issuerUrl = issuer;
  app = await startNext(
    port,
    production({ PUBLIC_URL: origin, OIDC_ISSUER: issuer, OIDC_CLIENT_SECRET: clientSecret }),
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  idp?.kill();
});

describe('production mode with the issuer in another process', () => {
  it('signs a person in through the issuer, and the policy denies roles the app does not know', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/requests`);
    await page.getByRole('button', { name: 'Sign in with City SSO' }).click();
    // The issuer's own personas: a Public Works case manager has none of this app's roles.
    await page.locator('button[data-persona="pwd-case-manager"]').click();
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByRole('heading', { level: 1, name: 'No access' }).waitFor();
    const res = await page.request.get(`${app.url}/api/requests`);
    expect(res.status()).toBe(403);
    const cookies = await context.cookies();
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.every((c) => c.httpOnly)).toBe(true);
    await context.close();
  });

  it('sends a fresh nonce per page that only its own scripts carry, so an injected script is refused', async () => {
    const [first, second] = [await fetch(`${app.url}/`), await fetch(`${app.url}/`)];
    const policy = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]{22,})'/.exec(policy)?.[1] ?? '';
    expect(nonce).not.toBe('');
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain(`form-action 'self' ${new URL(issuerUrl).origin}`);
    expect(policy).not.toContain('unsafe-eval');
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    // A stored script in the page, as cross-site scripting would put it there: the browser
    // refuses it, and the page's own scripts (Next's inline payload among them) still run.
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) refused.push(m.text());
    });
    await page.route(`${app.url}/`, async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(
        '</body>',
        '<script>window.injected = true</script></body>',
      );
      await route.fulfill({ response: res, body });
    });
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'Sign in with City SSO' }).waitFor();
    await page.waitForFunction(() => 'next' in window || '__next_f' in window);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    expect(refused.length).toBe(1);
    // Chromium's wording: "Executing inline script violates ... 'script-src ...'".
    expect(refused[0]).toMatch(/inline script/i);
    expect(refused[0]).toContain('script-src');
    await page.close();
  });

  it('refuses to start without the City IdP, a session secret and an audit signing key', async () => {
    const port = await freePort();
    await expect(startNext(port, { OIDC_ISSUER: '' })).rejects.toThrow(
      /Cannot start: .*OIDC_ISSUER.*SESSION_SECRET.*AUDIT_SIGNING_KEY/s,
    );
  });

  it('refuses to start in development without an issuer, and says how to get the dev IdP', async () => {
    const port = await freePort();
    await expect(startNext(port, { APP_ENV: 'development', OIDC_ISSUER: '' })).rejects.toThrow(
      /Cannot start: OIDC_ISSUER is not set: start the app with `npm start`/,
    );
  });
});
