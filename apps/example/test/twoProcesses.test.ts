// Two Case Desk processes (the compiled server, as production runs it) behind an imagined load
// balancer, with the dev IdP as a third process that both name as their issuer, on one
// PostgreSQL database with shared sessions. Sign in on one, sign out on the other: the IdP
// accepts the other instance's id_token_hint (one issuer, one set of keys), the sign-out
// completes and the session ends on both. PostgreSQL only (PGlite is single-process).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, TEST_CLIENT_DIR } from './buildClient';
import { HttpBrowser, signIn } from './helpers';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const withPostgres = Boolean(process.env.DATABASE_URL);

/** A port free right now on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const children: ChildProcess[] = [];
/** Starts `node <script>` with `env`; resolves with the first match of `ready` in its output. */
async function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<RegExpMatchArray> {
  const child = spawn(process.execPath, [script], {
    cwd: APP_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}: ${out}`)));
  });
}

describe.runIf(withPostgres)('two app processes and the dev IdP as a separate process', () => {
  const schema = `case_desk_t_${randomBytes(4).toString('hex')}`;
  let a: string;
  let b: string;

  beforeAll(async () => {
    await buildClient();
    await run('npx', ['tsup', '--config', 'tsup.server.config.ts', '--silent'], { cwd: APP_DIR });
    const [portA, portB] = [await freePort(), await freePort()];
    a = `http://127.0.0.1:${portA}`;
    b = `http://127.0.0.1:${portB}`;
    const secret = randomBytes(24).toString('base64url');
    const idp = await startProcess(
      'dist/server/devIdp.js',
      {
        NODE_ENV: 'test',
        DEV_IDP_PORT: '0',
        CASE_DESK_URLS: `${a},${b}`,
        OIDC_CLIENT_SECRET: secret,
      },
      /running at (http:\/\/127\.0\.0\.1:\d+)/,
    );
    const shared = {
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_SCHEMA: schema,
      SESSION_STORE: 'database',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      OIDC_ISSUER: idp[1],
      OIDC_CLIENT_ID: 'case-desk',
      OIDC_CLIENT_SECRET: secret,
      CASE_DESK_SEED_COUNT: '20',
      CASE_DESK_CLIENT_DIR: TEST_CLIENT_DIR,
      // With PostgreSQL the data dir only places the audit checkpoints: `memory` keeps them in memory.
      CASE_DESK_DATA_DIR: 'memory',
    };
    // One after the other: the first creates the schema, the second finds it.
    await startProcess(
      'dist/server/main.js',
      { ...shared, PORT: String(portA), PUBLIC_URL: a },
      /running at/,
    );
    await startProcess(
      'dist/server/main.js',
      { ...shared, PORT: String(portB), PUBLIC_URL: b },
      /running at/,
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
    if (process.env.DATABASE_URL) {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      for (const s of [schema, `${schema}_audit`]) {
        await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => {});
      }
      await client.end();
    }
  });

  it('signs in on one instance, signs out on the other, and the IdP completes the sign-out', async () => {
    // One browser: its cookies (the app's and the IdP's) go wherever it goes, as a real one's.
    const onA = new HttpBrowser(a);
    await signIn(onA, 'pwd-clerk');
    const onB = new HttpBrowser(b);
    for (const [name, value] of onA.cookies) onB.cookies.set(name, value);
    expect((await onB.api('/api/cases?pageSize=1')).status).toBe(200);

    // Sign-out reaches instance B: it ends the session and sends the browser to the IdP with
    // the ID token instance A received.
    const logout = await onB.api('/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(200);
    const { logoutUrl } = (await logout.json()) as { logoutUrl: string };
    expect(new URL(logoutUrl).searchParams.get('id_token_hint')).toBeTruthy();
    const confirm = await onB.follow(logoutUrl);
    const page = await confirm.response.text();
    expect(page).not.toContain('could not validate id_token_hint');
    expect(confirm.response.status, page).toBe(200);
    expect(page).toContain('Sign out of the development identity provider?');
    const action = page.match(/<form[^>]*id="op\.logoutForm"[^>]*action="([^"]+)"/)?.[1];
    const xsrf = page.match(/name="xsrf" value="([^"]+)"/)?.[1];
    expect(action && xsrf).toBeTruthy();
    const done = await onB.follow(new URL(action ?? '', confirm.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf ?? '', logout: 'yes' }).toString(),
    });
    // Back on instance B's home page, signed out there, on A, and at the IdP.
    expect(done.url.origin).toBe(b);
    expect(done.url.pathname).toBe('/');
    expect((await onA.api('/api/cases?pageSize=1')).status).toBe(401);
    expect((await onB.api('/api/cases?pageSize=1')).status).toBe(401);
    const again = await onA.follow('/auth/login?returnTo=/cases');
    expect(await again.response.text()).toContain('data-persona');
  });
});
