// End to end in Chromium, the pages' own behaviour: the cases table sorted and paged by the
// server (sort buttons with aria-sort, first and last page by keyset, status as tags), the
// share page's filters, count, confirmation and CSV, focus after navigation, the City's fonts,
// the reason a hidden value gives, and the expiry warning. Each page passes axe at 1280 and
// 320 px.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectReflowAndAxe, launchChromium, signInAt } from './browser';
import { buildClient } from './buildClient';
import { startDesk, type TestDesk } from './helpers';

let desk: TestDesk;
let browser: Browser;

beforeAll(async () => {
  await buildClient();
  desk = await startDesk(120);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

const context = () => browser.newContext({ bypassCSP: true, acceptDownloads: true });
const signIn = (ctx: BrowserContext, personaId: string) => signInAt(desk.url, ctx, personaId);

const casesTable = (page: Page) => page.getByRole('table', { name: /^Service requests/ });
/** The case numbers of the rows shown, in order. */
const shownIds = (page: Page) =>
  casesTable(page)
    .getByRole('rowheader')
    .evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? ''));
/** Waits until the table shows the page the URL asks for (its caption changes with it). */
async function waitForRows(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction(
    (want) =>
      JSON.stringify(
        [...document.querySelectorAll('[role="rowheader"]')].map((c) => c.textContent?.trim()),
      ) === JSON.stringify(want),
    ids,
  );
}
/** Checks the page at 1280 and at 320 px (reflow and axe), then returns to 1280. */
async function bothWidths(page: Page, what: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, `${what} at 1280 px`);
  await page.setViewportSize({ width: 320, height: 640 });
  await expectReflowAndAxe(page, what, 320);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the cases table', () => {
  it('sorts on the server from the column headers, with aria-sort and status as tags', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-case-manager');
    await casesTable(page).getByRole('rowheader').first().waitFor();
    const requested = casesTable(page).getByRole('columnheader', { name: /Requested/ });
    expect(await requested.getAttribute('aria-sort')).toBe('descending');

    const status = casesTable(page).getByRole('columnheader', { name: /Status/ });
    await status.getByRole('button').click();
    await page.waitForURL(/sort=status/);
    const api = await ctx.request.get(`${desk.url}/api/cases?sort=status`);
    const expected = (
      (await api.json()) as { records: { service_request_id: string; status: string }[] }
    ).records;
    await waitForRows(
      page,
      expected.map((r) => r.service_request_id),
    );
    expect(await status.getAttribute('aria-sort')).toBe('ascending');
    expect(await requested.getAttribute('aria-sort')).toBe('none');
    // Ascending status: every closed case before every open one, as the server ordered them.
    const statuses = expected.map((r) => r.status);
    expect([...statuses].sort()).toEqual(statuses);
    // The status is a tag whose word says it (the colour only repeats it).
    const tags = await casesTable(page)
      .locator('.cob-tag')
      .evaluateAll((els) => els.map((e) => e.textContent));
    expect(tags).toEqual(statuses.map((s) => (s === 'closed' ? 'Closed' : 'Open')));

    await status.getByRole('button').click();
    await page.waitForURL(/sort=-status/);
    await page.waitForFunction(
      () =>
        document
          .querySelector('[role="columnheader"][aria-sort="descending"]')
          ?.textContent?.includes('Status') === true,
    );
    await bothWidths(page, 'the cases list sorted by status');
    await ctx.close();
  });

  it('goes to the last page and back by keyset, and to the first page', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-case-manager');
    await casesTable(page).getByRole('rowheader').first().waitFor();
    const firstPage = await shownIds(page);
    const all = (await desk.cases.list({ department: 'PWD' }, { page: 1 }, 100)).records.map(
      (r) => r.service_request_id,
    );
    const total = (await desk.cases.list({ department: 'PWD' }, { page: 1 }, 1)).total;
    expect(total).toBeLessThanOrEqual(100);
    const lastPageSize = total % 25 || 25;
    const pages = Math.ceil(total / 25);

    const first = page.getByRole('button', { name: 'First page' });
    expect(await first.getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('button', { name: 'Last page' }).click();
    await page.waitForURL(/last=true/);
    await waitForRows(page, all.slice(-lastPageSize));
    await page
      .getByRole('navigation', { name: 'Pagination' })
      .getByText(`Page ${pages} of ${pages}`)
      .waitFor();
    expect(
      await page.getByRole('button', { name: 'Last page' }).getAttribute('aria-disabled'),
    ).toBe('true');
    // Previous from the last page is the page before it, read by keyset.
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.waitForURL(/before=/);
    await waitForRows(page, all.slice(-lastPageSize - 25, -lastPageSize));
    await page
      .getByRole('navigation', { name: 'Pagination' })
      .getByText(`Page ${pages - 1} of ${pages}`)
      .waitFor();
    await bothWidths(page, 'a page reached by keyset');
    await first.click();
    await waitForRows(page, firstPage);
    await ctx.close();
  });
});

