// The keyboard grid's focus (WAI-ARIA grid pattern): one cell, or the control in it, is in the
// tab order at a time (a roving tab stop); arrow keys and friends move it (the key map is
// gridKeyboard.ts), Enter opens a row, Space selects it; the focused row is followed when
// sorting or filtering moves it, and scrolled back into view when rows are virtualized.
import type { Virtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { DataTableDensity } from '../DataTable.types.js';
import type { BodyRowModel } from '../DataTableRow.js';
import { nextCell } from './gridKeyboard.js';
import type { AnyRow } from './table.js';
import { ROW_HEIGHT } from './virtualization.js';

interface ActiveCell {
  /** `null` for the header row. */
  rowId: string | null;
  col: number;
}

/** What the grid focus needs of a row. */
export interface GridRow {
  id: string;
  original: AnyRow;
  toggleSelected: () => void;
}

interface GridFocusOptions {
  gridMode: boolean;
  rows: readonly GridRow[];
  colCount: number;
  selectable: boolean;
  onRowOpen: ((row: AnyRow) => void) | undefined;
  density: DataTableDensity;
  scrollRef: RefObject<HTMLElement | null>;
  virtual: boolean;
  virtualizer: Pick<Virtualizer<HTMLDivElement, Element>, 'scrollToIndex'>;
  virtualItems: readonly { index: number }[];
}

/** The roving tab stop, its handlers, and what rows need to place it. */
export function useGridFocus({
  gridMode,
  rows,
  colCount,
  selectable,
  onRowOpen,
  density,
  scrollRef,
  virtual,
  virtualizer,
  virtualItems,
}: GridFocusOptions) {
  const [active, setActive] = useState<ActiveCell>({ rowId: null, col: 0 });
  const pendingFocus = useRef(false);
  const focusInBody = useRef(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const rowIndexById = useMemo(() => {
    if (!gridMode) return undefined;
    const map = new Map<string, number>();
    rows.forEach((row, i) => {
      map.set(row.id, i);
    });
    return map;
  }, [rows, gridMode]);
  const activeRowIndex = active.rowId === null ? -1 : (rowIndexById?.get(active.rowId) ?? -1);
  const activeCol = Math.min(active.col, Math.max(0, colCount - 1));
  const activeRendered =
    active.rowId === null ||
    (activeRowIndex >= 0 &&
      (!virtual || virtualItems.some((item) => item.index === activeRowIndex)));
  /** `tabIndex` of a cell's focus target: 0 for the tab stop, -1 for the rest, none outside a grid. */
  const tabbable = (rowId: string | null, col: number) =>
    !gridMode
      ? undefined
      : (activeRendered ? rowId === active.rowId : rowId === null) && col === activeCol
        ? 0
        : -1;

  const focusActive = useCallback(() => {
    const root = tableRef.current;
    if (!root) return false;
    const rowSel =
      active.rowId === null
        ? '[data-cob-row="header"]'
        : `[data-cob-row-id="${CSS.escape(active.rowId)}"]`;
    const cell = root.querySelector<HTMLElement>(`${rowSel} [data-cob-col="${activeCol}"]`);
    if (!cell) return false;
    const target = cell.querySelector<HTMLElement>('[data-cob-focus]') ?? cell;
    target.focus({ preventScroll: false });
    return true;
  }, [active, activeCol]);

  useLayoutEffect(() => {
    if (pendingFocus.current && focusActive()) pendingFocus.current = false;
  });

  // When sorting or filtering moves the focused row, follow it: scroll it back into view and,
  // if its cell left the DOM, focus it again.
  const lastRows = useRef(rows);
  useEffect(() => {
    if (lastRows.current === rows) return;
    lastRows.current = rows;
    if (!gridMode || active.rowId === null) return;
    if (activeRowIndex < 0) {
      setActive({ rowId: null, col: activeCol });
      return;
    }
    if (virtual) virtualizer.scrollToIndex(activeRowIndex, { align: 'auto' });
    if (focusInBody.current) pendingFocus.current = true;
  }, [rows, gridMode, active.rowId, activeRowIndex, activeCol, virtual, virtualizer]);

  const moveTo = (rowIndex: number, col: number) => {
    const c = Math.max(0, Math.min(colCount - 1, col));
    const r = Math.max(-1, Math.min(rows.length - 1, rowIndex));
    const rowId = r < 0 ? null : (rows[r]?.id ?? null);
    setActive({ rowId, col: c });
    if (r >= 0 && virtual) virtualizer.scrollToIndex(r, { align: 'auto' });
    pendingFocus.current = true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!gridMode) return;
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-cob-col]');
    const rowEl = target.closest<HTMLElement>('[data-cob-row]');
    if (!cell || !rowEl) return;
    const col = Number(cell.dataset.cobCol);
    const rowId = rowEl.dataset.cobRowId ?? null;
    const r = rowId === null ? -1 : (rowIndexById?.get(rowId) ?? -1);
    const page = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 480) / ROW_HEIGHT[density]) - 1,
    );
    const to = nextCell(
      event.key,
      { row: r, col },
      {
        rowCount: rows.length,
        colCount,
        pageRows: page,
        rtl: event.currentTarget.closest('[dir="rtl"]') !== null,
        ctrlKey: event.ctrlKey,
      },
    );
    if (to) {
      event.preventDefault();
      moveTo(to.row, to.col);
      return;
    }
    let handled = true;
    switch (event.key) {
      case 'Enter': {
        const row = r >= 0 ? rows[r] : undefined;
        if (row && target.tagName !== 'INPUT' && target.tagName !== 'BUTTON')
          onRowOpen?.(row.original);
        else handled = false;
        break;
      }
      case ' ': {
        const row = r >= 0 ? rows[r] : undefined;
        if (row && selectable && target.tagName !== 'INPUT' && target.tagName !== 'BUTTON') {
          row.toggleSelected();
        } else handled = false;
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const onBlur = (event: { currentTarget: Element; relatedTarget: EventTarget | null }) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null))
      focusInBody.current = false;
  };

  const onCellFocus = (rowId: string | null, col: number) => {
    if (!gridMode) return;
    focusInBody.current = rowId !== null;
    if (active.rowId !== rowId || active.col !== col) setActive({ rowId, col });
  };

  const onRowClick = (event: MouseEvent<HTMLElement>, row: BodyRowModel) => {
    if (!onRowOpen) return;
    if ((event.target as HTMLElement).closest('button, a, input, select, textarea, label')) return;
    onRowOpen(row.original);
  };

  // Rows call the latest handlers through this ref, so the handlers they hold keep one identity
  // and do not defeat their memoisation.
  const handlers = useRef({ onCellFocus, onRowClick });
  handlers.current = { onCellFocus, onRowClick };
  const rowHandlers = useMemo(
    () => ({
      onCellFocus: (rowId: string, col: number) => handlers.current.onCellFocus(rowId, col),
      onRowClick: (event: MouseEvent<HTMLElement>, row: BodyRowModel) =>
        handlers.current.onRowClick(event, row),
    }),
    [],
  );

  return {
    tableRef,
    activeCol,
    /** The grid's single tab stop, when it is in a rendered body row. */
    tabStopRowId: gridMode && activeRendered ? active.rowId : null,
    tabbable,
    onKeyDown,
    onBlur,
    onCellFocus,
    rowHandlers,
  };
}
