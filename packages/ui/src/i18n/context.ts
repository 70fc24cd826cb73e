'use client';
import { createContext, useContext } from 'react';
import type { MessageKey } from './catalogue.types.js';
import { enCatalogue } from './locales/en.js';
import { createTranslator, type MessageValues } from './translate.js';

/** What components read from the {@link I18nProvider}. */
export interface I18nValue {
  /** The catalogue's BCP 47 tag, e.g. `'en'`, `'zh-Hant'`: use it for `lang`. */
  locale: string;
  /** The locale for `Intl` dates and numbers (a fallback where the runtime lacks the data). */
  formatLocale: string;
  /** Writing direction of the locale. */
  dir: 'ltr' | 'rtl';
  /**
   * A built-in string with `{placeholders}` filled (numbers formatted, values bidi-isolated where
   * needed); a plural message picks its text for `values.count` by the language's CLDR rules.
   */
  t: (key: MessageKey, values?: MessageValues) => string;
}

// The default is English alone, so a component bundle does not carry every language.
export const I18nContext = createContext<I18nValue>(createTranslator(enCatalogue));

/** The current locale, direction and string lookup. English when there is no provider. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
