// Production mode against a real issuer in another process: the dev IdP's command
// (`city-dev-idp`) stands in for the City's identity provider, and the app is configured only
// from the environment, as in production. No in-process dev IdP may start.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { generateCheckpointKeys } from '@cityofboston/audit-log';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppInfo, readConfig } from '../src/server/config';
import { createServer, type RunningApp } from '../src/server/createServer';
import { buildClient, checkpointDir, launchBrowser } from './helpers';

const require = createRequire(import.meta.url);
let idp: ChildProcess;
let app: RunningApp;
let browser: Browser;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

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

beforeAll(async () => {
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
  const config = readConfig({
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: origin,
    DATA_DIR: 'memory',
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: info.name,
    OIDC_CLIENT_SECRET: clientSecret,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    // As a secret store hands it over: one line, newlines escaped.
    AUDIT_SIGNING_KEY: generateCheckpointKeys().privateKey.replaceAll('\n', '\\n'),
    AUDIT_CHECKPOINT_DIR: checkpointDir(),
  });
  const clientDir = await buildClient();
  // As in production: the auth client refuses sign-outs kept in memory there
  // (`durable_store_required`), so this also proves the app's session store is durable.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    app = await createServer(config, info, { clientDir, log: () => {} });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  idp?.kill();
});

describe('production mode with the issuer in another process', () => {
  it('starts no dev IdP of its own', () => {
    expect(app.idp).toBeUndefined();
  });

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
});
