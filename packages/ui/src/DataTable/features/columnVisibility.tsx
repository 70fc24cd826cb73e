// Column visibility: columns marked `hidden` start hidden, and the Columns menu (a native
// disclosure with a checkbox per column) shows or hides any of them.
import { type ColumnVisibilityState, functionalUpdate, type Updater } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import type { ResolvedColumn } from '../DataTable.utils.js';
import type { AnyRow, TableStrings } from './table.js';

/** The visibility state and TanStack's `onColumnVisibilityChange`. */
export function useColumnVisibility(resolved: readonly ResolvedColumn<AnyRow>[]) {
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(() =>
    Object.fromEntries(resolved.filter((c) => c.hidden).map((c) => [c.id, false])),
  );
  const onColumnVisibilityChange = useCallback(
    (u: Updater<ColumnVisibilityState>) => setColumnVisibility((prev) => functionalUpdate(u, prev)),
    [],
  );
  return { columnVisibility, onColumnVisibilityChange };
}

/** Props of {@link ColumnMenu}. */
export interface ColumnMenuProps {
  columns: readonly ResolvedColumn<AnyRow>[];
  visibility: ColumnVisibilityState;
  toggle: (columnId: string, visible: boolean) => void;
  s: TableStrings;
}

/** The Columns menu: a checkbox per column. */
export function ColumnMenu({ columns, visibility, toggle, s }: ColumnMenuProps) {
  return (
    <details className="cob-datatable__menu">
      <summary>{s('columns')}</summary>
      <fieldset>
        <legend className="cob-visually-hidden">{s('columns')}</legend>
        {columns.map((c) => (
          <label key={c.id} className="cob-datatable__menu-item">
            <input
              type="checkbox"
              checked={visibility[c.id] !== false}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />{' '}
            {c.header}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
