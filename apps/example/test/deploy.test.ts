// Deployable: the compiled server starts with plain node and stops on SIGTERM (the Dockerfile's
// build and start commands, run here outside Docker), production configuration is refused when
// unsafe, every response carries the security headers, health and readiness answer, logs are
// JSON with a request id, floods are rate limited without filling the audit log, and shutdown
// delivers the audit outbox.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../src/server/config';
import { buildClient } from './buildClient';
import { HttpBrowser, startDesk, type TestDesk } from './helpers';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

describe('production configuration is refused when unsafe', () => {
  const base = {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://casedesk.example.gov',
    SESSION_SECRET: 'x'.repeat(40),
    AUDIT_SIGNING_KEY:
      '-----BEGIN PRIVATE KEY-----\n(from the secret store)\n-----END PRIVATE KEY-----',
    OIDC_ISSUER: 'https://sso.example.gov',
    OIDC_CLIENT_ID: 'case-desk',
  };
  const read = (env: NodeJS.ProcessEnv) => readConfig(env, { dataDir: 'memory' });

  it('accepts https, a secret and a real issuer, and seeds nothing', () => {
    expect(read(base)).toMatchObject({ production: true, seedCount: 0 });
  });
  it.each([
    ['no PUBLIC_URL', { PUBLIC_URL: undefined }, /PUBLIC_URL must be set/],
    ['an http PUBLIC_URL', { PUBLIC_URL: 'http://casedesk.example.gov' }, /must be https/],
    ['no SESSION_SECRET', { SESSION_SECRET: undefined }, /SESSION_SECRET must be set/],
    ['no AUDIT_SIGNING_KEY', { AUDIT_SIGNING_KEY: undefined }, /AUDIT_SIGNING_KEY must be set/],
    ['no OpenID issuer (the dev IdP)', { OIDC_ISSUER: undefined }, /OIDC_ISSUER must name/],
  ])('refuses %s', (_name, change, message) => {
    expect(() => read({ ...base, ...change })).toThrow(message);
  });
  it('allows exactly http://localhost and http://127.0.0.1 to test a production build', () => {
    expect(read({ ...base, PUBLIC_URL: 'http://localhost:3000' }).production).toBe(true);
    expect(read({ ...base, PUBLIC_URL: 'http://127.0.0.1:8080' }).production).toBe(true);
    expect(() => read({ ...base, PUBLIC_URL: 'http://localhost.evil.example' })).toThrow();
  });
});

describe('a running desk', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    await buildClient();
    desk = await startDesk(20);
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('sends the security headers on every response: the page, a static file, the API, health', async () => {
    const html = await fetch(`${desk.url}/index.html`);
    const page = await html.text();
    const asset = page.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? '';
    expect(asset).not.toBe('');
    for (const path of ['/', '/index.html', '/cases/123', asset, '/api/cases', '/healthz']) {
      const response = await fetch(`${desk.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
      // HSTS only over https; this desk is on http://localhost.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
      await response.body?.cancel();
    }
  });

  it('answers /healthz and /readyz (database, identity provider, audit store)', async () => {
    expect((await fetch(`${desk.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${desk.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', identityProvider: 'ok', auditStore: 'ok' },
    });
  });

  it('logs JSON lines with the request id it returns, and no query strings', async () => {
    const response = await fetch(`${desk.url}/api/cases?neighborhood=Secret%20Street`, {
      headers: { 'x-request-id': 'test-request-0001' },
    });
    expect(response.headers.get('x-request-id')).toBe('test-request-0001');
    const line = desk.logs
      .map((l) => JSON.parse(l) as { req?: { id: string; path: string } })
      .find((l) => l.req?.id === 'test-request-0001');
    expect(line?.req?.path).toBe('/api/cases');
    expect(desk.logs.join('\n')).not.toContain('Secret');
    const generated = (await fetch(`${desk.url}/healthz`)).headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('rate limits and shutdown', () => {
  it('answers a flood with 429 problem+json, and the flood does not write an audit event each', async () => {
    const desk = await startDesk(5, {
      RATE_LIMIT_API_PER_MINUTE: '10',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '3',
    });
    try {
      const anonymous = new HttpBrowser(desk.url);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await anonymous.api('/api/cases');
        statuses.push(r.status);
        if (r.status === 429) {
          expect(r.headers.get('content-type')).toMatch(/problem\+json/);
          expect(r.headers.get('retry-after')).toBe('60');
        }
        await r.body?.cancel();
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      await desk.log.flush();
      const api = await desk.log.store.query({ limit: 1000 });
      expect(api.events.filter((e) => e.action.startsWith('api.')).length).toBeLessThanOrEqual(10);
      const logins = [];
      for (let i = 0; i < 5; i++) logins.push((await anonymous.fetch('/auth/login')).status);
      expect(logins.slice(3)).toEqual([429, 429]);
    } finally {
      await desk.close();
    }
  });

  it('drains the audit outbox when it shuts down', async () => {
    const desk = await startDesk(5);
    desk.outbox.stop();
    await desk.db.transaction((tx) =>
      desk.outbox.add(tx, {
        actor: { type: 'system', id: 'test' },
        action: 'case.update',
        target: { type: 'ServiceRequest', id: '1' },
        outcome: 'success',
      }),
    );
    const drain = vi.spyOn(desk.outbox, 'drain');
    await desk.close();
    expect(drain).toHaveBeenCalled();
    expect(await drain.mock.results[0]?.value).toBe(1);
  });
});

describe('the compiled server (the Dockerfile’s build and start commands, run outside Docker)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('builds, starts with plain node (no tsx), serves, and exits 0 on SIGTERM', async () => {
    const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
    expect(dockerfile).toContain('npm run build --workspace @cityofboston/example');
    expect(dockerfile).toMatch(/CMD \["node", "apps\/example\/dist\/server\/main\.js"\]/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).not.toContain('tsx');
    await run('npx', ['tsup', '--config', 'tsup.server.config.ts', '--silent'], { cwd: APP_DIR });
    const started = Date.now();
    child = spawn(process.execPath, ['dist/server/main.js'], {
      cwd: APP_DIR,
      env: {
        ...process.env,
        DATABASE_URL: '',
        PORT: '0',
        CASE_DESK_DATA_DIR: 'memory',
        CASE_DESK_SEED_COUNT: '20',
        CASE_DESK_CLIENT_DIR: fileURLToPath(new URL('../dist/test-client', import.meta.url)),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line: ${out}`)), 60_000);
      child?.stdout?.on('data', () => {
        const m = out.match(/running at (http:\/\/[^"\s]+)/);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const readyMs = Number(out.match(/"readyMs":(\d+)/)?.[1]);
    console.info(`compiled server ready in ${readyMs} ms (${Date.now() - started} ms wall)`);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
  });

  it('refuses to start in production without the required settings (exit 78, the reason)', async () => {
    const result = await run(process.execPath, ['dist/server/main.js'], {
      cwd: APP_DIR,
      env: { ...process.env, NODE_ENV: 'production', PUBLIC_URL: '', OIDC_ISSUER: '' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(78);
    expect((result as { stderr: string }).stderr).toMatch(
      /Refusing to start with NODE_ENV=production/,
    );
  });
});
