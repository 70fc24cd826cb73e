'use client';
import { createContext, useContext } from 'react';
import { en, formatMessage, getTextDirection, type MessageKey, type Messages } from './messages.js';

/** What components read from the {@link I18nProvider}. */
export interface I18nValue {
  /** BCP 47 locale, e.g. `'en-US'`, `'es'`. */
  locale: string;
  /** Writing direction of the locale. */
  dir: 'ltr' | 'rtl';
  /** A built-in string, with `{placeholders}` filled. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

/** Builds the context value from a full set of strings. */
export function makeI18nValue(locale: string, messages: Messages): I18nValue {
  return {
    locale,
    dir: getTextDirection(locale),
    t: (key, values) => formatMessage(messages[key], values),
  };
}

// The default is English alone, so a component bundle does not carry every language.
export const I18nContext = createContext<I18nValue>(makeI18nValue('en', en));

/** The current locale, direction and string lookup. English when there is no provider. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
