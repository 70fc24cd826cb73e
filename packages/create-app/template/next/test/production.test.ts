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
