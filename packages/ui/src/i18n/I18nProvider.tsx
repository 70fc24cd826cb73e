'use client';
import { type ReactNode, useMemo } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria';
import { I18nContext, makeI18nValue } from './context.js';
import { type Messages, resolveMessages } from './messages.js';

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
  const value = useMemo(
    () => makeI18nValue(locale, resolveMessages(locale, messages)),
    [locale, messages],
  );
  return (
    <I18nContext.Provider value={value}>
      <AriaI18nProvider locale={locale}>{children}</AriaI18nProvider>
    </I18nContext.Provider>
  );
}

// Kept for modules that import the hook from here; it lives in ./context.js.
export { type I18nValue, useI18n } from './context.js';
