// End to end in the provisioned Chromium (the Playwright library, never a downloaded browser):
// sign-in for each persona, roles in the UI and the API, closing and auditing, the chain,
// sharing, sign-out, axe (WCAG 2.2 AA) on every page and a keyboard-only run.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signInAt } from './browser';
import { buildClient } from './buildClient';
import { noteOf, startDesk, type TestDesk } from './helpers';

let desk: TestDesk;
let browser: Browser;
let openCases: string[];

beforeAll(async () => {
  await buildClient();
  desk = await startDesk(300);
  browser = await launchChromium();
  openCases = (
    await desk.cases.list({ status: 'open', department: 'PWD' }, { page: 1 }, 10)
  ).records.map((r) => r.service_request_id);
});
afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

/** The body rows of the cases list (the kit's DataTable), found by role as a reader finds them. */
const casesRows = (page: Page) =>
  page
    .getByRole('table', { name: /^Service requests/ })
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader'),
    });

const context = () => browser.newContext({ bypassCSP: true, acceptDownloads: true });

const signIn = (ctx: BrowserContext, personaId: string) => signInAt(desk.url, ctx, personaId);

const patch = (page: Page, id: string, body: unknown) =>
  page.evaluate(
    async ({ id, body }) => {
      const r = await fetch(`/api/cases/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-city-csrf': '1' },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as { code?: string } };
    },
    { id, body },
  );

describe('311 Case Desk in Chromium', () => {
  it('shows an accessible sign-in page', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${desk.url}/`);
    await page.getByRole('heading', { name: 'Sign in to the 311 Case Desk' }).waitFor();
    await expectAccessible(page, 'the sign-in page');
    await ctx.close();
  });

  it('signs in as each persona and shows who and which department', async () => {
    const personas = desk.personas.filter((p) => !p.id.includes('expired'));
    await Promise.all(
      personas.map(async (persona) => {
        const ctx = await context();
        const page = await signIn(ctx, persona.id);
        const header = await page.getByTestId('signed-in-as').textContent();
        expect(header).toContain(persona.department);
        expect(header).toContain(persona.name);
        await page.locator('h1').waitFor();
        await ctx.close();
      }),
    );
  });

  it('has no console errors under the real Content-Security-Policy (zod without JIT)', async () => {
    const ctx = await browser.newContext({ bypassCSP: false });
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
    };
    ctx.on('page', watch);
    const page = await signIn(ctx, 'pwd-case-manager');
    await casesRows(page).first().waitFor();
    await page.goto(`${desk.url}/cases/${openCases[4] ?? ''}`);
    await page.getByRole('button', { name: 'Add note' }).waitFor();
    await page.goto(`${desk.url}/share`);
    await page.locator('h1').waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('every page reflows at 320 px (400% zoom of 1280) with no horizontal scroll, and passes axe there', async () => {
    const pages: [string, string, string][] = [
      ['pwd-case-manager', '/cases', 'Cases'],
      ['pwd-case-manager', `/cases/${openCases[5] ?? ''}`, 'Case'],
      ['pwd-case-manager', '/share', 'Share'],
      ['pwd-case-manager', '/no-such-page', 'Page not found'],
      ['doit-auditor', '/audit', 'Audit trail'],
    ];
    for (const persona of ['pwd-case-manager', 'doit-auditor']) {
      const ctx = await context();
      const page = await signIn(ctx, persona);
      await page.setViewportSize({ width: 320, height: 640 });
      for (const [who, path, heading] of pages) {
        if (who !== persona) continue;
        await page.goto(`${desk.url}${path}`);
        await page.getByRole('heading', { level: 1, name: new RegExp(`^${heading}`) }).waitFor();
        await page.waitForLoadState('networkidle');
        const { width, wide } = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          // The outermost elements that stick out, so a failure names what to fix.
          wide: [...document.querySelectorAll<HTMLElement>('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(
              (e) =>
                !(
                  e.parentElement &&
                  e.parentElement.getBoundingClientRect().right > window.innerWidth + 1
                ),
            )
            .slice(0, 5)
            .map(
              (e) =>
                `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`,
            ),
        }));
        expect(width, `${path} at 320 px: ${wide.join(', ')}`).toBeLessThanOrEqual(320);
        await expectAccessible(page, `${path} at 320 px`);
      }
      await ctx.close();
    }
    const missing = await fetch(`${desk.url}/no-such-page`);
    expect(missing.status).toBe(404);
  });

  it('switches the kit’s strings to Spanish and back, and remembers the choice', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-clerk');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    expect(await page.locator('a', { hasText: 'Saltar al contenido principal' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('button', { name: 'English' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectAccessible(page, 'the cases list in Spanish');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await ctx.close();
  });

  it('signs in at the identity provider in the language chosen in the app', async () => {
    const ctx = await context();
    await ctx.addInitScript(() => window.localStorage.setItem('case-desk-language', 'es'));
    const page = await ctx.newPage();
    await page.goto(desk.url);
    await page.getByRole('button', { name: 'Sign in with City SSO' }).click();
    await page.waitForURL(/\/interaction\//);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.getByRole('button', { name: /^Iniciar sesión como Robin Intake/ }).waitFor();
    await ctx.close();
  });

  it('an expired account gets a clear refusal page, not the cases page', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-contractor-expired');
    await page.getByRole('heading', { name: 'Your account has expired' }).waitFor();
    expect(await page.getByText('The filters are not valid').count()).toBe(0);
    expect(await casesRows(page).count()).toBe(0);
    await expectAccessible(page, 'the expired-account page');
    await ctx.close();
  });

  it('a clerk sees masked contacts, no close button, and the API answers 403', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-clerk');
    await casesRows(page).first().waitFor();
    await page.getByText('Contact details are masked').first().waitFor();
    await expectAccessible(page, 'the cases list');
    const id = openCases[0] ?? '';
    await page.goto(`${desk.url}/cases/${id}`);
    await page.getByRole('button', { name: 'Add note' }).waitFor();
    expect(await page.getByRole('button', { name: 'Close case' }).count()).toBe(0);
    await expectAccessible(page, 'a case, as a clerk');
    const denied = await patch(page, id, { status: 'closed' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('close_forbidden');
    expect((await desk.cases.get(id))?.record.status).toBe('open');
    await ctx.close();
  });

  it('a case manager closes a case and the auditor sees it in the trail, then verifies the chain', async () => {
    const id = openCases[1] ?? '';
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-case-manager');
    await page.goto(`${desk.url}/cases/${id}`);
    await page.getByRole('button', { name: 'Close case' }).waitFor();
    await expectAccessible(page, 'a case, as a case manager');
    await page.getByLabel('Note').fill('Pothole filled and inspected.');
    await page.getByRole('button', { name: 'Close case' }).click();
    // A confirmation step first: nothing is sent until the manager confirms.
    const dialog = page.getByRole('alertdialog', { name: `Close case ${id}?` });
    await dialog.waitFor();
    expect((await desk.cases.get(id))?.record.status).toBe('open');
    await expectAccessible(page, 'the close confirmation');
    await dialog.getByRole('button', { name: 'Yes, close the case' }).click();
    await page.getByText('The case is closed.').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('closed');
    await ctx.close();

    const actx = await context();
    const audit = await signIn(actx, 'doit-auditor');
    await audit.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    await audit.getByLabel('Action').fill('case.close');
    await audit.getByLabel('Case number', { exact: true }).fill(id);
    await audit.getByRole('button', { name: 'Show events' }).click();
    const row = audit.locator('tr', { hasText: `ServiceRequest ${id}` }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Casey Manager');
    await audit.getByRole('button', { name: 'Verify the chain' }).click();
    await audit.getByText('The chain is intact').waitFor();
    expect(await audit.getByTestId('verify-result').textContent()).toMatch(/\d+ events verified/);
    await audit.getByLabel('Case number for the report').fill(id);
    await audit.getByRole('button', { name: 'Show who accessed it' }).click();
    await audit.getByText(/accesses to \d+ case/).waitFor();
    await expectAccessible(audit, 'the audit trail');
    await actx.close();
  });

  it('a share produces a redacted file whose manifest matches', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-case-manager');
    await page.getByRole('link', { name: 'Share data' }).click();
    await page.getByRole('heading', { name: 'Share data with another department' }).waitFor();
    await page.getByLabel('Agreement').selectOption('dsa-pwd-btd-street-planning');
    await page.getByTestId('share-count').waitFor();
    await page.getByLabel('Most records').fill('50');
    await page.getByRole('button', { name: 'Update the preview' }).click();
    await page.getByText('50 requests will leave').waitFor();
    await expectAccessible(page, 'the share preview');
    await page.getByRole('button', { name: 'Share under this agreement' }).click();
    await page.getByRole('button', { name: 'Yes, share them' }).click();
    const recordsLink = page.getByRole('link', { name: 'Download the records (JSON)' });
    await recordsLink.waitFor();
    await expectAccessible(page, 'the share result');
    const [recordsDownload] = await Promise.all([
      page.waitForEvent('download'),
      recordsLink.click(),
    ]);
    const [manifestDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the manifest (JSON)' }).click(),
    ]);
    const records = JSON.parse(await readFile(await recordsDownload.path(), 'utf8')) as Record<
      string,
      unknown
    >[];
    const manifest = JSON.parse(await readFile(await manifestDownload.path(), 'utf8')) as {
      recordCount: number;
      contentHash: string;
      agreementId: string;
      fields: { path: string; treatment: string }[];
    };
    expect(records).toHaveLength(50);
    expect(manifest.recordCount).toBe(50);
    expect(manifest.agreementId).toBe('dsa-pwd-btd-street-planning');
    expect(manifest.contentHash).toBe(
      `sha256:${createHash('sha256').update(canonical(records)).digest('hex')}`,
    );
    const text = JSON.stringify(records);
    expect(text).not.toMatch(/@example\.|"first_name"|"phone"|"description"|"address"/);
    expect(manifest.fields).toContainEqual(
      expect.objectContaining({ path: 'contact.email', treatment: 'pseudonymize' }),
    );
    await ctx.close();
  });

  it('sign-out ends the session', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-clerk');
    expect((await ctx.request.get(`${desk.url}/api/cases?pageSize=1`)).status()).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin !== desk.url);
    expect((await ctx.request.get(`${desk.url}/api/cases?pageSize=1`)).status()).toBe(401);
    const session = (await (await ctx.request.get(`${desk.url}/auth/session`)).json()) as {
      authenticated: boolean;
    };
    expect(session.authenticated).toBe(false);
    await ctx.close();
  });

  it('keyboard only: sign in, find a case, update it', async () => {
    const ctx = await context();
    await ctx.addInitScript(() => {
      for (const type of ['mousedown', 'pointerdown', 'mousemove']) {
        window.addEventListener(
          type,
          () => {
            (window as unknown as { mouseEvents: number }).mouseEvents =
              ((window as unknown as { mouseEvents?: number }).mouseEvents ?? 0) + 1;
          },
          true,
        );
      }
    });
    const page = await ctx.newPage();
    const id = openCases[2] ?? '';
    const tabTo = async (want: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          // The accessible name as a keyboard user hears it: a region named by a caption (the
          // table's scroll area) is its caption, not every cell inside it.
          const labelledBy = el.getAttribute('aria-labelledby');
          const name = labelledBy
            ? labelledBy
                .split(/\s+/)
                .map((ref) => document.getElementById(ref)?.textContent ?? '')
                .join(' ')
            : `${(el as HTMLInputElement).labels?.[0]?.textContent ?? ''} ${el.textContent ?? ''}`;
          return name.replace(/\s+/g, ' ').trim();
        });
        if (name.includes(want)) return;
      }
      throw new Error(`Tab never reached "${want}"`);
    };
    const noMouse = async () =>
      expect(
        await page.evaluate(() => (window as unknown as { mouseEvents?: number }).mouseEvents ?? 0),
      ).toBe(0);
    await page.goto(`${desk.url}/`);
    await page.getByRole('button', { name: 'Sign in with City SSO' }).waitFor();
    await tabTo('Sign in with City SSO');
    await noMouse();
    await page.keyboard.press('Enter');
    await page.locator('button[data-persona="pwd-clerk"]').waitFor();
    await tabTo('Sign in as Robin Intake');
    await noMouse();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${desk.url}/cases**`);
    await casesRows(page).first().waitFor();
    await tabTo('Case number');
    await page.keyboard.type(id);
    await tabTo('Apply filters');
    await page.keyboard.press('Enter');
    await page.getByText('of 1)').waitFor();
    await tabTo(id);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(`^Case ${id}`) }).waitFor();
    await tabTo('Note');
    await page.keyboard.type('Called back; crew scheduled.');
    await tabTo('Add note');
    await page.keyboard.press('Enter');
    await page.getByText('Your note was added.').waitFor();
    await noMouse();
    const stored = await desk.cases.get(id);
    const last = stored?.record.activities?.at(-1);
    expect(last && noteOf(last)).toBe('Called back; crew scheduled.');
    await ctx.close();
  });
});

/** RFC 8785 canonical JSON for plain JSON values (sorted keys, ECMAScript number form). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
