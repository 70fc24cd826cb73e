'use client';
import { useContext } from 'react';
import type { Message } from './catalogue.types.js';
import { I18nContext } from './context.js';
import { type MessageValues, type RenderContext, renderMessage } from './translate.js';

/** A component's view of the kit's strings: only the keys of its own English group. */
export interface Strings<K extends string> {
  locale: string;
  formatLocale: string;
  dir: 'ltr' | 'rtl';
  t: (key: K, values?: MessageValues) => string;
}

const ENGLISH: RenderContext = { locale: 'en', formatLocale: 'en', dir: 'ltr' };
const fallbacks = new WeakMap<object, Strings<string>>();

/**
 * The provider's strings, or, without an `I18nProvider`, English from the component's own group
 * (`enButton`...), so a component does not bundle the whole English catalogue. Internal: apps
 * use `useI18n`.
 */
export function useStrings<G extends Readonly<Record<string, Message>>>(
  englishGroup: G,
): Strings<Extract<keyof G, string>> {
  const value = useContext(I18nContext);
  if (value) return value as Strings<Extract<keyof G, string>>;
  let own = fallbacks.get(englishGroup);
  if (!own) {
    own = {
      ...ENGLISH,
      t: (key, values = {}) => renderMessage(englishGroup[key] as Message, values, ENGLISH),
    };
    fallbacks.set(englishGroup, own);
  }
  return own as Strings<Extract<keyof G, string>>;
}

/** The provider's locale and direction (`en`, `ltr` without one), without any strings. */
export function useLocale(): { locale: string; formatLocale: string; dir: 'ltr' | 'rtl' } {
  return useContext(I18nContext) ?? ENGLISH;
}
