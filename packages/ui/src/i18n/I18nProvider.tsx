'use client';
import { type ReactNode, useMemo } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria';
import type { Messages } from './catalogue.types.js';
import { CATALOGUES } from './catalogues.js';
import { I18nContext } from './context.js';
import { resolveLocale } from './localeTags.js';
import { createTranslator } from './translate.js';

/** Props of {@link I18nProvider}. */
export interface I18nProviderProps {
  /**
   * BCP 47 locale. The kit ships English and the City's eleven languages (`es`, `ht`, `zh-Hans`,
   * `zh-Hant`, `vi`, `kea`, `pt`, `ru`, `ar`, `so`, `fr`); `pt-BR` → `pt`, `zh-TW` → `zh-Hant`.
   * Another language shows English.
   */
  locale: string;
  /** App-specific wording for some keys (per locale: pass the ones for `locale`). */
  messages?: Partial<Messages>;
  children?: ReactNode;
}

/**
 * Supplies the language of the kit's built-in strings ("Skip to main content", "Page 2 of 10"),
 * DataTable's included, and of the react-aria widgets (dates, numbers). Set `dir` and `lang` on
 * your `<html>` with `useI18n()` or {@link getTextDirection}; the components' CSS uses logical
 * properties, so they mirror.
 * @example
 * <I18nProvider locale="es"><SkipLink href="#main" /></I18nProvider>
 */
export function I18nProvider({ locale, messages, children }: I18nProviderProps) {
  const tag = resolveLocale(locale);
  const value = useMemo(() => createTranslator(CATALOGUES[tag], messages), [tag, messages]);
  return (
    <I18nContext.Provider value={value}>
      <AriaI18nProvider locale={value.formatLocale}>{children}</AriaI18nProvider>
    </I18nContext.Provider>
  );
}

// Kept for modules that import the hook from here; it lives in ./context.js.
export { type I18nValue, useI18n } from './context.js';
