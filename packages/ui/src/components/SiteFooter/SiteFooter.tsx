import type { ReactNode } from 'react';
import { MunicipalityLogo } from '../../municipality/MunicipalityLogo.js';
import { MunicipalityName } from '../../municipality/MunicipalityName.js';

/** A link in the {@link SiteFooter}. */
export interface FooterLink {
  href: string;
  label: string;
}

/** Props of {@link SiteFooter}. */
export interface SiteFooterProps {
  /** Links such as Accessibility, Privacy, Language access. */
  links?: readonly FooterLink[];
  /** The municipality's name for the copyright line. Default: the `MunicipalityProvider`'s. */
  cityName?: string;
  /**
   * The mark beside the copyright line, decorative. Default: the municipality's logo (or a
   * generic seal); `false` for none.
   */
  logo?: ReactNode | false;
  /** Extra content (contact details, department). */
  children?: ReactNode;
}

/**
 * The `contentinfo` landmark: links, your content, and the municipality's mark beside its name
 * (as GOV.UK's footer and USWDS's identifier carry the government's). A server component.
 * @example <SiteFooter links={[{ href: '/accessibility', label: 'Accessibility' }]} />
 */
export function SiteFooter({ links = [], cityName, logo, children }: SiteFooterProps) {
  return (
    <footer className="cob-site-footer">
      <div className="cob-site-footer__inner">
        {links.length > 0 ? (
          <ul className="cob-site-footer__links">
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {children}
        <p className="cob-site-footer__copyright">
          {logo === false ? null : logo !== undefined ? (
            <span
              className="cob-municipality-logo cob-municipality-logo--footer"
              aria-hidden="true"
            >
              {logo}
            </span>
          ) : (
            <MunicipalityLogo placement="footer" />
          )}
          <span>© {cityName ?? <MunicipalityName />}</span>
        </p>
      </div>
    </footer>
  );
}
