import type { Decorator, Preview } from '@storybook/react-vite';
import '@fontsource/montserrat/400.css';
import '@fontsource/montserrat/700.css';
import '@fontsource/lora/400.css';
import '../src/styles.css';
import { I18nProvider } from '../src/i18n/I18nProvider.js';
import { getTextDirection } from '../src/i18n/messages.js';
import wcagTags from './wcag-tags.json';

/** The axe rule tags every story is checked against: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS: string[] = wcagTags;

const withI18n: Decorator = (Story, context) => {
  const locale = (context.globals.locale as string | undefined) ?? 'en';
  const theme = (context.globals.theme as string | undefined) ?? 'boston';
  return (
    <I18nProvider locale={locale}>
      <div data-cob-theme={theme} className="cob-root" dir={getTextDirection(locale)} lang={locale}>
        <Story />
      </div>
    </I18nProvider>
  );
};

const preview: Preview = {
  decorators: [withI18n],
  globalTypes: {
    locale: {
      description: 'Language of the built-in strings',
      toolbar: {
        title: 'Language',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'ar', title: 'العربية (RTL)' },
        ],
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
  initialGlobals: { locale: 'en', theme: 'boston' },
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
