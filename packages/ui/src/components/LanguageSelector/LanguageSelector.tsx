'use client';
import { enLanguageSelector } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';

/** A language offered by a {@link LanguageSelector}. */
export interface LanguageOption {
  /** BCP 47 code, e.g. `es`, `zh-Hant`, `ht`. */
  code: string;
  /** The language's name in itself ("Español", "Kreyòl ayisyen"), so its readers find it. */
  name: string;
  /** A link to this page in that language. Without it, the option is a button and calls `onChange`. */
  href?: string;
}

/** Props of {@link LanguageSelector}. */
export interface LanguageSelectorProps {
  /** The languages, usually from the app's locale configuration (the I18nProvider's list). */
  languages: readonly LanguageOption[];
  /** The code of the page's current language. */
  current: string;
  /** For options without `href`: switch language in place. */
  onChange?: (code: string) => void;
  /** Names the navigation. Default "Language" in the current language. */
  label?: string;
}

/**
 * Lets residents switch the page's language (GOV.UK / USWDS "Language selector"). Each name is
 * written in its own language and marked with `lang` (and `hreflang` on links), so screen readers
 * pronounce it right; the current language is marked `aria-current`. Takes the list of
 * languages as a prop: the app decides which it offers.
 * @example <LanguageSelector current="en" languages={[{ code: 'en', name: 'English', href: '/en' }, { code: 'es', name: 'Español', href: '/es' }]} />
 */
export function LanguageSelector({ languages, current, onChange, label }: LanguageSelectorProps) {
  const { t } = useStrings(enLanguageSelector);
  return (
    <nav className="cob-language-selector" aria-label={label ?? t('language')}>
      <ul className="cob-language-selector__list">
        {languages.map((language) => {
          const isCurrent = language.code === current;
          const className = cx(
            'cob-language-selector__item',
            isCurrent && 'cob-language-selector__item--current',
          );
          return (
            <li key={language.code} className={className}>
              {language.href ? (
                <a
                  href={language.href}
                  hrefLang={language.code}
                  lang={language.code}
                  aria-current={isCurrent ? 'true' : undefined}
                  className="cob-language-selector__link"
                >
                  {language.name}
                </a>
              ) : (
                <button
                  type="button"
                  lang={language.code}
                  aria-current={isCurrent ? 'true' : undefined}
                  className="cob-language-selector__link"
                  onClick={() => onChange?.(language.code)}
                >
                  {language.name}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
