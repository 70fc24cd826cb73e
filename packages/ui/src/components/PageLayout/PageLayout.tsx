import type { ReactNode } from 'react';
import { cx } from '../../internal/cx.js';
import { MunicipalityThemeScope } from '../../municipality/MunicipalityThemeScope.js';
import { OfficialBanner } from '../OfficialBanner/OfficialBanner.js';
import { SkipLink } from '../SkipLink/SkipLink.js';

/** Props of {@link PageLayout}. */
export interface PageLayoutProps {
  /** Usually a {@link SiteHeader}. */
  header?: ReactNode;
  /** Usually a {@link SiteFooter}. */
  footer?: ReactNode;
  /** Optional side navigation, shown beside the content (before it in reading order). */
  sideNav?: ReactNode;
  /** Optional site-wide alert, shown under the header. */
  siteAlert?: ReactNode;
  /**
   * The official-website banner: `true` (default) for the municipality's {@link OfficialBanner},
   * `false` for none, or your own element (e.g. `<OfficialBanner statement="…" domain="…" />`).
   */
  officialBanner?: boolean | ReactNode;
  /** The id of `<main>`, the skip link's target. Default `main`. */
  mainId?: string;
  children?: ReactNode;
}

/**
 * A page frame in the right order: skip link, official banner, header, alert, navigation, main,
 * footer, in the municipality's theme (from `MunicipalityProvider`). `<main>` takes focus from the
 * skip link (`tabIndex={-1}`). A server component.
 * @example <PageLayout header={<SiteHeader appName="Permits" />}><h1>Permits</h1></PageLayout>
 */
export function PageLayout({
  header,
  footer,
  sideNav,
  siteAlert,
  officialBanner = true,
  mainId = 'main',
  children,
}: PageLayoutProps) {
  return (
    <MunicipalityThemeScope className="cob-root cob-page">
      <SkipLink href={`#${mainId}`} />
      {officialBanner === true ? (
        <OfficialBanner />
      ) : officialBanner === false ? null : (
        officialBanner
      )}
      {header}
      {siteAlert}
      <div className={cx('cob-page__body', sideNav ? 'cob-page__body--with-nav' : false)}>
        {sideNav ? <div className="cob-page__nav">{sideNav}</div> : null}
        <main id={mainId} tabIndex={-1} className="cob-page__main">
          {children}
        </main>
      </div>
      {footer}
    </MunicipalityThemeScope>
  );
}
