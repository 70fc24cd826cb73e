'use client';
import { enNavigation } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** An entry of the {@link SideNav}. */
export interface SideNavItem {
  label: string;
  href: string;
  /** Marks the current page (`aria-current="page"`). */
  current?: boolean;
  /** Sub-pages, shown nested. */
  items?: readonly SideNavItem[];
}

/** Props of {@link SideNav}. */
export interface SideNavProps {
  items: readonly SideNavItem[];
  /** The landmark's name. Default: the localized "Section". */
  label?: string;
}

function Items({ items }: { items: readonly SideNavItem[] }) {
  return (
    <ul className="cob-side-nav__list">
      {items.map((item) => (
        <li key={item.href}>
          <a
            href={item.href}
            className={
              item.current ? 'cob-side-nav__link cob-side-nav__link--current' : 'cob-side-nav__link'
            }
            aria-current={item.current ? 'page' : undefined}
          >
            {item.label}
          </a>
          {item.items && item.items.length > 0 ? <Items items={item.items} /> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Navigation within a section, as a labelled `nav` of nested lists.
 * @example <SideNav items={[{ label: 'Open cases', href: '/open', current: true }]} />
 */
export function SideNav({ items, label }: SideNavProps) {
  const { t } = useStrings(enNavigation);
  return (
    <nav className="cob-side-nav" aria-label={label ?? t('sectionNavigation')}>
      <Items items={items} />
    </nav>
  );
}
