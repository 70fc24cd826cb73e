// Pagination: the page state (internal, or the app's in server mode), moving between pages with
// a spoken "Page 2 of 10" and the scroll reset to the top, and the Previous / Next / rows per
// page bar under the table.
import type { Updater } from '@tanstack/react-table';
import type { RefObject } from 'react';
import { Button } from '../../components/Button/Button.js';
import type { enPagination } from '../../i18n/locales/en.js';
import type { Strings } from '../../i18n/useStrings.js';
import type { DataTablePagination } from '../DataTable.types.js';
import { useControllable } from './state.js';
import type { Announce, TableStrings } from './table.js';

/** Every row on one page: what TanStack gets when the table is not paginated. */
export const ALL_ROWS: DataTablePagination = { pageIndex: 0, pageSize: Number.MAX_SAFE_INTEGER };

interface PaginationOptions {
  pageSize: number | undefined;
  /** Server mode: the table is always paginated, by the app. */
  manual: boolean;
  controlled: DataTablePagination | undefined;
  onChange: ((pagination: DataTablePagination) => void) | undefined;
}

/** The page state; `paginated` is false when the table shows every row in one scroll. */
export function usePaginationState({ pageSize, manual, controlled, onChange }: PaginationOptions) {
  const [pagination, setPagination] = useControllable<DataTablePagination>(
    controlled,
    { pageIndex: 0, pageSize: pageSize ?? Number.MAX_SAFE_INTEGER },
    onChange,
  );
  const paginated = pageSize !== undefined || manual;
  return {
    pagination,
    setPagination: setPagination as (updater: Updater<DataTablePagination>) => DataTablePagination,
    paginated,
  };
}

/** Where the page starts among all rows, and how many pages `total` rows make. */
export function pageGeometry(pagination: DataTablePagination, paginated: boolean, total: number) {
  return {
    rowOffset: paginated ? pagination.pageIndex * pagination.pageSize : 0,
    pageCount: paginated ? Math.max(1, Math.ceil(total / pagination.pageSize)) : 1,
  };
}

interface GoToPageOptions {
  pagination: DataTablePagination;
  setPagination: (next: DataTablePagination) => unknown;
  pageCount: number;
  announce: Announce;
  t: Strings<keyof typeof enPagination>['t'];
  scrollRef: RefObject<HTMLElement | null>;
}

/** Moves to a page (clamped), says "Page 2 of 10" and scrolls the rows back to the top. */
export function goToPage(pageIndex: number, o: GoToPageOptions) {
  const next = Math.max(0, Math.min(o.pageCount - 1, pageIndex));
  if (next === o.pagination.pageIndex) return;
  o.setPagination({ ...o.pagination, pageIndex: next });
  o.announce(o.t('pageOf', { page: next + 1, total: o.pageCount }));
  o.scrollRef.current?.scrollTo?.({ top: 0 });
}

/** Props of {@link PaginationBar}. */
export interface PaginationBarProps {
  baseId: string;
  pagination: DataTablePagination;
  pageCount: number;
  pageSizeOptions: readonly number[] | undefined;
  go: (pageIndex: number) => void;
  setPagination: (next: DataTablePagination) => unknown;
  t: Strings<keyof typeof enPagination>['t'];
  s: TableStrings;
}

/** Previous, "Page 2 of 10", Next, and the rows-per-page choice when offered. */
export function PaginationBar({
  baseId,
  pagination,
  pageCount,
  pageSizeOptions,
  go,
  setPagination,
  t,
  s,
}: PaginationBarProps) {
  return (
    <nav className="cob-datatable__pagination" aria-label={t('pagination')}>
      <Button
        variant="secondary"
        aria-disabled={pagination.pageIndex === 0 || undefined}
        onClick={() => go(pagination.pageIndex - 1)}
      >
        {t('previous')}
      </Button>
      <span className="cob-datatable__page">
        {t('pageOf', { page: pagination.pageIndex + 1, total: pageCount })}
      </span>
      <Button
        variant="secondary"
        aria-disabled={pagination.pageIndex >= pageCount - 1 || undefined}
        onClick={() => go(pagination.pageIndex + 1)}
      >
        {t('next')}
      </Button>
      {pageSizeOptions && pageSizeOptions.length > 0 ? (
        <span className="cob-datatable__page-size">
          <label htmlFor={`${baseId}-page-size`}>{s('rowsPerPage')}</label>
          <select
            id={`${baseId}-page-size`}
            className="cob-input"
            value={pagination.pageSize}
            onChange={(e) => setPagination({ pageIndex: 0, pageSize: Number(e.target.value) })}
          >
            {pageSizeOptions.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </span>
      ) : null}
    </nav>
  );
}
