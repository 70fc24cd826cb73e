'use client';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria';
import {
  formatMessage,
  getTextDirection,
  type MessageKey,
  type Messages,
  resolveMessages,
} from './messages.js';

/** What components read from the {@link I18nProvider}. */
export interface I18nValue {
  /** BCP 47 locale, e.g. `'en-US'`, `'es'`. */
  locale: string;
  /** Writing direction of the locale. */
  dir: 'ltr' | 'rtl';
  /** A built-in string, with `{placeholders}` filled. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

function makeValue(locale: string, overrides?: Partial<Messages>): I18nValue {
  const messages = resolveMessages(locale, overrides);
  return {
    locale,
    dir: getTextDirection(locale),
    t: (key, values) => formatMessage(messages[key], values),
  };
}

const I18nContext = createContext<I18nValue>(makeValue('en'));

/** Props of {@link I18nProvider}. */
export interface I18nProviderProps {
  /** BCP 47 locale. English and Spanish are complete; others fall back to English per string. */
  locale: string;
  /** App-specific overrides, e.g. another municipality's `cityName`, or a new language. */
  messages?: Partial<Messages>;
  children?: ReactNode;
}

/**
 * Supplies the language of the kit's built-in strings ("Skip to main content", "Page 2 of 10")
 * and of the react-aria widgets (dates, numbers). Set `dir` on your `<html>` with
 * {@link getTextDirection}; the components' CSS uses logical properties, so they mirror.
 * @example
 * <I18nProvider locale="es"><SkipLink href="#main" /></I18nProvider>
 */
export function I18nProvider({ locale, messages, children }: I18nProviderProps) {
  const value = useMemo(() => makeValue(locale, messages), [locale, messages]);
  return (
    <I18nContext.Provider value={value}>
      <AriaI18nProvider locale={locale}>{children}</AriaI18nProvider>
    </I18nContext.Provider>
  );
}

/** The current locale, direction and string lookup. English when there is no provider. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
