// End to end in Chromium against the built app (`next start`), signed in through a real OpenID
// provider (the dev IdP, with the app's synthetic staff): sign-in, the list (a server component
// rendering the kit's DataTable), the form and the detail; axe (WCAG 2.2 A/AA) on every page; a
// keyboard-only flow; the API's problems; and, once the app has stopped, its audit log verified.
// The results are the evidence `npm run compliance` turns into the conformance report.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type DevIdp, startDevIdp } from '@cityofboston/auth-client/dev-idp';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppInfo } from '../src/server/config';
import { devPersonas } from '../src/server/devPersonas';
import {
  buildIfStale,
  freePort,
  type KeyboardEvidence,
  launchBrowser,
  type PageEvidence,
  type RunningNext,
  startNext,
  verifyAuditLog,
  writeEvidence,
} from './helpers';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let idp: DevIdp;
let app: RunningNext;
let browser: Browser;
const pages: PageEvidence[] = [];
const keyboard: KeyboardEvidence[] = [];

beforeAll(async () => {
  buildIfStale();
  const info = readAppInfo();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  idp = await startDevIdp({
    personas: devPersonas(info.department.code),
    clients: [
      {
        clientId: info.name,
        clientSecret,
        redirectUris: [`${origin}/auth/callback`],
        postLogoutRedirectUris: [`${origin}/`],
      },
    ],
  });
  app = await startNext(port, {
    APP_ENV: 'development',
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: info.name,
    OIDC_CLIENT_SECRET: clientSecret,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  writeEvidence(pages, keyboard);
  await browser?.close();
  await app?.stop();
  await idp?.close();
});

type AxeRule = {
  id: string;
  impact?: string | null;
  tags: string[];
  nodes: { target: string[] }[];
};

/** Runs axe on the page as it is now, keeps the outcome, and fails on any violation. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } })
      .axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags } });
  }, WCAG_A_AA);
  const r = result as Record<'violations' | 'passes' | 'incomplete' | 'inapplicable', AxeRule[]>;
  const brief = (rules: AxeRule[]) => rules.map((x) => ({ id: x.id, tags: x.tags }));
  pages.push({
    page: name,
    path: new URL(page.url()).pathname,
    violations: r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      tags: v.tags,
      targets: v.nodes.map((n) => n.target.join(' ')),
    })),
    passes: brief(r.passes),
    incomplete: brief(r.incomplete),
    inapplicable: brief(r.inapplicable),
  });
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    `axe on ${name}`,
  ).toEqual([]);
}

async function signIn(persona: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.url}/requests`);
  await page.getByRole('button', { name: 'Sign in with City SSO' }).click();
  await page.locator(`button[data-persona="${persona}"]`).click();
  await page.getByTestId('signed-in-as').waitFor();
  return page;
}

/**
 * The label or text of the focused control; empty when focus is on the page itself (Tab past
 * the last control leaves it on the body, whose text holds every name on the page: taking that
 * for the control pressed Enter on nothing, the keyboard flow's old flake).
 */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return '';
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
    return `${label ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`.trim();
  });
}

/** Presses Tab until the focused control has `name` as its label or text; fails after 40. */
async function tabTo(page: Page, name: RegExp, steps: string[]): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) {
      steps.push(`Tab to ${name.source}`);
      return;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}

