import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { BackLink } from '../BackLink/BackLink.js';
import { Pagination } from '../Pagination/Pagination.js';
import { PhaseBanner } from '../PhaseBanner/PhaseBanner.js';
import { ServiceNavigation } from '../ServiceNavigation/ServiceNavigation.js';
import { SiteFooter } from '../SiteFooter/SiteFooter.js';
import { SiteHeader } from '../SiteHeader/SiteHeader.js';
import { SummaryList } from '../SummaryList/SummaryList.js';
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

const VIEWPORTS = {
  cob1280: { name: '1280 px', styles: { width: '1280px', height: '800px' } },
  cob375: { name: '375 px', styles: { width: '375px', height: '812px' } },
};

/** A service page: banner, header with service navigation, phase banner, back link, content. */
const servicePage = {
  header: (
    <>
      <SiteHeader
        appName="311 Case Desk"
        department="Public Works"
        navigation={
          <ServiceNavigation
            items={[
              { href: '#cases', label: 'My cases', current: true },
              { href: '#new', label: 'New case' },
              { href: '#help', label: 'Help' },
            ]}
          />
        }
      />
      <PhaseBanner phase="beta">
        This is a new service. <a href="#feedback">Give feedback</a>.
      </PhaseBanner>
    </>
  ),
  footer: <SiteFooter links={[{ href: '#a11y', label: 'Accessibility' }]} />,
  children: (
    <>
      <BackLink href="#previous" />
      <h1>Report a pothole</h1>
      <p>Tell us where the pothole is. We fix most within 2 business days.</p>
    </>
  ),
};

/**
 * Polish (issue 19): the official banner, the header, the phase banner, the content and the footer
 * share one left edge, checked at 1280 px and 375 px.
 */
async function expectOneLeftEdge(root: HTMLElement) {
  const left = (selector: string) => {
    const el = root.querySelector(selector);
    if (!el) throw new Error(`missing ${selector}`);
    return Math.round(el.getBoundingClientRect().left);
  };
  const edges = {
    banner: left('.cob-official-banner__bar'),
    header: left('.cob-site-header__home'),
    phase: left('.cob-phase-banner__content .cob-tag'),
    backLink: left('.cob-back-link'),
    heading: left('main h1'),
    footer: left('.cob-site-footer__links'),
  };
  await expect(new Set(Object.values(edges)).size, JSON.stringify(edges)).toBe(1);
  return edges.heading;
}

export const OneLeftEdgeAt1280: Story = {
  args: servicePage,
  globals: { viewport: { value: 'cob1280' } },
  parameters: { viewport: { options: VIEWPORTS } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.ownerDocument.documentElement.clientWidth).toBe(1280);
    const edge = await expectOneLeftEdge(canvasElement);
    // Centred in the 75rem column with a 2rem gutter: (1280 - 1200) / 2 + 32.
    await expect(edge).toBe(72);
  },
};

export const OneLeftEdgeAt375: Story = {
  args: servicePage,
  globals: { viewport: { value: 'cob375' } },
  parameters: { viewport: { options: VIEWPORTS } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.ownerDocument.documentElement.clientWidth).toBe(375);
    await expect(await expectOneLeftEdge(canvasElement)).toBe(16);
  },
};

/**
 * A whole service page, as a resident sees it: the official banner with the municipality's mark,
 * the header with its mark and service navigation, the phase banner, a back link, the content
 * (a summary of the request, pagination) and the footer with the mark beside the copyright line.
 * It follows the toolbar's municipality and language (the closing note's screenshots are this
 * story for Boston and Millbrook at 1280 and 375 px).
 */
export const ServicePage: Story = {
  args: {
    ...servicePage,
    footer: (
      <SiteFooter
        links={[
          { href: '#a11y', label: 'Accessibility' },
          { href: '#privacy', label: 'Privacy' },
          { href: '#language', label: 'Language access' },
        ]}
      />
    ),
    children: (
      <>
        <BackLink href="#previous" />
        <h1>Your pothole report</h1>
        <p>We fix most potholes within 2 business days. We will email you when it is done.</p>
        <SummaryList
          rows={[
            { key: 'Case number', value: 'SR-004217' },
            { key: 'Location', value: '12 Main Street, near the library' },
            { key: 'Reported', value: 'Monday 3 November 2026' },
            { key: 'Status', value: 'Assigned to a crew' },
          ]}
        />
        <h2>Other reports near you</h2>
        <Pagination page={2} totalPages={8} />
      </>
    ),
  },
  play: async ({ canvasElement }) => {
    const doc = canvasElement.ownerDocument.documentElement;
    await expect(doc.scrollWidth).toBeLessThanOrEqual(doc.clientWidth);
    for (const place of ['header', 'footer', 'banner']) {
      await expect(canvasElement.querySelector(`.cob-municipality-logo--${place}`)).not.toBeNull();
    }
  },
};
