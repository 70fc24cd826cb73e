// Shared test rig: one Case Desk per test file on a free port, with an in-memory PGlite (or a
// throwaway schema in PostgreSQL when DATABASE_URL is set), and a cookie-jar HTTP client that
// signs in through the dev IdP's real login page.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
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
      if (desk.db.kind === 'postgres') {
        await desk.log.flush();
        await desk.db.query(`DROP SCHEMA IF EXISTS "${desk.cases.schema}" CASCADE`).catch(() => {});
        await desk.db
          .query(`DROP SCHEMA IF EXISTS "${desk.cases.schema}_audit" CASCADE`)
          .catch(() => {});
      }
      await desk.close();
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
