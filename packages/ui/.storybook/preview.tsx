import type { Decorator, Preview } from '@storybook/react-vite';
import '@fontsource/montserrat/400.css';
import '@fontsource/montserrat/700.css';
import '@fontsource/lora/400.css';
import '../src/styles.css';
import { CATALOGUES } from '../src/i18n/catalogues.js';
import { I18nProvider } from '../src/i18n/I18nProvider.js';
import { LOCALE_TAGS, resolveLocale } from '../src/i18n/localeTags.js';
import { BOSTON } from '../src/municipality/bostonMunicipality.js';
import { MILLBROOK } from '../src/municipality/examples/millbrook.js';
import { MunicipalityProvider } from '../src/municipality/MunicipalityProvider.js';
import wcagTags from './wcag-tags.json';

/** The axe rule tags every story is checked against: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS: string[] = wcagTags;

/** The municipalities the toolbar switches between: Boston and a fictional Massachusetts town. */
const MUNICIPALITIES = { boston: BOSTON, millbrook: MILLBROOK } as const;

const withI18n: Decorator = (Story, context) => {
  const locale = resolveLocale((context.globals.locale as string | undefined) ?? 'en');
  const theme = (context.globals.theme as string | undefined) ?? 'boston';
  const key = (context.globals.municipality as string | undefined) ?? 'boston';
  const municipality = MUNICIPALITIES[key as keyof typeof MUNICIPALITIES] ?? BOSTON;
  const { dir } = CATALOGUES[locale];
  return (
    <I18nProvider locale={locale}>
      <MunicipalityProvider municipality={municipality}>
        <div
          data-cob-theme={theme}
          className="cob-root"
          dir={dir}
          lang={locale}
          style={theme === 'boston' ? (municipality.theme as Record<string, string>) : undefined}
        >
          <Story />
        </div>
      </MunicipalityProvider>
    </I18nProvider>
  );
};

// Each language says in the toolbar whether its strings are reviewed or machine-drafted.
const localeItems = LOCALE_TAGS.map((tag) => {
  const c = CATALOGUES[tag];
  const status = c.review.state === 'machine-drafted' ? ' (machine-drafted, needs review)' : '';
  return {
    value: tag,
    title: `${c.endonym}${c.dir === 'rtl' ? ' (RTL)' : ''}${status}`,
    right: tag,
  };
});

const preview: Preview = {
  decorators: [withI18n],
  globalTypes: {
    locale: {
      description: 'Language of the built-in strings',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: localeItems,
        dynamicTitle: true,
      },
    },
    municipality: {
      description: 'The municipality the kit speaks for',
      toolbar: {
        title: 'Municipality',
        icon: 'home',
        items: [
          { value: 'boston', title: 'City of Boston (default)' },
          { value: 'millbrook', title: 'Town of Millbrook, MA (fictional)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        items: [
          { value: 'boston', title: 'Boston' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'boston', municipality: 'boston' },
  parameters: {
    a11y: {
      // An axe violation fails the story's test, not just the panel.
      test: 'error',
      options: { runOnly: { type: 'tag', values: WCAG_TAGS } },
    },
    layout: 'padded',
  },
  tags: ['autodocs'],
};

export default preview;
