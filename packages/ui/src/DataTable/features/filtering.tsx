// Filtering: the global search (one lower-cased haystack per row, so a keystroke costs one
// substring test per row), per-column filters, their state (internal or the app's), the search
// and filter fields, and the spoken result count once the viewer pauses typing.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DataTableColumnFilter } from '../DataTable.types.js';
import type { ResolvedColumn } from '../DataTable.utils.js';
import { useControllable } from './state.js';
import type { Announce, AnyRow, TableStrings } from './table.js';

const ANNOUNCE_DELAY_MS = 400;

/**
 * The search index: a row's searchable text, built on the first search and kept while the
 * columns last, and the column TanStack's global filter runs on (one per row is enough).
 */
export function useSearchIndex(resolved: readonly ResolvedColumn<AnyRow>[]) {
  const haystacks = useMemo(() => {
    void resolved;
    return new WeakMap<object, string>();
  }, [resolved]);
  const searchColumns = useMemo(() => resolved.filter((c) => c.searchable), [resolved]);
  const haystackOf = useCallback(
    (row: AnyRow): string => {
      let text = haystacks.get(row);
      if (text === undefined) {
        const parts: string[] = [];
        for (const c of searchColumns) {
          const v = c.value(row);
          parts.push(typeof v === 'string' ? v : typeof v === 'number' ? String(v) : c.text(row));
        }
        text = parts.join('\u0000').toLowerCase();
        haystacks.set(row, text);
      }
      return text;
    },
    [haystacks, searchColumns],
  );
  return { haystackOf, firstSearchable: searchColumns[0]?.id };
}

interface FilterOptions {
  globalFilter: string | undefined;
  onGlobalFilterChange: ((value: string) => void) | undefined;
  columnFilters: readonly DataTableColumnFilter[] | undefined;
  onColumnFiltersChange: ((filters: readonly DataTableColumnFilter[]) => void) | undefined;
}

/** The search text and the column filters, each internal unless the app controls it. */
export function useFilters(options: FilterOptions) {
  const [globalFilter, setGlobalFilter] = useControllable<string>(
    options.globalFilter,
    '',
    options.onGlobalFilterChange,
  );
  const [columnFilters, setColumnFilters] = useControllable<readonly DataTableColumnFilter[]>(
    options.columnFilters,
    [],
    options.onColumnFiltersChange,
  );
  return { globalFilter, setGlobalFilter, columnFilters, setColumnFilters };
}

/** Announces "12 results" after the viewer pauses typing a search or filter. */
export function useResultCountAnnouncement(
  globalFilter: string,
  columnFilters: readonly DataTableColumnFilter[],
  total: number,
  announce: Announce,
  s: TableStrings,
) {
  const filterKey = `${globalFilter}\u0000${JSON.stringify(columnFilters)}`;
  const lastFilterKey = useRef(filterKey);
  useEffect(() => {
    if (lastFilterKey.current === filterKey) return;
    lastFilterKey.current = filterKey;
    const timer = setTimeout(() => announce(s('resultCount', { count: total })), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filterKey, total, announce, s]);
}

/** Props of {@link SearchField}. */
export interface SearchFieldProps {
  baseId: string;
  value: string;
  onChange: (value: string) => void;
  s: TableStrings;
}

/** The table's search box; it controls the table. */
export function SearchField({ baseId, value, onChange, s }: SearchFieldProps) {
  return (
    <div className="cob-datatable__search">
      <label htmlFor={`${baseId}-search`}>{s('search')}</label>
      <input
        id={`${baseId}-search`}
        type="search"
        className="cob-input"
        value={value}
        aria-controls={`${baseId}-table`}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** Props of {@link ColumnFilterFields}. */
export interface ColumnFilterFieldsProps {
  baseId: string;
  columns: readonly ResolvedColumn<AnyRow>[];
  filters: readonly DataTableColumnFilter[];
  /** Sets a column's filter; `undefined` removes it. */
  setFilter: (columnId: string, value: string | undefined) => void;
  s: TableStrings;
}

/** One labelled filter field per filterable column, in a "Filters" group. */
export function ColumnFilterFields({
  baseId,
  columns,
  filters,
  setFilter,
  s,
}: ColumnFilterFieldsProps) {
  return (
    <fieldset className="cob-datatable__filters">
      <legend>{s('filters')}</legend>
      {columns.map((c) => {
        const value = String(filters.find((f) => f.id === c.id)?.value ?? '');
        return (
          <div key={c.id} className="cob-datatable__filter">
            <label htmlFor={`${baseId}-filter-${c.id}`}>{c.header}</label>
            <input
              id={`${baseId}-filter-${c.id}`}
              type="search"
              className="cob-input"
              value={value}
              aria-controls={`${baseId}-table`}
              onChange={(e) => setFilter(c.id, e.target.value || undefined)}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
