// Selection: which rows are selected (by row id, so a selection survives sorting and paging),
// the app's callback and a spoken count after each change, the select-all box in the header,
// and the bar of batch actions shown while rows are selected.
import { functionalUpdate, type RowSelectionState, type Updater } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import { Button } from '../../components/Button/Button.js';
import type { DataTableBatchAction } from '../DataTable.types.js';
import type { Announce, TableStrings } from './table.js';

const EMPTY_SELECTED: RowSelectionState = {};

interface SelectionOptions {
  onSelectionChange: ((ids: string[]) => void) | undefined;
  announce: Announce;
  s: TableStrings;
}

/** The selection state, TanStack's `onRowSelectionChange`, and the selected row ids. */
export function useRowSelection({ onSelectionChange, announce, s }: SelectionOptions) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>(EMPTY_SELECTED);
  const onRowSelectionChange = useCallback(
    (updater: Updater<RowSelectionState>) => {
      setRowSelection((prev) => {
        const next = functionalUpdate(updater, prev);
        const ids = Object.keys(next).filter((k) => next[k]);
        queueMicrotask(() => {
          onSelectionChange?.(ids);
          announce(s('selectedCount', { count: ids.length }));
        });
        return next;
      });
    },
    [onSelectionChange, announce, s],
  );
  const selectedIds = Object.keys(rowSelection).filter((k) => rowSelection[k]);
  return { rowSelection, onRowSelectionChange, selectedIds };
}

/** Props of {@link SelectAllBox}. */
export interface SelectAllBoxProps {
  checked: boolean;
  indeterminate: boolean;
  /** How many rows "select all" selects, for its name. */
  total: number;
  tabIndex: number | undefined;
  onChange: (checked: boolean) => void;
  s: TableStrings;
}

/** The header's select-all checkbox, mixed while some rows are selected. */
export function SelectAllBox({
  checked,
  indeterminate,
  total,
  tabIndex,
  onChange,
  s,
}: SelectAllBoxProps) {
  return (
    <input
      type="checkbox"
      data-cob-focus=""
      tabIndex={tabIndex}
      checked={checked}
      ref={(el) => {
        if (el) el.indeterminate = indeterminate;
      }}
      onChange={(e) => onChange(e.target.checked)}
      aria-label={s('selectAll', { count: total })}
    />
  );
}

/** Props of {@link BatchActionBar}. */
export interface BatchActionBarProps<TData> {
  actions: readonly DataTableBatchAction<TData>[];
  selectedIds: readonly string[];
  /** The selected rows that are loaded (in server mode, those of the pages seen). */
  selectedRows: () => TData[];
  clear: () => void;
  s: TableStrings;
}

/** "3 selected", the app's batch actions, and Clear selection. */
export function BatchActionBar<TData>({
  actions,
  selectedIds,
  selectedRows,
  clear,
  s,
}: BatchActionBarProps<TData>) {
  return (
    <fieldset className="cob-datatable__batch">
      <legend className="cob-visually-hidden">{s('batchActions')}</legend>
      <span className="cob-datatable__batch-count">
        {s('selectedCount', { count: selectedIds.length })}
      </span>
      {actions.map((action) => (
        <Button
          key={action.label}
          variant={action.variant ?? 'secondary'}
          onClick={() => action.onAction(selectedRows(), [...selectedIds])}
        >
          {action.label}
        </Button>
      ))}
      <Button variant="link" onClick={clear}>
        {s('clearSelection')}
      </Button>
    </fieldset>
  );
}