describe('pages, each checked with axe', () => {
  it('the sign-in page, rendered on the server', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${app.url}/requests`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    // Server-rendered: the button is in the HTML before any script runs.
    expect(await response?.text()).toContain('Sign in with City SSO');
    await page.getByRole('heading', { level: 1, name: /Sign in/ }).waitFor();
    await expectAccessible(page, 'Sign in');
    await page.close();
  });

  it('the form, its errors, the detail and the list', async () => {
    const page = await signIn('staff');
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await expectAccessible(page, 'Requests (empty)');

    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'New request form');

    await page.getByRole('button', { name: 'Create request' }).click();
    await page.getByText('Write a title of at least 3 characters').first().waitFor();
    await expectAccessible(page, 'New request form with errors');

    await page.getByLabel('Title').fill('Broken bench at the library');
    await page.getByLabel('Details').fill('The second bench by the entrance has a loose slat.');
    await page.getByLabel('Requester’s name').fill('Pat Example');
    await page.getByLabel('Requester’s email').fill('pat@example.com');
    await page.getByRole('button', { name: 'Create request' }).click();
    await page.getByRole('heading', { level: 1, name: /^Request \d+$/ }).waitFor();
    await page.getByText('pat@example.com').waitFor();
    await expectAccessible(page, 'Request detail');

    await page.getByRole('link', { name: 'Back to requests' }).click();
    await page
      .getByRole('link', { name: /^Request \d+$/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'Requests (with records)');
    await page.context().close();
  });

  it('renders the list, the kit’s DataTable included, on the server', async () => {
    const page = await signIn('staff');
    const html = await (await page.request.get(`${app.url}/requests`)).text();
    // The table's rows and links are in the server's HTML, with the named date format applied.
    expect(html).toContain('Broken bench at the library');
    expect(html).toMatch(/href="\/requests\/\d+"/);
    // Only the shown columns reach the browser: no contact details or free text in the payload.
    expect(html).not.toContain('pat@example.com');
    expect(html).not.toContain('Pat Example');
    expect(html).not.toContain('loose slat');
    await page.context().close();
  });

  it('a viewer with internal clearance sees personal fields hidden', async () => {
    const page = await signIn('intern');
    await page
      .getByRole('link', { name: /^Request \d+$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Request \d+$/ }).waitFor();
    expect(await page.getByText('pat@example.com').count()).toBe(0);
    await page
      .getByText(/Hidden: your clearance/)
      .first()
      .waitFor();
    await expectAccessible(page, 'Request detail (redacted)');
    await page.context().close();
  });

  it('another department’s request is not found, and says so accessibly', async () => {
    const page = await signIn('outsider');
    const response = await page.goto(`${app.url}/requests/1`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectAccessible(page, 'Not found');
    await page.context().close();
  });
});

describe('keyboard only', () => {
  it('never takes the page itself for a control when focus leaves the last one', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'Sign in with City SSO' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await focusedName(page)).toBe('');
    await page.close();
  });

  it('signs in and creates a request without a pointer', async () => {
    const steps: string[] = [];
    const flow: KeyboardEvidence = { flow: 'Sign in and create a request', steps, passed: false };
    keyboard.push(flow);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await tabTo(page, /Sign in with City SSO/, steps);
    await page.keyboard.press('Enter');
    steps.push('Enter');
    await page.locator('button[data-persona="manager"]').waitFor();
    await tabTo(page, /Morgan Manager/, steps);
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-as').waitFor();
    // The links work before hydration; the form needs its script, so wait for the page to load.
    await page.waitForLoadState('networkidle');
    await tabTo(page, /^New request$/, steps);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
    await page.waitForLoadState('networkidle');
    for (const [label, text] of [
      [/^Title/, 'Graffiti on the bridge'],
      [/^Details/, 'Left side, facing the river.'],
      [/^Requester’s name/, 'Lee Example'],
      [/^Requester’s email/, 'lee@example.com'],
    ] as const) {
      await tabTo(page, label, steps);
      await page.keyboard.type(text);
      steps.push(`type into ${label.source}`);
    }
    await tabTo(page, /^Create request$/, steps);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Request \d+$/ }).waitFor();
    await page.getByText('Graffiti on the bridge').waitFor();
    flow.passed = true;
    await context.close();
  });
});

describe('the API (route handlers)', () => {
  it('answers 401 problem+json without a session', async () => {
    const res = await fetch(`${app.url}/api/requests`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('answers 400 with each field’s problem for a bad body', async () => {
    const page = await signIn('staff');
    const res = await page.request.post(`${app.url}/api/requests`, {
      headers: { 'x-city-csrf': '1', origin: app.url },
      data: { title: 'x', details: '', requesterEmail: 'not-an-email' },
    });
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(body.code).toBe('invalid_body');
    expect(body.errors.map((e) => e.path).sort()).toEqual(
      ['requesterEmail', 'requesterName', 'title'].sort(),
    );
    await page.context().close();
  });

  it('answers 400 invalid_json and 415 for bodies it cannot read', async () => {
    const page = await signIn('staff');
    const headers = { 'x-city-csrf': '1', origin: app.url };
    const bad = await page.request.post(`${app.url}/api/requests`, {
      headers: { ...headers, 'content-type': 'application/json' },
      data: Buffer.from('{"title":'),
    });
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('invalid_json');
    const form = await page.request.post(`${app.url}/api/requests`, {
      headers,
      form: { title: 'A form post' },
    });
    expect(form.status()).toBe(415);
    await page.context().close();
  });

  it('refuses a change without the CSRF header or from another origin (csrf_rejected)', async () => {
    const page = await signIn('staff');
    const data = {
      title: 'Sent from elsewhere',
      details: '',
      requesterName: 'Eve Example',
      requesterEmail: 'eve@example.com',
    };
    const refused = [
      await page.request.post(`${app.url}/api/requests`, { headers: { origin: app.url }, data }),
      await page.request.post(`${app.url}/api/requests`, {
        headers: { 'x-city-csrf': '1', origin: 'https://elsewhere.example' },
        data,
      }),
    ];
    for (const res of refused) {
      expect(res.status()).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('csrf_rejected');
    }
    await page.context().close();
  });

  it('hides another department’s request', async () => {
    const page = await signIn('outsider');
    const res = await page.request.get(`${app.url}/api/requests/1`);
    expect(res.status()).toBe(404);
    await page.context().close();
  });
});

describe('on stop', () => {
  it('closes its audit log, whose chain then verifies against the exported checkpoint', async () => {
    expect(await app.stop()).toBe(0);
    const audit = await verifyAuditLog(app.dataDir, app.checkpointDir);
    expect(audit.outboxPending).toBe(0);
    expect(audit.result.ok, audit.result.firstBad?.message).toBe(true);
    expect(audit.result.count).toBeGreaterThan(5);
    expect(audit.result.checkpointsChecked).toBeGreaterThan(0);
    expect(audit.checkpoint).toContain(audit.origin);
    // Without trust the library refuses to call the log verified; a forged checkpoint fails.
    expect(audit.withoutTrust).toBe('TRUST_REQUIRED');
    expect(audit.forgedAccepted).toBe(false);
    // Sign-outs and used logins live in the app database, not in memory.
    expect(audit.sessionsTable).toBe('app_sessions.city_auth_sessions');
  });
});
