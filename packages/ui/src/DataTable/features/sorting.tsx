// Sorting: the sort state (internal or the app's), a spoken sort order after every change
// ("Sorted by Opened descending, then Status ascending"), `aria-sort` on the primary sort column,
// and the header's sort button (Shift+click or Shift+Enter adds a column to a multi-sort).
import type { SortingState, Updater } from '@tanstack/react-table';
import { useCallback } from 'react';
import { enPunctuation } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import type { DataTableSort } from '../DataTable.types.js';
import type { ResolvedColumn } from '../DataTable.utils.js';
import { useControllable } from './state.js';
import type { Announce, AnyRow, TableStrings } from './table.js';

interface SortingOptions {
  controlled: readonly DataTableSort[] | undefined;
  onChange: ((sorting: readonly DataTableSort[]) => void) | undefined;
  byId: ReadonlyMap<string, ResolvedColumn<AnyRow>>;
  s: TableStrings;
  announce: Announce;
}

/** The sort state and TanStack's `onSortingChange`, which also announces the new order. */
export function useSorting({ controlled, onChange, byId, s, announce }: SortingOptions) {
  const [sorting, setSorting] = useControllable<readonly DataTableSort[]>(controlled, [], onChange);
  const sortLabel = useCallback(
    (next: readonly DataTableSort[]) =>
      next.length === 0
        ? s('sortCleared')
        : s('sortedBy', {
            order: next
              .map((entry) =>
                s(entry.desc ? 'sortDescending' : 'sortAscending', {
                  column: byId.get(entry.id)?.header ?? entry.id,
                }),
              )
              .join(s('sortThen')),
          }),
    [s, byId],
  );
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = setSorting(updater as Updater<readonly DataTableSort[]>);
      announce(sortLabel(next));
    },
    [setSorting, announce, sortLabel],
  );
  return { sorting, onSortingChange };
}

/** What a header cell knows of its column's sort. */
export interface ColumnSort {
  /** `'asc'`, `'desc'` or `false`. */
  sorted: false | 'asc' | 'desc';
  /** Position in a multi-sort, from 0; -1 when unsorted. */
  sortIndex: number;
}

/** `aria-sort` of a header: only the primary sort column says its direction (ARIA 1.2). */
export function ariaSortOf(
  { sorted, sortIndex }: ColumnSort,
  sortable: boolean,
): 'ascending' | 'descending' | 'none' | undefined {
  if (sortIndex === 0 && sorted !== false) return sorted === 'desc' ? 'descending' : 'ascending';
  return sortable ? 'none' : undefined;
}

/** Props of {@link SortButton}. */
export interface SortButtonProps extends ColumnSort {
  header: string;
  /** How many columns the table is sorted by. */
  sortCount: number;
  multiSort: boolean;
  tabIndex: number | undefined;
  /** Toggles the column's sort; `multi` adds it to the current order. */
  toggle: (multi: boolean) => void;
  s: TableStrings;
}

/** The header's sort button, with its direction icon and, in a multi-sort, its position. */
export function SortButton({
  header,
  sorted,
  sortIndex,
  sortCount,
  multiSort,
  tabIndex,
  toggle,
  s,
}: SortButtonProps) {
  const { t } = useStrings(enPunctuation);
  return (
    <button
      type="button"
      className="cob-datatable__sort"
      data-cob-focus=""
      tabIndex={tabIndex}
      onClick={(e) => toggle(multiSort && e.shiftKey)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.shiftKey) {
          e.preventDefault();
          toggle(multiSort);
        }
      }}
    >
      {header}
      <span className="cob-datatable__sort-icon" aria-hidden="true">
        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
      </span>
      {sorted !== false && sortCount > 1 ? (
        <span className="cob-datatable__sort-index">
          <span className="cob-visually-hidden">{t('listSeparator')}</span>
          {sortIndex + 1}
          <span className="cob-visually-hidden">
            {' '}
            {s(sorted === 'desc' ? 'sortDescending' : 'sortAscending', { column: '' }).trim()}
          </span>
        </span>
      ) : null}
    </button>
  );
}
