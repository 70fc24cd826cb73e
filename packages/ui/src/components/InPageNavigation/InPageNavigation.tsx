'use client';
import { enInPageNavigation } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** A section link of an {@link InPageNavigation}. */
export interface InPageNavigationItem {
  /** The section's id, without `#`. */
  id: string;
  label: string;
}

/** Props of {@link InPageNavigation}. */
export interface InPageNavigationProps {
  items: readonly InPageNavigationItem[];
  /** The list's heading and the navigation's name. Default "Contents". */
  title?: string;
}

/**
 * "On this page" links to the sections of a long page (USWDS "In-page navigation", GOV.UK
 * "Contents list"): a labelled `<nav>` of same-page links. Each target should be a heading with
 * that id; the browser moves focus and scrolls there.
 * @example <InPageNavigation items={[{ id: 'eligibility', label: 'Who can apply' }]} />
 */
export function InPageNavigation({ items, title }: InPageNavigationProps) {
  const { t } = useStrings(enInPageNavigation);
  const heading = title ?? t('contents');
  return (
    <nav className="cob-in-page-nav" aria-label={heading}>
      <h2 className="cob-in-page-nav__title">{heading}</h2>
      <ol className="cob-in-page-nav__list">
        {items.map((item) => (
          <li key={item.id} className="cob-in-page-nav__item">
            <a className="cob-link" href={`#${item.id}`}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
