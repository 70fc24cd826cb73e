import type { ReactNode } from 'react';
import { MunicipalityLogo } from '../../municipality/MunicipalityLogo.js';
import { MunicipalityName } from '../../municipality/MunicipalityName.js';

/** Props of {@link SiteHeader}. */
export interface SiteHeaderProps {
  /** The application's name, e.g. "311 Case Desk". */
  appName: string;
  /** The department that runs the app, e.g. "Public Works". */
  department?: string;
  /** The municipality's name, shown with the mark. Default: the `MunicipalityProvider`'s, in the page's language. */
  cityName?: string;
  /** The municipal mark; decorative, since the name is written beside it. Default: the municipality's logo, or a generic seal. */
  logo?: ReactNode;
  /** Where the app name links. Default `/`. */
  homeHref?: string;
  /** Slot for the signed-in user (name, sign-out button). */
  user?: ReactNode;
  /** Slot for the main navigation (a `<nav>` you label). */
  navigation?: ReactNode;
}

/**
 * The `banner` landmark: municipal mark and name, app name, department, and slots for the user
 * and navigation. A server component (the municipality's name and logo come from small client
 * children that read `MunicipalityProvider`).
 * @example <SiteHeader appName="311 Case Desk" department="Public Works" user={<span>Ada</span>} />
 */
export function SiteHeader({
  appName,
  department,
  cityName,
  logo,
  homeHref = '/',
  user,
  navigation,
}: SiteHeaderProps) {
  return (
    <header className="cob-site-header">
      <div className="cob-site-header__inner">
        <a className="cob-site-header__home" href={homeHref}>
          <span className="cob-site-header__mark" aria-hidden="true">
            {logo ?? <MunicipalityLogo placement="header" />}
          </span>
          <span className="cob-site-header__titles">
            <span className="cob-site-header__city">{cityName ?? <MunicipalityName />}</span>
            <span className="cob-site-header__app">{appName}</span>
          </span>
        </a>
        {department ? <p className="cob-site-header__department">{department}</p> : null}
        {user ? <div className="cob-site-header__user">{user}</div> : null}
      </div>
      {navigation ? <div className="cob-site-header__nav">{navigation}</div> : null}
    </header>
  );
}
