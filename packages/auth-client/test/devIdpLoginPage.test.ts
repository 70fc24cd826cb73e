// The dev IdP's login page in a real Chromium: it passes axe (WCAG 2.2 AA tags) and a persona
// can be chosen with the keyboard alone, all the way back to the app.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium } from 'playwright';
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
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(o: unknown): Promise<{ violations: { id: string; help: string }[] }> };
        }
      ).axe;
      return axe.run({
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
      });
    });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
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
});
