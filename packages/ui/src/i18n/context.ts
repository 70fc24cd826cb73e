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

/**
 * The provider's translator; `null` without an `I18nProvider`. The default is not a catalogue,
 * so a component's bundle carries only its own English strings (see `useStrings`).
 */
export const I18nContext = createContext<I18nValue | null>(null);

let english: I18nValue | undefined;

/**
 * The current locale, direction and string lookup, for every built-in key. English when there is
 * no provider (the whole English catalogue is then bundled: the kit's components use their own
 * strings only, through an internal hook).
 */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value) return value;
  english ??= createTranslator(enCatalogue);
  return english;
}
