import { ENGLISH_PAGE_STRINGS } from './englishPageStrings';

/** The keys of the dev IdP's page strings (the `idp.` keys of the ui kit's catalogues). */
export type DevIdpMessageKey = keyof typeof ENGLISH_PAGE_STRINGS;

/**
 * The strings of the dev IdP's pages in one language: the shape of the ui kit's `Translator`
 * (`@cityofboston/ui/i18n`), so the kit's catalogues serve the sign-in and sign-out pages.
 */
export interface DevIdpTranslator {
  /** BCP 47 tag of the language, for `lang`. */
  locale: string;
  /** The locale for `Intl` dates (a fallback where the runtime lacks the language's data). */
  formatLocale?: string;
  dir: 'ltr' | 'rtl';
  t: (key: DevIdpMessageKey, values?: Record<string, string | number>) => string;
}

/**
 * Picks the pages' language from what the request says, in order: OpenID Connect `ui_locales`,
 * then the browser's `Accept-Language`.
 */
export type DevIdpTranslatorFor = (
  preferences: readonly (string | undefined)[],
) => DevIdpTranslator;

/** English alone, for a project without the ui kit: the same text as the kit's `en` catalogue. */
export function englishPages(): DevIdpTranslator {
  return {
    locale: 'en',
    formatLocale: 'en-US',
    dir: 'ltr',
    t: (key, values = {}) =>
      ENGLISH_PAGE_STRINGS[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        values[name] === undefined ? whole : String(values[name]),
      ),
  };
}

/**
 * The kit's catalogues when `@cityofboston/ui` is installed (an optional peer), so the pages speak
 * every language the kit ships; English otherwise.
 */
export async function loadPageTranslators(): Promise<DevIdpTranslatorFor> {
  try {
    const i18n = (await import('@cityofboston/ui/i18n')) as {
      translatorFor: (preferences: readonly (string | undefined)[]) => DevIdpTranslator;
    };
    return (preferences) => i18n.translatorFor(preferences);
  } catch {
    return () => englishPages();
  }
}
