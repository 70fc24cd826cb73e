import type { Message, MessageKey, Messages } from './catalogue.types.js';
import { CATALOGUES } from './catalogues.js';
import { en } from './locales/en.js';
import { resolveLocale } from './localeTags.js';

export type { MessageKey, Messages } from './catalogue.types.js';
export { en } from './locales/en.js';

/** The messages of every built-in language, by locale tag (`'zh-Hant'`, `'pt'`...). */
export const BUILT_IN_MESSAGES: Readonly<Record<string, Partial<Messages>>> = Object.fromEntries(
  Object.entries(CATALOGUES).map(([tag, catalogue]) => [tag, catalogue.messages]),
);

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'syr', 'sd']);

/**
 * The writing direction of a BCP 47 locale (`'ar'`, `'he-IL'` → `'rtl'`).
 * @example getTextDirection('ar-EG') // 'rtl'
 */
export function getTextDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * Fills `{name}` placeholders, nothing more (no plural choice, no number formatting, no bidi
 * isolation: use `useI18n().t` or `createTranslator` for the kit's strings). A placeholder
 * without a value is left visible, so a missing argument shows up in review.
 * @example formatMessage('Page {page} of {total}', { page: 2, total: 10 }) // 'Page 2 of 10'
 */
export function formatMessage(
  template: string,
  values: Record<string, string | number> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * The strings for a locale: the built-in language it resolves to (`pt-BR` → `pt`) over English,
 * then the app's overrides. Works on the server (no React context needed).
 */
export function resolveMessages(
  locale: string,
  overrides: Partial<Messages> = {},
): Record<MessageKey, Message> {
  return { ...en, ...CATALOGUES[resolveLocale(locale)].messages, ...overrides };
}
