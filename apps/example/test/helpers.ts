// Shared test rig: one Case Desk per test file on a free port, with an in-memory PGlite (or a
// throwaway schema in PostgreSQL when DATABASE_URL is set), and a cookie-jar HTTP client that
// signs in through the dev IdP's real login page.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { SessionStore } from '@cityofboston/auth-client/server';
import type { ServiceRequestActivity } from '@cityofboston/standards-schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/server/config';
import { type CaseDesk, createCaseDesk } from '../src/server/createCaseDesk';

export const CLIENT_DIR = fileURLToPath(new URL('../dist/test-client', import.meta.url));

export interface TestDesk extends CaseDesk {
  logs: string[];
}

/** Starts a Case Desk seeded with `seed` requests (tests seed few: CASE_DESK_SEED_COUNT). */
export async function startDesk(seed = 300, env: NodeJS.ProcessEnv = {}): Promise<TestDesk> {
  const logs: string[] = [];
  const schema = `case_desk_t_${randomBytes(4).toString('hex')}`;
  const config = readConfig(
    {
      PORT: '0',
      CASE_DESK_DATA_DIR: 'memory',
      CASE_DESK_SEED_COUNT: String(seed),
      DATABASE_SCHEMA: schema,
      // Every request of a test file comes from one address; the rate-limit test sets its own.
      RATE_LIMIT_API_PER_MINUTE: '100000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      ...(process.env.SESSION_STORE ? { SESSION_STORE: process.env.SESSION_STORE } : {}),
      ...env,
    },
    { dataDir: 'memory' },
  );
  const desk = await createCaseDesk(config, {
    clientDir: CLIENT_DIR,
    logLine: (line) => logs.push(line),
  });
  const original = console.error;
  return {
    ...desk,
    logs,
    close: async () => {
      // The desk first (its shutdown drains the outbox into the schema), then its schemas.
      await desk.close();
      if (desk.db.kind === 'postgres' && config.databaseUrl) {
        const client = new pg.Client({ connectionString: config.databaseUrl });
        await client.connect();
        for (const s of [desk.cases.schema, `${desk.cases.schema}_audit`]) {
          await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => {});
        }
        await client.end();
      }
      console.error = original;
    },
  };
}

/** A minimal browser over HTTP: a cookie jar and manual redirects. */
export class HttpBrowser {
  readonly cookies = new Map<string, string>();
  readonly origin: string;
  constructor(origin: string) {
    this.origin = origin;
  }

  async fetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(input, this.origin);
    const headers = new Headers(init.headers);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async follow(
    input: string | URL,
    init: RequestInit = {},
  ): Promise<{ response: Response; url: URL }> {
    let url = new URL(input, this.origin);
    let response = await this.fetch(url, init);
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      const location = response.headers.get('location');
      if (!location) break;
      url = new URL(location, url);
      response = await this.fetch(url);
    }
    return { response, url };
  }

  /** The API as the signed-in person: JSON body, the CSRF header and the app's Origin. */
  api(
    path: string,
    init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      origin: this.origin,
      'x-city-csrf': '1',
      ...init.headers,
    };
    let body: string | undefined;
    if (init.raw !== undefined) body = init.raw;
    else if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    return this.fetch(path, {
      method: init.method ?? 'GET',
      headers,
      ...(body === undefined ? {} : { body }),
    });
  }
}

/** Signs `browser` in as `personaId` through the dev IdP's login page. */
export async function signIn(browser: HttpBrowser, personaId: string): Promise<void> {
  const start = await browser.follow('/auth/login?returnTo=/cases');
  if (start.response.status !== 200) throw new Error(`login page: ${start.response.status}`);
  const html = await start.response.text();
  const match = html.match(
    new RegExp(
      `<form method="post" action="([^"]+)">\\s*<input type="hidden" name="persona" value="${personaId}">`,
    ),
  );
  if (!match?.[1]) throw new Error(`persona ${personaId} is not on the login page`);
  const done = await browser.follow(new URL(match[1], start.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ persona: personaId }).toString(),
  });
  if (new URL(done.url).pathname !== '/cases') throw new Error(`sign-in ended at ${done.url}`);
}

/** A browser signed in as `personaId`. */
export async function as(desk: CaseDesk, personaId: string): Promise<HttpBrowser> {
  const browser = new HttpBrowser(desk.url);
  await signIn(browser, personaId);
  return browser;
}

/**
 * Two Case Desks behind an imagined load balancer: one `SESSION_SECRET`, the session store
 * `env` names, and the second signing in through the first's dev IdP.
 */
export async function startPair(
  env: NodeJS.ProcessEnv,
  seeds: [number, number] = [50, 0],
): Promise<[TestDesk, TestDesk]> {
  const shared = { SESSION_SECRET: randomBytes(32).toString('base64url'), ...env };
  const a = await startDesk(seeds[0], shared);
  try {
    const b = await startDesk(seeds[1], {
      ...shared,
      OIDC_ISSUER: a.idp?.issuer ?? '',
      OIDC_CLIENT_ID: 'case-desk',
      OIDC_CLIENT_SECRET: 'not-used-by-this-test',
    });
    return [a, b];
  } catch (error) {
    await a.close();
    throw error;
  }
}

/** Signs in on `a`, uses the session on `b`, signs out on `a`, and expects `b` to refuse it. */
export async function expectSessionShared(a: TestDesk, b: TestDesk): Promise<void> {
  const onA = await as(a, 'pwd-clerk');
  const onB = new HttpBrowser(b.url);
  for (const [name, value] of onA.cookies) onB.cookies.set(name, value);
  expect((await onB.api('/api/cases?pageSize=1')).status).toBe(200);
  expect((await onA.api('/auth/logout', { method: 'POST' })).status).toBe(200);
  expect((await onB.api('/api/cases?pageSize=1')).status).toBe(401);
}

/** What every shared `SessionStore` must do, for two instances' stores on one backend. */
export function describeSessionStoreContract(
  name: string,
  open: () => Promise<{ store: SessionStore; other: SessionStore; close?: () => Promise<void> }>,
  options: { runIf?: boolean } = {},
): void {
  describe.runIf(options.runIf ?? true)(`${name}: the SessionStore contract`, () => {
    let store: SessionStore;
    let other: SessionStore;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ store, other, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });

    it('shares values between instances', async () => {
      await store.set('session:a', { principal: { sub: 'u1' } }, 60);
      expect(await other.get('session:a')).toEqual({ principal: { sub: 'u1' } });
      await other.delete('session:a');
      expect(await store.get('session:a')).toBeUndefined();
    });

    it('forgets a value after its time to live', async () => {
      await store.set('ended:x', true, 0.05);
      await sleep(150);
      expect(await other.get('ended:x')).toBeUndefined();
    });

    it('setIfAbsent succeeds once per key across instances (one-time login state)', async () => {
      const results = await Promise.all([
        store.setIfAbsent('used-login:s1', true, 60),
        other.setIfAbsent('used-login:s1', true, 60),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      await store.set('used-login:s2', true, 0.05);
      await sleep(150);
      expect(await other.setIfAbsent('used-login:s2', true, 60)).toBe(true);
    });
  });
}

/** The note of a history entry (Boston's own work-plan steps carry none). */
export function noteOf(activity: ServiceRequestActivity): string | undefined {
  return 'note' in activity ? activity.note : undefined;
}
