// The dev IdP's login page in a real Chromium: it passes axe (WCAG 2.2 AA tags) and a persona
// can be chosen with the keyboard alone, all the way back to the app.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper of the repository, without declarations
import { CHROMIUM_ARGS, requireChromium } from '../../../scripts/chromium.mjs';
import { startTestApp, type TestApp } from './helpers/app';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let t: TestApp;
let browser: Browser;
beforeAll(async () => {
  t = await startTestApp();
  browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** axe's violations on the page for the given rule tags, as `id: help` lines. */
async function axeViolations(page: Page, tags: string[]): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (values) => {
    const axe = (
      window as unknown as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; help: string }[] }> };
      }
    ).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values } });
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  }, tags);
}

describe('dev IdP login page in Chromium', () => {
  it('lists every persona and passes axe with the WCAG 2.2 AA rules', async () => {
    // The page's CSP forbids scripts; the test lets axe in.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${t.origin}/auth/login?returnTo=/api/me`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Sign in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const personas = await page
      .locator('button[data-persona]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-persona')));
    expect(personas).toEqual(t.idp.personas.map((p) => p.id));
    expect(
      await axeViolations(page, [
        'wcag2a',
        'wcag2aa',
        'wcag21a',
        'wcag21aa',
        'wcag22aa',
        'best-practice',
      ]),
    ).toEqual([]);
    await page.close();
  });

  it('signs in with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.origin}/auth/login?returnTo=/api/me`);
    await page.locator('h1').waitFor();
    // Tab to the third persona (the inspector), each stop a visible, focusable button.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-persona'))).toBe(
      'isd-inspector',
    );
    await Promise.all([page.waitForURL(`${t.origin}/api/me`), page.keyboard.press('Enter')]);
    const body = JSON.parse((await page.locator('body').textContent()) ?? '{}');
    expect(body.principal.sub).toBe('isd-inspector');
    await page.close();
  });

  it('speaks the language the app asks for (ui_locales), right to left for Arabic, under axe', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${t.origin}/auth/login?returnTo=/api/me&uiLocales=ar`);
    await page.locator('h1').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.title()).toContain('مزوّد الهوية');
    expect(await page.locator('p.note').textContent()).toContain('لا حاجة إلى كلمة مرور');
    expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])).toEqual([]);
    await page.close();
  });

  it("follows the browser's language when the app names none, and names the municipality", async () => {
    const context = await browser.newContext({ locale: 'es-US' });
    const page = await context.newPage();
    await page.goto(`${t.origin}/auth/login?returnTo=/api/me`);
    await page.locator('h1').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    // Chromium drops the bidi isolates around the name from document.title.
    expect(await page.title()).toBe(
      'Iniciar sesión: proveedor de identidad de desarrollo de City of Boston',
    );
    expect(await page.locator('button[data-persona] .who').first().textContent()).toMatch(
      /^Iniciar sesión como /,
    );
    await context.close();
  });

  it('passes only well-formed language tags on as ui_locales', async () => {
    const response = await fetch(
      `${t.origin}/auth/login?uiLocales=${encodeURIComponent('pt-BR <script> so x zh-Hant')}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location') ?? '');
    expect(target.searchParams.get('ui_locales')).toBe('pt-BR so zh-Hant');
    const none = await fetch(`${t.origin}/auth/login?uiLocales=${encodeURIComponent('<b>')}`, {
      redirect: 'manual',
    });
    expect(new URL(none.headers.get('location') ?? '').searchParams.has('ui_locales')).toBe(false);
  });
});
