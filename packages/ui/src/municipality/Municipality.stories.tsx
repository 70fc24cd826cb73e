import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { PageLayout } from '../components/PageLayout/PageLayout.js';
import { SiteFooter } from '../components/SiteFooter/SiteFooter.js';
import { SiteHeader } from '../components/SiteHeader/SiteHeader.js';
import { SummaryList } from '../components/SummaryList/SummaryList.js';
import { checkTheme } from '../theme/checkTheme.js';
import { BOSTON } from './bostonMunicipality.js';
import { MILLBROOK } from './examples/millbrook.js';
import { MunicipalityProvider } from './MunicipalityProvider.js';
import type { MunicipalityConfig } from './municipality.types.js';

const meta = {
  title: 'Municipality/Any municipality',
  parameters: { layout: 'fullscreen', wcag: ['1.4.3', '1.4.11', '3.1.1', '3.1.2'] },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

function TownPage({ municipality, id }: { municipality: MunicipalityConfig; id: string }) {
  const { data } = municipality;
  return (
    <MunicipalityProvider municipality={municipality}>
      <PageLayout
        mainId={`main-${id}`}
        header={<SiteHeader appName="Permit Desk" department="Public Works" />}
        footer={
          <SiteFooter
            links={[
              { href: `#${id}-a11y`, label: 'Accessibility' },
              { href: `#${id}-language`, label: 'Language access' },
            ]}
          />
        }
      >
        <h2>Permit Desk</h2>
        <SummaryList
          rows={[
            { key: 'Official domain', value: data.officialDomain },
            { key: 'Languages served', value: data.languages.join(', ') },
            {
              key: 'Departments',
              value: (data.departments ?? []).map((d) => d.name).join(', ') || 'From the City list',
            },
          ]}
        />
      </PageLayout>
    </MunicipalityProvider>
  );
}

/**
 * Boston (the default) beside the fictional Town of Millbrook, Massachusetts: the same
 * components, each municipality's own name (in the toolbar's language), domain, mark and theme.
 * Both pass axe here and every documented contrast pairing in the play function.
 */
export const SideBySide: Story = {
  // Pinned to Boston in the toolbar, so the page-level theme does not tint Boston's column.
  globals: { municipality: 'boston' },
  render: () => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))' }}>
      <div data-town="boston">
        <TownPage municipality={BOSTON} id="boston" />
      </div>
      <div data-town="millbrook">
        <TownPage municipality={MILLBROOK} id="millbrook" />
      </div>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const boston = canvasElement.querySelector('[data-town="boston"]');
    const millbrook = canvasElement.querySelector('[data-town="millbrook"]');
    const b = within(boston as HTMLElement);
    const m = within(millbrook as HTMLElement);
    await expect(b.getByText('An official website of the City of Boston')).toBeVisible();
    await expect(m.getByText('An official website of the Town of Millbrook')).toBeVisible();
    await expect(m.queryByText(/Boston/)).toBeNull();
    await expect(checkTheme(BOSTON.theme ?? {}).failures).toEqual([]);
    await expect(checkTheme(MILLBROOK.theme ?? {}).failures).toEqual([]);
    // The theme reaches the page: the header is Millbrook green, not Boston's Charles blue.
    const header = (millbrook as HTMLElement).querySelector('.cob-site-header') as HTMLElement;
    await expect(getComputedStyle(header).backgroundColor).toBe('rgb(20, 69, 47)');
  },
};

/** The fictional town's page alone, in the toolbar's language. */
export const Millbrook: Story = {
  render: () => <TownPage municipality={MILLBROOK} id="millbrook" />,
};

/** Millbrook in Portuguese, one of the town's languages, through the toolbar's switcher. */
export const MillbrookInPortuguese: Story = {
  globals: { locale: 'pt', municipality: 'millbrook' },
  render: () => <TownPage municipality={MILLBROOK} id="millbrook" />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Um site oficial do Município de Millbrook')).toBeVisible();
    await expect(
      canvas.getByText('Sites oficiais usam millbrook-ma.example', { exact: false }),
    ).toBeInTheDocument();
  },
};

/** The marks of one town's page, by place, with their rendered heights. */
function marks(root: HTMLElement) {
  const place = (name: string) => {
    const el = root.querySelector<HTMLElement>(`.cob-municipality-logo--${name}`);
    if (!el) throw new Error(`no ${name} logo`);
    return { html: el.innerHTML, height: Math.round(el.getBoundingClientRect().height), el };
  };
  return { header: place('header'), footer: place('footer'), banner: place('banner') };
}

/**
 * The municipality's logo slot (issue 19): one `logo` in the configuration reaches the header
 * (beside the name), the footer (beside the copyright line) and the official banner (small,
 * before the statement). Boston, which passes none, shows the generic seal; Millbrook its mill
 * wheel. Each mark is hidden from assistive technology, since the name is written beside it.
 */
export const LogoSlot: Story = {
  globals: { municipality: 'boston' },
  render: () => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))' }}>
      <div data-town="boston">
        <TownPage municipality={BOSTON} id="boston-logo" />
      </div>
      <div data-town="millbrook">
        <TownPage municipality={MILLBROOK} id="millbrook-logo" />
      </div>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const boston = marks(canvasElement.querySelector('[data-town="boston"]') as HTMLElement);
    const millbrook = marks(canvasElement.querySelector('[data-town="millbrook"]') as HTMLElement);
    for (const town of [boston, millbrook]) {
      // The same mark in every place, sized for it.
      await expect(town.footer.html).toBe(town.header.html);
      await expect(town.banner.html).toBe(town.header.html);
      await expect(town.header.height).toBe(40);
      await expect(town.footer.height).toBe(32);
      await expect(town.banner.height).toBe(16);
      for (const { el } of [town.header, town.footer, town.banner]) {
        await expect(el.closest('[aria-hidden="true"]')).not.toBeNull();
      }
    }
    await expect(millbrook.header.html).not.toBe(boston.header.html);
  },
};

/** A mark for light backgrounds only where the logo is drawn for the brand colour. */
const WHITE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 32"><rect x="2" y="2" width="44" height="28" rx="4" fill="none" stroke="#fff" stroke-width="3"/><path d="M10 22l8-12 6 8 4-5 8 9" fill="none" stroke="#fff" stroke-width="3"/></svg>',
)}`;
const DARK_LOGO = WHITE_LOGO.replaceAll('%23fff', '%2314452f');

/**
 * An image logo (a file, not an inline SVG): sized by height in each place, wider than tall, with
 * a dark version for the light official banner (`logoOnLight`).
 */
export const ImageLogo: Story = {
  render: () => (
    <TownPage
      municipality={{
        ...MILLBROOK,
        logo: <img src={WHITE_LOGO} alt="" />,
        logoOnLight: <img src={DARK_LOGO} alt="" />,
      }}
      id="image-logo"
    />
  ),
  play: async ({ canvasElement }) => {
    const town = marks(canvasElement);
    await expect(town.header.el.querySelector('img')?.getAttribute('src')).toBe(WHITE_LOGO);
    await expect(town.footer.el.querySelector('img')?.getAttribute('src')).toBe(WHITE_LOGO);
    await expect(town.banner.el.querySelector('img')?.getAttribute('src')).toBe(DARK_LOGO);
    await expect(town.header.height).toBe(40);
    await expect(town.banner.height).toBe(16);
    // 48 by 32: the width follows the height.
    const img = town.header.el.querySelector('img') as HTMLImageElement;
    await expect(Math.round(img.getBoundingClientRect().width)).toBe(60);
  },
};
