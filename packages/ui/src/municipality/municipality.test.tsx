// The Done-when of "any municipality": a test fails when a component shows a hard-coded
// municipality string. Boston is named only by the Boston default (bostonMunicipality.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BOSTON_MUNICIPALITY } from '@cityofboston/standards-schema';
import { render } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OfficialBanner } from '../components/OfficialBanner/OfficialBanner.js';
import { PageLayout } from '../components/PageLayout/PageLayout.js';
import { SiteFooter } from '../components/SiteFooter/SiteFooter.js';
import { SiteHeader } from '../components/SiteHeader/SiteHeader.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { LOCALE_TAGS } from '../i18n/localeTags.js';
import { BOSTON } from './bostonMunicipality.js';
import { MILLBROOK } from './examples/millbrook.js';
import { MunicipalityProvider } from './MunicipalityProvider.js';

const BOSTON_NAMES = /Boston|Бостон|بوسطن|波士[顿頓]|boston\.gov/;

function page(locale: string) {
  return (
    <I18nProvider locale={locale}>
      <MunicipalityProvider municipality={MILLBROOK}>
        <PageLayout
          header={<SiteHeader appName="Permits" department="Public Works" />}
          footer={<SiteFooter links={[{ href: '/a11y', label: 'Accessibility' }]} />}
        >
          <h1>Permits</h1>
        </PageLayout>
      </MunicipalityProvider>
    </I18nProvider>
  );
}

describe('another municipality, without forking', () => {
  for (const locale of LOCALE_TAGS) {
    it(`${locale}: Millbrook's pages name Millbrook and never Boston`, () => {
      const html = renderToString(page(locale));
      expect(html).not.toMatch(BOSTON_NAMES);
      const strings = MILLBROOK.strings[locale] ?? MILLBROOK.strings.en;
      expect(html).toContain(strings.officialBanner);
      expect(html).toContain(strings.name);
      expect(html).toContain('millbrook-ma.example');
    });
  }

  it('applies the municipality’s theme and logo', () => {
    const { container } = render(page('en'));
    const root = container.querySelector('.cob-page') as HTMLElement;
    expect(root.style.getPropertyValue('--cob-color-brand')).toBe('#14452f');
    expect(container.querySelector('.cob-site-header__mark svg circle')).not.toBeNull();
    // The same mark in the footer and the official banner, hidden from assistive technology.
    const header = container.querySelector('.cob-municipality-logo--header');
    for (const place of ['footer', 'banner']) {
      const mark = container.querySelector(`.cob-municipality-logo--${place}`);
      expect(mark?.innerHTML, place).toBe(header?.innerHTML);
      expect(mark?.getAttribute('aria-hidden'), place).toBe('true');
    }
  });

  it('without a provider, the components show Boston, in the page’s language', () => {
    const html = renderToString(
      <I18nProvider locale="es">
        <OfficialBanner />
        <SiteHeader appName="311" />
        <SiteFooter />
      </I18nProvider>,
    );
    expect(html).toContain('Un sitio web oficial de la Ciudad de Boston');
    expect(html).toContain('Los sitios web oficiales usan boston.gov');
    expect(html).toContain('© <!-- -->Ciudad de Boston');
  });

  it('a municipality without a language’s strings shows English, marked lang="en"', () => {
    const partial = { ...MILLBROOK, strings: { en: MILLBROOK.strings.en } };
    const { container } = render(
      <I18nProvider locale="ar">
        <MunicipalityProvider municipality={partial}>
          <OfficialBanner />
        </MunicipalityProvider>
      </I18nProvider>,
    );
    const statement = container.querySelector('.cob-official-banner__bar span[lang="en"]');
    expect(statement?.textContent).toBe('An official website of the Town of Millbrook');
  });

  it('PageLayout takes your own banner, or none', () => {
    const own = renderToString(
      <PageLayout officialBanner={<OfficialBanner statement="Official" domain="x.example" />}>
        x
      </PageLayout>,
    );
    expect(own).toContain('Official');
    expect(own).toContain('x.example');
    expect(renderToString(<PageLayout officialBanner={false}>x</PageLayout>)).not.toContain(
      'cob-official-banner',
    );
  });

  it('the Boston default agrees with standards-schema’s BOSTON_MUNICIPALITY', () => {
    expect(BOSTON.data).toMatchObject({
      kind: BOSTON_MUNICIPALITY.kind,
      name: BOSTON_MUNICIPALITY.name,
      shortName: BOSTON_MUNICIPALITY.shortName,
      officialDomain: BOSTON_MUNICIPALITY.officialDomain,
      state: BOSTON_MUNICIPALITY.state,
      languages: BOSTON_MUNICIPALITY.languages,
    });
    expect(BOSTON.strings.en.name).toBe(BOSTON_MUNICIPALITY.name);
    for (const locale of BOSTON_MUNICIPALITY.languages)
      expect(BOSTON.strings[locale as keyof typeof BOSTON.strings], locale).toBeDefined();
  });
});

describe('no hard-coded municipality in the kit’s source', () => {
  const src = join(import.meta.dirname, '..');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  const allowed = new Set(['municipality/bostonMunicipality.ts']);
  const files = walk(src)
    .map((f) => relative(src, f).replace(/\\/g, '/'))
    .filter((f) => /\.(tsx?|css)$/.test(f) && !/\.(test|stories)\.tsx?$/.test(f))
    .filter((f) => !allowed.has(f));

  it('scans the components, DataTable, forms, i18n and styles', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'components/OfficialBanner/OfficialBanner.tsx',
        'components/SiteHeader/SiteHeader.tsx',
        'DataTable/DataTable.tsx',
        'i18n/locales/ar.ts',
      ]),
    );
  });
  // Comments may say that Boston is the default; code and markup may not name it.
  const code = (text: string) =>
    text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  it('names Boston only in the Boston default', () => {
    const offenders = files.filter((f) => {
      const text = code(readFileSync(join(src, f), 'utf8'))
        // The package's own name and the theme's name are not a municipality shown to anyone.
        .replace(/@cityofboston\/[\w-]+/g, '')
        .replace(/data-cob-theme="boston"|\[data-cob-theme="boston"\]/g, '');
      return BOSTON_NAMES.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
