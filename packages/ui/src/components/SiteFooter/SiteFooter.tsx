import type { ReactNode } from 'react';
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
  /** Extra content (contact details, department). */
  children?: ReactNode;
}

/**
 * The `contentinfo` landmark. A server component.
 * @example <SiteFooter links={[{ href: '/accessibility', label: 'Accessibility' }]} />
 */
export function SiteFooter({ links = [], cityName, children }: SiteFooterProps) {
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
        <p className="cob-site-footer__copyright">© {cityName ?? <MunicipalityName />}</p>
      </div>
    </footer>
  );
}
