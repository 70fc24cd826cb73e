// What the end-to-end tests share: the provisioned Chromium (never a downloaded browser),
// axe-core with the WCAG 2.2 AA tags, and signing in through the dev IdP's page.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const chromiumModule = fileURLToPath(new URL('../../../scripts/chromium.mjs', import.meta.url));
const { requireChromium, CHROMIUM_ARGS } = (await import(chromiumModule)) as {
  requireChromium(): string;
  CHROMIUM_ARGS: string[];
};

/** Launches Debian's Chromium (or `CHROMIUM_PATH`) headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
}

/** Runs axe with the WCAG 2.2 AA tags on the page as it is now; fails on any violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
  }, WCAG_22_AA);
  expect(violations, `axe on ${what}`).toEqual([]);
}

/** Signs in at `origin` as `personaId` through the dev IdP's page; resolves on the cases page. */
export async function signInAt(
  origin: string,
  ctx: BrowserContext,
  personaId: string,
): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Sign in with City SSO' }).click();
  await page.locator(`button[data-persona="${personaId}"]`).click();
  await page.waitForURL(`${origin}/cases**`);
  await page.getByTestId('signed-in-as').waitFor();
  return page;
}

/** Checks the page at `width` px: nothing wider than the viewport (names what sticks out), and axe. */
export async function expectReflowAndAxe(page: Page, what: string, width: number): Promise<void> {
  const { scroll, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .filter(
        (e) =>
          !(
            e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1
          ),
      )
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`,
      ),
  }));
  expect(scroll, `${what} at ${width} px: ${wide.join(', ')}`).toBeLessThanOrEqual(width);
  await expectAccessible(page, `${what} at ${width} px`);
}
