'use client';
import { useLocale } from '../i18n/useStrings.js';
import { useMunicipality } from './context.js';

/**
 * The municipality's name in the page's language, marked `lang="en"` when it falls back to
 * English. Lets server components (SiteHeader, SiteFooter) show it without becoming client ones.
 */
export function MunicipalityName() {
  const { locale } = useLocale();
  const { name, lang } = useMunicipality();
  return lang === locale ? name : <span lang={lang}>{name}</span>;
}
