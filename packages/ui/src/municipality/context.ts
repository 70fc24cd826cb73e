'use client';
import { createContext, type ReactNode, useContext } from 'react';
import type { LocaleTag } from '../i18n/localeTags.js';
import { useLocale } from '../i18n/useStrings.js';
import type { ThemeColors } from '../theme/themeColors.js';
import { BOSTON } from './bostonMunicipality.js';
import type { MunicipalityConfig, MunicipalityStrings } from './municipality.types.js';

export const MunicipalityContext = createContext<MunicipalityConfig>(BOSTON);

/** The municipality as components show it, in the current language. */
export interface MunicipalityValue extends MunicipalityStrings {
  config: MunicipalityConfig;
  officialDomain: string;
  /** The language of `name` and `officialBanner`: the page's, or `en` when not translated. */
  lang: string;
  logo: ReactNode;
  /** The mark for light backgrounds: `logoOnLight`, else `logo`. */
  logoOnLight: ReactNode;
  theme: Partial<ThemeColors> | undefined;
}

/**
 * The municipality from the nearest `MunicipalityProvider` (Boston without one), with its
 * strings in the `I18nProvider`'s language (English when the municipality has none for it).
 */
export function useMunicipality(): MunicipalityValue {
  const config = useContext(MunicipalityContext);
  const { locale } = useLocale();
  const own = config.strings[locale as LocaleTag];
  return {
    ...(own ?? config.strings.en),
    config,
    officialDomain: config.data.officialDomain,
    lang: own ? locale : 'en',
    logo: config.logo,
    logoOnLight: config.logoOnLight ?? config.logo,
    theme: config.theme,
  };
}
