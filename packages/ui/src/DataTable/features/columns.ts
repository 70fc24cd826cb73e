// The TanStack column definitions built from the resolved columns: each column's sort
// comparison (locale-aware, empty values last) and its per-column filter test.
import type { ColumnDef, Row } from '@tanstack/react-table';
import { useMemo } from 'react';
import { makeCompare, type ResolvedColumn } from '../DataTable.utils.js';
import { SELECT_ID } from '../DataTableRow.js';
import type { AnyRow, Features } from './table.js';

/** TanStack column definitions for the resolved columns, after the selection column if any. */
export function useTableColumns(
  resolved: readonly ResolvedColumn<AnyRow>[],
  selectable: boolean,
  locale: string,
) {
  const compare = useMemo(() => makeCompare(locale), [locale]);
  return useMemo(() => {
    const defs: ColumnDef<Features, AnyRow, unknown>[] = [];
    if (selectable) {
      defs.push({
        id: SELECT_ID,
        header: '',
        enableSorting: false,
        enableColumnFilter: false,
        enableGlobalFilter: false,
        enableHiding: false,
      });
    }
    for (const c of resolved) {
      defs.push({
        id: c.id,
        accessorFn: (row: AnyRow) => c.value(row),
        header: c.header,
        enableSorting: c.sortable,
        enableColumnFilter: c.filterable,
        enableGlobalFilter: c.searchable,
        sortUndefined: 'last',
        sortFn: (a: Row<Features, AnyRow>, b: Row<Features, AnyRow>, columnId: string) =>
          compare(a.getValue(columnId), b.getValue(columnId)),
        filterFn: (row: Row<Features, AnyRow>, _columnId: string, value: unknown) =>
          c.text(row.original).toLowerCase().includes(String(value).toLowerCase()),
      } as ColumnDef<Features, AnyRow, unknown>);
    }
    return defs;
  }, [resolved, selectable, compare]);
}