describe('sharing', () => {
  it('filters like the cases list, counts what leaves, confirms, and offers CSV with named fields', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-case-manager');
    await page.getByRole('link', { name: 'Share data' }).click();
    await page.getByRole('heading', { name: 'Share data with another department' }).waitFor();
    await page.getByLabel('Agreement').selectOption('dsa-pwd-btd-street-planning');
    await page.getByTestId('share-count').waitFor();
    // The same filters as the cases list, the neighborhood and service as choices.
    const facets = (await (await ctx.request.get(`${desk.url}/api/facets`)).json()) as {
      neighborhoods: string[];
    };
    const hood = facets.neighborhoods[0] ?? '';
    const neighborhood = page.getByLabel('Neighborhood');
    expect(await neighborhood.evaluate((e) => e.tagName)).toBe('SELECT');
    expect(await page.getByLabel('Service').evaluate((e) => e.tagName)).toBe('SELECT');
    await page.getByLabel('Status').selectOption('open');
    await neighborhood.selectOption(hood);
    await page.getByLabel('Requested from').fill('2000-01-01');
    await page.getByLabel('Requested to').fill('2099-12-31');
    await page.getByRole('button', { name: 'Update the preview' }).click();
    const matching = await desk.cases.count({
      department: 'PWD',
      status: 'open',
      neighborhood: hood,
      from: '2000-01-01',
      to: '2099-12-31',
    });
    expect(matching).toBeGreaterThan(0);
    await page.getByText(`${matching} requests will leave`).waitFor();
    // Fields by name, never by path.
    const fieldTable = page.getByRole('table', { name: 'What leaves, field by field' });
    await fieldTable.getByRole('rowheader', { name: 'Contact first name' }).waitFor();
    expect(await fieldTable.textContent()).not.toMatch(/contact\.|_name|\[\]/);

    const sharesBefore = (await desk.log.store.query({ action: 'share.export', limit: 1000 }))
      .events.length;
    await page.getByRole('button', { name: 'Share under this agreement' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Share ${matching} requests with BTD?` });
    await dialog.waitFor();
    await bothWidths(page, 'the share confirmation');
    // Nothing leaves before the confirmation; cancelling sends nothing.
    await dialog.getByRole('button', { name: 'Do not share' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(
      (await desk.log.store.query({ action: 'share.export', limit: 1000 })).events.length,
    ).toBe(sharesBefore);
    await page.getByRole('button', { name: 'Share under this agreement' }).click();
    await dialog.getByRole('button', { name: 'Yes, share them' }).click();
    const csvLink = page.getByRole('link', { name: 'Download the records (CSV)' });
    await csvLink.waitFor();
    await page.getByText(`${matching} records shared`).waitFor();
    await bothWidths(page, 'the share result');
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const [header = '', ...lines] = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(matching);
    expect(header).toContain('Case number');
    expect(header).toContain('Contact email');
    expect(header).not.toMatch(/contact\.|service_request_id/);
    expect(csv).not.toMatch(/@example\./);
    await ctx.close();
  });
});

describe('focus, fonts, hidden values and expiry', () => {
  it('moves focus to the page heading once the new page has loaded', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-case-manager');
    const link = casesTable(page).getByRole('rowheader').first().getByRole('link');
    const id = (await link.textContent())?.trim() ?? '';
    await link.click();
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^Case ${id}`) });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(
      new RegExp(`^Case ${id}`),
    );
    await page.getByRole('link', { name: 'Share data' }).click();
    await page.waitForFunction(
      () => document.activeElement?.textContent === 'Share data with another department',
    );
    await ctx.close();
  });

  it('loads the City’s fonts from its own origin: Montserrat headings', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const fontUrls: string[] = [];
    page.on('response', (r) => {
      if (/\.woff2?(\?|$)/.test(r.url()) && r.ok()) fontUrls.push(r.url());
    });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${desk.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const h1 = document.querySelector('h1') as HTMLElement;
      await document.fonts.load(`700 1em Montserrat`);
      return {
        family: getComputedStyle(h1).fontFamily,
        montserrat: document.fonts.check('700 1em Montserrat'),
        loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      };
    });
    expect(fonts.family).toMatch(/^"?Montserrat/);
    expect(fonts.montserrat).toBe(true);
    expect(fonts.loaded.join(',')).toMatch(/Montserrat/);
    expect(fontUrls.length).toBeGreaterThan(0);
    for (const url of fontUrls) expect(new URL(url).origin).toBe(desk.url);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a hidden value says why: the server’s reason beside the kit’s RedactedValue', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-clerk');
    await page.getByText('confidential, your clearance is internal').first().waitFor();
    const link = casesTable(page).getByRole('rowheader').first().getByRole('link');
    await link.click();
    const reporter = page.getByTestId('hidden-contact.email');
    await reporter.waitFor();
    expect(await reporter.textContent()).toContain('(confidential, your clearance is internal)');
    expect(await reporter.locator('.cob-redacted').count()).toBe(1);
    const description = page.getByTestId('hidden-description');
    expect(await description.textContent()).toContain('confidential, your clearance is internal');
    await bothWidths(page, 'a case with hidden values');
    await ctx.close();
  });

  it('warns an account that expires within 14 days, and not one with longer', async () => {
    const ctx = await context();
    const page = await signIn(ctx, 'pwd-contractor-ending');
    const warning = page.getByText('Your account expires soon');
    await warning.waitFor();
    expect(await page.getByText(/\(in 10 days\)/).count()).toBe(1);
    await bothWidths(page, 'the cases list with the expiry warning');
    await ctx.close();

    const later = await context();
    const other = await signIn(later, 'pwd-contractor');
    await casesTable(other).getByRole('rowheader').first().waitFor();
    expect(await other.getByText('Your account expires soon').count()).toBe(0);
    await later.close();
  });
});

