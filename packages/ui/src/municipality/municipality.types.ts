import type { Municipality } from '@cityofboston/standards-schema';
import type { ReactNode } from 'react';
import type { LocaleTag } from '../i18n/localeTags.js';
import type { ReviewStatus } from '../i18n/review.js';
import type { ThemeColors } from '../theme/themeColors.js';

/** The municipality's own words in one language. */
export interface MunicipalityStrings {
  /** The full name as residents read it: "City of Boston", "Ciudad de Boston". */
  name: string;
  /** The official-website statement: "An official website of the City of Boston". */
  officialBanner: string;
}

/** The fields of standards-schema's `Municipality` the kit reads (a full record fits). */
export type MunicipalityData = Pick<
  Municipality,
  'name' | 'shortName' | 'officialDomain' | 'languages'
> &
  Partial<Municipality>;

/**
 * One municipality's configuration for the kit: its data (standards-schema's `Municipality`)
 * and its presentation: strings per language (English required), logo and theme. Boston is the
 * default; another Massachusetts city or town passes its own to `MunicipalityProvider`.
 */
export interface MunicipalityConfig {
  data: MunicipalityData;
  strings: { en: MunicipalityStrings } & Partial<Record<LocaleTag, MunicipalityStrings>>;
  /** Review status of the translated strings, per language. */
  review?: Partial<Record<LocaleTag, ReviewStatus>>;
  /**
   * The municipal mark: SiteHeader shows it beside the name, SiteFooter beside the copyright
   * line, OfficialBanner small before its statement. Decorative (the name is always written next
   * to it; the kit hides it from assistive technology). An SVG drawn in `currentColor` suits every
   * place: the header and footer are the brand colour, the banner is light. An `<img alt="">`
   * works too: the kit sizes it by height (2.5rem in the header, 2rem in the footer, 1rem in the
   * banner). Default: a generic municipal seal.
   */
  logo?: ReactNode;
  /**
   * The mark for light backgrounds (the official banner), when `logo` is drawn for the brand
   * colour only (a white logo file). Default: `logo`.
   */
  logoOnLight?: ReactNode;
  /** Colour overrides over Boston's; check them with `defineTheme`. */
  theme?: Partial<ThemeColors>;
}
