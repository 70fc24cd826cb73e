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
