import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { formatLocaleFor } from '../../i18n/formatLocale.js';
import { Pagination } from './Pagination.js';

function ClientPaging({ totalPages }: { totalPages: number }) {
  const [page, setPage] = useState(1);
  return <Pagination page={page} totalPages={totalPages} onPageChange={setPage} />;
}

const meta = {
  title: 'Page frame/Pagination',
  component: Pagination,
  args: { page: 5, totalPages: 10 },
  parameters: { wcag: ['1.3.1', '2.4.4', '2.4.8', '2.5.8'] },
} satisfies Meta<typeof Pagination>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Middle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Page 5 of 10')).toBeInTheDocument();
    await expect(canvas.getByRole('link', { name: 'Page 5' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  },
};
/** Wide: Previous and Next in words, the current page's neighbours shown. */
export const FirstPage: Story = { args: { page: 1 } };
export const LastPage: Story = { args: { page: 10 } };
export const Spanish: Story = { globals: { locale: 'es' } };

/** Keyboard: Tab to "Next", Enter moves to page 2. */
export const KeyboardPaging: Story = {
  render: () => <ClientPaging totalPages={4} />,
  play: async ({ canvas }) => {
    canvas.getByRole('link', { name: 'Next' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('link', { name: 'Page 2' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  },
};

const VIEWPORTS = {
  cob375: { name: '375 px', styles: { width: '375px', height: '812px' } },
};

/**
 * Issue 19, Pagination at 375 px: nothing overflows (the page, the nav, each list), every link is
 * at least 24 by 24 px (WCAG 2.5.8; they are 44), the current page is marked and filled, and
 * "Page X of Y" is written out; Previous and Next keep their words as accessible names.
 */
async function expectTidyAt375(
  canvasElement: HTMLElement,
  page: number,
  total: number,
  locale = 'en',
) {
  const doc = canvasElement.ownerDocument;
  await expect(doc.documentElement.clientWidth).toBe(375);
  await expect(doc.documentElement.scrollWidth).toBeLessThanOrEqual(375);
  const nav = canvasElement.querySelector('nav.cob-pagination') as HTMLElement;
  await expect(nav.scrollWidth).toBeLessThanOrEqual(nav.clientWidth);
  const navBox = nav.getBoundingClientRect();
  const visible = [...nav.querySelectorAll<HTMLElement>('a')].filter(
    (a) => a.getClientRects().length > 0,
  );
  // Only the collapsed list is rendered: first, current and last pages, Previous and Next.
  await expect(nav.querySelector('.cob-pagination__list--wide')?.getClientRects().length).toBe(0);
  for (const a of visible) {
    const box = a.getBoundingClientRect();
    await expect(box.width, a.textContent ?? '').toBeGreaterThanOrEqual(24);
    await expect(box.height, a.textContent ?? '').toBeGreaterThanOrEqual(24);
    await expect(box.left).toBeGreaterThanOrEqual(navBox.left - 0.5);
    await expect(box.right).toBeLessThanOrEqual(navBox.right + 0.5);
  }
  // One row: every link shares the first one's top.
  const tops = new Set(visible.map((a) => Math.round(a.getBoundingClientRect().top)));
  await expect(tops.size).toBe(1);
  const current = visible.filter((a) => a.getAttribute('aria-current') === 'page');
  await expect(current.map((a) => a.textContent)).toEqual([
    new Intl.NumberFormat(formatLocaleFor(locale)).format(page),
  ]);
  await expect(getComputedStyle(current[0] as HTMLElement).fontWeight).toBe('700');
  const status = nav.querySelector('.cob-pagination__status') as HTMLElement;
  await expect(status.getBoundingClientRect().width).toBeGreaterThan(24);
  return { visible, status, total };
}

/** A phone (375 px): page 5 of 10 collapses to ‹ 1 … 5 … 10 › under "Page 5 of 10". */
export const At375: Story = {
  globals: { viewport: { value: 'cob375' } },
  parameters: { viewport: { options: VIEWPORTS } },
  play: async ({ canvasElement, canvas }) => {
    const { visible, status } = await expectTidyAt375(canvasElement, 5, 10);
    await expect(visible.map((a) => a.getAttribute('aria-label') ?? a.textContent)).toEqual([
      'Previous',
      'Page 1',
      'Page 5',
      'Page 10',
      'Next',
    ]);
    await expect(status).toHaveTextContent('Page 5 of 10');
    await expect(canvas.getByRole('link', { name: 'Previous' })).toBeVisible();
  },
};

/** Many pages (page 512 of 1,024): the wider numbers still fit on one row. */
export const ManyPagesAt375: Story = {
  args: { page: 512, totalPages: 1024 },
  globals: { viewport: { value: 'cob375' } },
  parameters: { viewport: { options: VIEWPORTS } },
  play: async ({ canvasElement }) => {
    const { status } = await expectTidyAt375(canvasElement, 512, 1024);
    await expect(status).toHaveTextContent('Page 512 of 1,024');
  },
};

/** French at 375 px: "Précédent" and "Suivant" are the arrows' names, nothing overflows. */
export const FrenchAt375: Story = {
  args: { page: 2, totalPages: 12 },
  globals: { viewport: { value: 'cob375' }, locale: 'fr' },
  parameters: { viewport: { options: VIEWPORTS } },
  play: async ({ canvasElement, canvas }) => {
    await expectTidyAt375(canvasElement, 2, 12, 'fr');
    await expect(canvas.getByRole('link', { name: 'Précédent' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Suivant' })).toBeVisible();
  },
};

/** Right to left at 375 px: the arrows point the reading way, nothing overflows. */
export const ArabicAt375: Story = {
  args: { page: 3, totalPages: 9 },
  globals: { viewport: { value: 'cob375' }, locale: 'ar' },
  parameters: { viewport: { options: VIEWPORTS } },
  play: async ({ canvasElement }) => {
    await expectTidyAt375(canvasElement, 3, 9, 'ar');
  },
};