describe('the audit trail', () => {
  it('pages from the newest and the oldest end and filters by a person’s name', async () => {
    // Some events by the case manager, so the name filter has something to find.
    const mctx = await context();
    const manager = await signIn(mctx, 'pwd-case-manager');
    await casesTable(manager).getByRole('rowheader').first().waitFor();
    for (let i = 0; i < 30; i++) await mctx.request.get(`${desk.url}/api/cases?pageSize=1`);
    await mctx.close();
    await desk.log.flush();

    const ctx = await context();
    const page = await signIn(ctx, 'doit-auditor');
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    const events = page.getByRole('table', { name: /matching events/ });
    await events.getByRole('row').nth(1).waitFor();
    const seqs = () =>
      events
        .locator('tbody tr td:last-child')
        .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
    // The trail is in time order (the log's event ids are UUIDv7): the time each row shows.
    const times = () =>
      events
        .locator('tbody tr td:first-child time')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('datetime') ?? ''));
    const newestFirst = (list: string[]) =>
      list.every((t, i) => i === 0 || Date.parse(t) <= Date.parse(list[i - 1] ?? ''));
    await page.getByLabel('Events per page').selectOption('25');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length <= 25);
    const newest = await seqs();
    const newestTimes = await times();
    expect(newestFirst(newestTimes)).toBe(true);
    expect(await page.getByRole('button', { name: 'Newer' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await page.getByRole('button', { name: 'Oldest events' }).click();
    await page.getByRole('table', { name: /\(the earliest\)/ }).waitFor();
    const oldest = await seqs();
    const oldestTimes = await times();
    expect(Math.min(...oldest)).toBe(1);
    expect(oldest.some((seq) => newest.includes(seq))).toBe(false);
    expect(Date.parse(oldestTimes[0] ?? '')).toBeLessThanOrEqual(
      Date.parse(newestTimes.at(-1) ?? ''),
    );
    // Shown newest first even when read from the oldest end.
    expect(newestFirst(oldestTimes)).toBe(true);
    await page.getByRole('button', { name: 'Newer' }).click();
    await page.waitForFunction(
      (seen) =>
        !seen.includes(Number(document.querySelector('tbody tr td:last-child')?.textContent)),
      oldest,
    );
    await bothWidths(page, 'the audit trail, a page from the oldest end');

    await page.getByRole('textbox', { name: 'Who' }).fill('Casey');
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr td:nth-child(2)')];
      return rows.length > 0 && rows.every((c) => c.textContent?.includes('Casey Manager'));
    });
    await ctx.close();
  });
});

describe('the remaining pages at both widths', () => {
  it('sign-in, page not found and the expired-account page pass axe at 1280 and 320 px', async () => {
    const anon = await context();
    const signInPage = await anon.newPage();
    await signInPage.goto(`${desk.url}/`);
    await signInPage.getByRole('heading', { name: 'Sign in to the 311 Case Desk' }).waitFor();
    await bothWidths(signInPage, 'the sign-in page');
    await anon.close();

    const ctx = await context();
    const page = await signIn(ctx, 'pwd-clerk');
    await page.goto(`${desk.url}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await bothWidths(page, 'the 404 page');
    await ctx.close();

    const lapsed = await context();
    const expired = await signIn(lapsed, 'pwd-contractor-expired');
    await expired.getByRole('heading', { name: 'Your account has expired' }).waitFor();
    await bothWidths(expired, 'the expired-account page');
    await lapsed.close();
  });
});
