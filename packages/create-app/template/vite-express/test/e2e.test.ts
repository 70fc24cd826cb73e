// End to end in Chromium: sign-in, the list, the form and the detail; axe (WCAG 2.2 A/AA) on
// every page; a keyboard-only flow; the API's problems; the audit log verified at the end.
// The results are the evidence `npm run compliance` turns into the conformance report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateCheckpointKeys, signCheckpointNote, verify } from '@cityofboston/audit-log';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../src/server/createServer';
import {
  buildClient,
  type KeyboardEvidence,
  launchBrowser,
  type PageEvidence,
  startApp,
  writeEvidence,
} from './helpers';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let app: RunningApp;
let browser: Browser;
const pages: PageEvidence[] = [];
const keyboard: KeyboardEvidence[] = [];

beforeAll(async () => {
  app = await startApp(await buildClient());
  browser = await launchBrowser();
});
afterAll(async () => {
  writeEvidence(pages, keyboard);
  await browser?.close();
  await app?.close();
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
  const context = await browser.newContext({ bypassCSP: true });
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
  it('the sign-in page', async () => {
    // bypassCSP lets the test inject axe; the app's own CSP stays as served.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${app.url}/`);
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
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'Requests (with records)');
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
});

describe('keyboard only', () => {
  it('never takes the page itself for a control when focus leaves the last one', async () => {
    const page = await browser.newPage({ bypassCSP: true });
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
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'Sign in with City SSO' }).waitFor();
    await tabTo(page, /Sign in with City SSO/, steps);
    await page.keyboard.press('Enter');
    steps.push('Enter');
    await page.locator('button[data-persona="manager"]').waitFor();
    await tabTo(page, /Morgan Manager/, steps);
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-as').waitFor();
    await tabTo(page, /^New request$/, steps);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
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

describe('the API', () => {
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

  it('hides another department’s request', async () => {
    const page = await signIn('outsider');
    const res = await page.request.get(`${app.url}/api/requests/1`);
    expect(res.status()).toBe(404);
    await page.context().close();
  });
});

describe('the audit log', () => {
  it('recorded the views and changes, and its chain verifies', async () => {
    await app.outbox.drain();
    expect(await app.outbox.pending()).toBe(0);
    await app.log.flush();
    // What an auditor holds: the verifier key and a signed checkpoint kept outside the log.
    const checkpoint = await app.log.checkpoint();
    expect(checkpoint?.note).toContain(app.audit.origin);
    const trust = { keys: [app.audit.verifierKey], origin: app.audit.origin };
    const result = await verify(app.log.store, { ...trust, trusted: [checkpoint?.note ?? ''] });
    expect(result.ok, result.firstBad?.message).toBe(true);
    expect(result.count).toBeGreaterThan(5);
    expect(result.checkpointsChecked).toBeGreaterThan(0);
    // Without trust the library refuses to call the log verified.
    await expect(verify(app.log.store, { keys: [], trusted: [] })).rejects.toMatchObject({
      code: 'TRUST_REQUIRED',
    });
  });

  it('refuses a checkpoint signed with another key', async () => {
    const other = generateCheckpointKeys();
    const forged = signCheckpointNote(
      { origin: app.audit.origin, size: 1, rootHash: Buffer.alloc(32).toString('base64') },
      [{ name: app.audit.origin, privateKey: other.privateKey }],
    );
    const result = await verify(app.log.store, {
      keys: [app.audit.verifierKey],
      trusted: [forged.note],
      origin: app.audit.origin,
    });
    expect(result.ok).toBe(false);
  });
});

describe('sessions', () => {
  it('keeps sign-outs and used logins in the app database, not in memory', async () => {
    const { rows } = await app.db.query<{ table: string | null }>(
      "SELECT to_regclass('app_sessions.city_auth_sessions')::text AS table",
    );
    expect(rows[0]?.table).toBe('app_sessions.city_auth_sessions');
  });
});
