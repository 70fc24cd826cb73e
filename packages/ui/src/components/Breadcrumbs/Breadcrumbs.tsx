'use client';
import { enBreadcrumbs } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** A step of the {@link Breadcrumbs} trail. */
export interface Breadcrumb {
  label: string;
  /** Omit on the current page. */
  href?: string;
}

/** Props of {@link Breadcrumbs}. */
export interface BreadcrumbsProps {
  /** From the home page to the current page (last). */
  items: readonly Breadcrumb[];
}

/**
 * Where the page sits: a labelled `nav` with an ordered list; the last item is the current page
 * (`aria-current="page"`, not a link).
 * @example <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Case 42' }]} />
 */
export function Breadcrumbs({ items }: BreadcrumbsProps) {
  const { t } = useStrings(enBreadcrumbs);
  return (
    <nav className="cob-breadcrumbs" aria-label={t('breadcrumbs')}>
      <ol className="cob-breadcrumbs__list">
        {items.map((item, index) => {
          const current = index === items.length - 1;
          return (
            <li key={item.href ?? item.label} className="cob-breadcrumbs__item">
              {current || !item.href ? (
                <span aria-current={current ? 'page' : undefined}>{item.label}</span>
              ) : (
                <a href={item.href}>{item.label}</a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
