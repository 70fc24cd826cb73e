import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { SiteFooter } from '../SiteFooter/SiteFooter.js';
import { SiteHeader } from '../SiteHeader/SiteHeader.js';
import { PageLayout } from './PageLayout.js';

const meta = {
  title: 'Page frame/PageLayout',
  component: PageLayout,
  parameters: { layout: 'fullscreen', wcag: ['1.3.1', '2.4.1', '2.4.3'] },
} satisfies Meta<typeof PageLayout>;
export default meta;
type Story = StoryObj<typeof meta>;

const frame = {
  header: <SiteHeader appName="311 Case Desk" department="Public Works" />,
  footer: <SiteFooter links={[{ href: '#a11y', label: 'Accessibility' }]} />,
  children: (
    <>
      <h1>Cases</h1>
      <p>Content.</p>
    </>
  ),
};

/** Tab order: skip link, banner summary, home link; the skip link moves focus to main. */
export const Full: Story = {
  args: frame,
  play: async ({ canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Skip to main content' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('main')).toHaveFocus();
  },
};

export const WithSideNav: Story = {
  args: {
    ...frame,
    sideNav: (
      <nav aria-label="Section">
        <a href="#open">Open cases</a>
      </nav>
    ),
  },
};

/** Right-to-left: the same frame in Arabic mirrors its layout. */
export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  args: frame,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[dir="rtl"]')).not.toBeNull();
  },
};
