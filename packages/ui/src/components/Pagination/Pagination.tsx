'use client';
import type { MouseEvent } from 'react';
import { UiError } from '../../errors.js';
import { enPagination } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { ChevronIcon } from '../../internal/icons.js';

/** Props of {@link Pagination}. */
export interface PaginationProps {
  /** The current page, from 1. */
  page: number;
  /** The number of pages, at least 1. */
  totalPages: number;
  /** The link of a page. With `onPageChange`, clicks are intercepted (client-side paging). */
  hrefFor?: (page: number) => string;
  /** Called with the chosen page. */
  onPageChange?: (page: number) => void;
  /** Page numbers shown either side of the current one. Default 1. */
  siblings?: number;
}

/** The page numbers to show, with `'gap'` where pages are skipped. Exported for tests. */
export function pageWindow(page: number, total: number, siblings = 1): Array<number | 'gap'> {
  const pages = new Set<number>([1, total]);
  for (let p = page - siblings; p <= page + siblings; p++) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev > 1) out.push(p - prev === 2 ? p - 1 : 'gap');
    out.push(p);
  });
  return out;
}

/**
 * Links between the pages of a list: a labelled `nav`, "Page 2 of 10", `aria-current="page"` on
 * the current page, Previous and Next. On a narrow container (a 375 px phone) it collapses, as
 * GOV.UK Frontend and USWDS do: arrows for Previous and Next (their names stay), only the first,
 * current and last pages with ellipses between, and "Page 2 of 10" written out above, so nothing
 * overflows and every target stays 44 px.
 * @example <Pagination page={2} totalPages={10} hrefFor={(p) => `?page=${p}`} />
 */
export function Pagination({
  page,
  totalPages,
  hrefFor,
  onPageChange,
  siblings = 1,
}: PaginationProps) {
  const { t, formatLocale } = useStrings(enPagination);
  if (!Number.isInteger(totalPages) || totalPages < 1) {
    throw new UiError(
      'UI_INVALID_PROP',
      `Pagination: totalPages must be a positive integer, got ${totalPages}`,
    );
  }
  if (!Number.isInteger(page) || page < 1 || page > totalPages) {
    throw new UiError('UI_INVALID_PROP', `Pagination: page ${page} is outside 1..${totalPages}`);
  }
  // The visible number matches the accessible name ("Page 1,024"), digits and grouping included.
  const number = new Intl.NumberFormat(formatLocale);
  const href = (p: number) => (hrefFor ? hrefFor(p) : `?page=${p}`);
  const go = (p: number) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onPageChange) return;
    event.preventDefault();
    onPageChange(p);
  };
  // Two layouts, one shown by a container query (Pagination.css); the other is display: none,
  // so assistive technology meets one list. No script measures anything: it works server-rendered.
  const list = (layout: 'wide' | 'narrow') => (
    <ul className={`cob-pagination__list cob-pagination__list--${layout}`}>
      {page > 1 ? (
        <li>
          <a
            className="cob-pagination__link cob-pagination__step"
            href={href(page - 1)}
            rel="prev"
            onClick={go(page - 1)}
          >
            <ChevronIcon className="cob-pagination__icon cob-pagination__icon--prev" />
            <span className="cob-pagination__step-text">{t('previous')}</span>
          </a>
        </li>
      ) : null}
      {pageWindow(page, totalPages, layout === 'wide' ? siblings : 0).map((p, i) =>
        p === 'gap' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: gaps are positional
          <li key={`gap-${i}`} className="cob-pagination__gap" aria-hidden="true">
            …
          </li>
        ) : (
          <li key={p}>
            <a
              className={
                p === page
                  ? 'cob-pagination__link cob-pagination__link--current'
                  : 'cob-pagination__link'
              }
              href={href(p)}
              aria-current={p === page ? 'page' : undefined}
              aria-label={t('goToPage', { page: p })}
              onClick={go(p)}
            >
              {number.format(p)}
            </a>
          </li>
        ),
      )}
      {page < totalPages ? (
        <li>
          <a
            className="cob-pagination__link cob-pagination__step"
            href={href(page + 1)}
            rel="next"
            onClick={go(page + 1)}
          >
            <span className="cob-pagination__step-text">{t('next')}</span>
            <ChevronIcon className="cob-pagination__icon cob-pagination__icon--next" />
          </a>
        </li>
      ) : null}
    </ul>
  );
  return (
    <nav className="cob-pagination" aria-label={t('pagination')}>
      <p className="cob-pagination__status">{t('pageOf', { page, total: totalPages })}</p>
      {list('wide')}
      {list('narrow')}
    </nav>
  );
}
