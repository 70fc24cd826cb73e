'use client';
import { useEffect, useId, useState } from 'react';
import { enServiceNavigation } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';
import { MenuIcon } from '../../internal/icons.js';

/** A link of a {@link ServiceNavigation}. */
export interface ServiceNavigationItem {
  href: string;
  label: string;
  /** The page the user is on: marked with `aria-current="page"` and a bar, not colour alone. */
  current?: boolean;
}

/** Props of {@link ServiceNavigation}. */
export interface ServiceNavigationProps {
  items: readonly ServiceNavigationItem[];
  /** Names the `<nav>`. Default "Service" in the current language. */
  label?: string;
}

/**
 * The service's main links (GOV.UK "Service navigation"), for {@link SiteHeader}'s `navigation`
 * slot. On narrow screens the links fold behind a "Menu" button (`aria-expanded`,
 * `aria-controls`); without JavaScript, or before hydration, they are simply all shown.
 * @example
 * <SiteHeader appName="Permits" navigation={
 *   <ServiceNavigation items={[{ href: '/', label: 'Home', current: true }, { href: '/apply', label: 'Apply' }]} />
 * } />
 */
export function ServiceNavigation({ items, label }: ServiceNavigationProps) {
  const { t } = useStrings(enServiceNavigation);
  const listId = useId();
  const [enhanced, setEnhanced] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return (
    <nav className="cob-service-nav" aria-label={label ?? t('serviceNavigation')}>
      {enhanced ? (
        <button
          type="button"
          className="cob-service-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          <MenuIcon /> {t('menu')}
        </button>
      ) : null}
      <ul
        id={listId}
        className={cx(
          'cob-service-nav__list',
          enhanced && !open && 'cob-service-nav__list--folded',
        )}
      >
        {items.map((item) => (
          <li
            key={item.href}
            className={cx(
              'cob-service-nav__item',
              item.current && 'cob-service-nav__item--current',
            )}
          >
            <a
              className="cob-service-nav__link"
              href={item.href}
              aria-current={item.current ? 'page' : undefined}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
