'use client';
import {
  type ColumnDef,
  type ColumnFiltersState,
  type ColumnVisibilityState,
  columnFilteringFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  functionalUpdate,
  globalFilteringFeature,
  type PaginationState,
  type Row,
  type RowSelectionState,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import {
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Button } from '../components/Button/Button.js';
import { useI18n } from '../i18n/context.js';
import { cx } from '../internal/cx.js';
import { useDataTableStrings } from './DataTable.messages.js';
import type {
  DataTableColumnFilter,
  DataTableDensity,
  DataTablePagination,
  DataTableProps,
  DataTableSort,
} from './DataTable.types.js';
import {
  makeCompare,
  type ResolvedColumn,
  resolveColumns,
  rowIdReader,
} from './DataTable.utils.js';
import { type BodyRowContext, type BodyRowModel, DataTableRow, SELECT_ID } from './DataTableRow.js';
import { exportCsv } from './features/csvExport.js';
import { nextCell } from './features/gridKeyboard.js';
import { useControllable, useLiveMessage } from './features/state.js';
import { ROW_HEIGHT, useRowVirtualization } from './features/virtualization.js';

const features = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
  rowSelectionFeature,
  columnVisibilityFeature,
});
type Features = typeof features;
// biome-ignore lint/suspicious/noExplicitAny: rows are the app's records; the table is generic over them.
type AnyRow = any;

const EMPTY_SELECTED = {};
const ALL_ROWS = { pageIndex: 0, pageSize: Number.MAX_SAFE_INTEGER };
const ANNOUNCE_DELAY_MS = 400;

interface ActiveCell {
  /** `null` for the header row. */
  rowId: string | null;
  col: number;
}

/**
 * The City's data table: sorting, search and per-column filters, pagination (client or
 * server), row selection with batch actions, column visibility, density, CSV export, and
 * virtualized rows for large data, built on TanStack Table and TanStack Virtual with the
 * accessibility those libraries leave to their users: `aria-sort` and a spoken sort order,
 * a spoken result count, `aria-rowcount`/`aria-rowindex` that stay right when only the visible
 * rows are in the DOM, a keyboard grid when rows are interactive, stacked rows on narrow
 * screens, and redaction of every column above the viewer's clearance.
 *
 * @example
 * <DataTable
 *   caption="Open requests"
 *   data={requests}
 *   columns={columnsFromSchema(ServiceRequest, { viewerClearance: principal.clearance })}
 *   rowIdKey="service_request_id"
 *   viewerClearance={principal.clearance}
 *   pageSize={25}
 * />
 */
export function DataTable<TData>(props: DataTableProps<TData>) {
  const {
    caption,
    hideCaption = false,
    data,
    columns,
    getRowId: getRowIdProp,
    rowIdKey,
    getRowLabel,
    viewerClearance = 'public',
    searchable = true,
    pageSize,
    pageSizeOptions,
    height,
    server,
    multiSort = true,
    selectable = false,
    batchActions = [],
    onSelectionChange,
    onRowOpen,
    columnMenu = true,
    densityControl = false,
    exportable = false,
    exportFileName = 'export',
    onExport,
    loading = false,
    error,
    emptyMessage,
    messages: messageOverrides,
    className,
    id,
  } = props;
  const { t, formatLocale: locale } = useI18n();
  const s = useDataTableStrings(messageOverrides);
  const generatedId = useId();
  const baseId = id ?? `cob-dt${generatedId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const captionId = `${baseId}-caption`;
  const helpId = `${baseId}-help`;
  const getRowId = useMemo(() => rowIdReader(getRowIdProp, rowIdKey), [getRowIdProp, rowIdKey]);
  const gridMode = props.grid ?? (onRowOpen !== undefined || selectable);
  const manual = server !== undefined;

  const resolved = useMemo(
    () => resolveColumns(columns, viewerClearance, locale),
    [columns, viewerClearance, locale],
  );
  const byId = useMemo(() => new Map(resolved.map((c) => [c.id, c])), [resolved]);
  const rowLabelColumn = useMemo(() => resolved.find((c) => c.rowHeader), [resolved]);

  // One lower-cased haystack per row, built on the first search and kept while the columns last:
  // a keystroke then costs one substring test per row rather than one per cell.
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

  const compare = useMemo(() => makeCompare(locale), [locale]);
  const tableColumns = useMemo(() => {
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
  const firstSearchable = searchColumns[0]?.id;

  // State: internal unless the app controls a slice (server mode passes them all).
  const [announcement, announce] = useLiveMessage();
  const [sorting, setSorting] = useControllable<readonly DataTableSort[]>(
    props.sorting,
    [],
    props.onSortingChange as ((v: readonly DataTableSort[]) => void) | undefined,
  );
  const [globalFilter, setGlobalFilter] = useControllable<string>(
    props.globalFilter,
    '',
    props.onGlobalFilterChange,
  );
  const [columnFilters, setColumnFilters] = useControllable<readonly DataTableColumnFilter[]>(
    props.columnFilters,
    [],
    props.onColumnFiltersChange as ((v: readonly DataTableColumnFilter[]) => void) | undefined,
  );
  const [pagination, setPagination] = useControllable<DataTablePagination>(
    props.pagination,
    { pageIndex: 0, pageSize: pageSize ?? Number.MAX_SAFE_INTEGER },
    props.onPaginationChange,
  );
  const [rowSelection, setRowSelectionInner] = useState<RowSelectionState>(EMPTY_SELECTED);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(() =>
    Object.fromEntries(resolved.filter((c) => c.hidden).map((c) => [c.id, false])),
  );
  const [density, setDensity] = useState<DataTableDensity>(props.density ?? 'comfortable');
  useEffect(() => {
    if (props.density) setDensity(props.density);
  }, [props.density]);

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
  const onRowSelectionChange = useCallback(
    (updater: Updater<RowSelectionState>) => {
      setRowSelectionInner((prev) => {
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

  const paginated = pageSize !== undefined || manual;
  // Option callbacks keep one identity for the table's life (reading the latest props through a
  // ref), so TanStack's memoized row models are not invalidated by a re-render, e.g. on scroll.
  const latest = useRef({ getRowId, haystackOf, firstSearchable, multiSort });
  latest.current = { getRowId, haystackOf, firstSearchable, multiSort };
  const stable = useMemo(
    () => ({
      getRowId: (row: AnyRow, index: number) => latest.current.getRowId(row as TData, index),
      isMultiSortEvent: (e: unknown) =>
        latest.current.multiSort && (e as { shiftKey?: boolean }).shiftKey === true,
      globalFilterFn: (row: Row<Features, AnyRow>, _columnId: string, value: unknown) =>
        latest.current.haystackOf(row.original).includes(String(value).toLowerCase()),
      getColumnCanGlobalFilter: (column: { id: string }) =>
        column.id === latest.current.firstSearchable,
    }),
    [],
  );
  const table = useTable(
    {
      features,
      columns: tableColumns,
      data: data as AnyRow[],
      getRowId: stable.getRowId,
      state: {
        sorting: sorting as SortingState,
        globalFilter,
        columnFilters: columnFilters as ColumnFiltersState,
        pagination: paginated ? pagination : ALL_ROWS,
        rowSelection,
        columnVisibility,
      },
      onSortingChange,
      onGlobalFilterChange: (u: Updater<string>) => setGlobalFilter(u),
      onColumnFiltersChange: (u: Updater<ColumnFiltersState>) =>
        setColumnFilters(u as Updater<readonly DataTableColumnFilter[]>),
      onPaginationChange: (u: Updater<PaginationState>) => setPagination(u),
      onRowSelectionChange,
      onColumnVisibilityChange: (u: Updater<ColumnVisibilityState>) =>
        setColumnVisibility((prev) => functionalUpdate(u, prev)),
      enableMultiSort: multiSort,
      isMultiSortEvent: stable.isMultiSortEvent,
      globalFilterFn: stable.globalFilterFn,
      getColumnCanGlobalFilter: stable.getColumnCanGlobalFilter,
      manualSorting: manual,
      manualFiltering: manual,
      manualPagination: manual || !paginated,
      ...(server ? { rowCount: server.rowCount } : {}),
      autoResetPageIndex: !manual,
    },
    () => EMPTY_SELECTED,
  );

  const rows = table.getRowModel().rows;
  const total = manual
    ? (server?.rowCount ?? rows.length)
    : table.getPrePaginatedRowModel().rows.length;
  const rowOffset = paginated ? pagination.pageIndex * pagination.pageSize : 0;
  const pageCount = paginated ? Math.max(1, Math.ceil(total / pagination.pageSize)) : 1;

  // Announce the result count after the viewer pauses typing a filter.
  const filterKey = `${globalFilter}\u0000${JSON.stringify(columnFilters)}`;
  const lastFilterKey = useRef(filterKey);
  useEffect(() => {
    if (lastFilterKey.current === filterKey) return;
    lastFilterKey.current = filterKey;
    const timer = setTimeout(() => announce(s('resultCount', { count: total })), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filterKey, total, announce, s]);

  const visibleColumns = table.getVisibleLeafColumns();
  const template = visibleColumns
    .map((col) => (col.id === SELECT_ID ? '3rem' : (byId.get(col.id)?.width ?? '1fr')))
    .join(' ');

  // Virtualization: only the rows in view (plus a few) are in the DOM (features/virtualization).
  const { scrollRef, virtual, virtualizer, virtualItems } = useRowVirtualization(rows, density);

  // Keyboard grid: one cell (or the control in it) is in the tab order at a time.
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
  const activeCol = Math.min(active.col, Math.max(0, visibleColumns.length - 1));
  const activeRendered =
    active.rowId === null ||
    (activeRowIndex >= 0 &&
      (!virtual || virtualItems.some((item) => item.index === activeRowIndex)));
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
    const lastCol = visibleColumns.length - 1;
    const c = Math.max(0, Math.min(lastCol, col));
    const r = Math.max(-1, Math.min(rows.length - 1, rowIndex));
    const rowId = r < 0 ? null : (rows[r]?.id ?? null);
    setActive({ rowId, col: c });
    if (r >= 0 && virtual) virtualizer.scrollToIndex(r, { align: 'auto' });
    pendingFocus.current = true;
  };

  const openRow = (row: Row<Features, AnyRow>) => onRowOpen?.(row.original as TData);

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
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
        colCount: visibleColumns.length,
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
        if (row && target.tagName !== 'INPUT' && target.tagName !== 'BUTTON') openRow(row);
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

  const onCellFocus = (rowId: string | null, col: number) => {
    if (!gridMode) return;
    focusInBody.current = rowId !== null;
    if (active.rowId !== rowId || active.col !== col) setActive({ rowId, col });
  };

  const onRowClick = (event: MouseEvent<HTMLElement>, row: BodyRowModel) => {
    if (!onRowOpen) return;
    if ((event.target as HTMLElement).closest('button, a, input, select, textarea, label')) return;
    onRowOpen(row.original as TData);
  };

  // Rows call the latest handlers through this ref, so the handlers they hold keep one identity
  // and do not defeat their memoisation.
  const rowHandlers = useRef({ onCellFocus, onRowClick });
  rowHandlers.current = { onCellFocus, onRowClick };

  // Selection and batch actions.
  const selectedIds = Object.keys(rowSelection).filter((k) => rowSelection[k]);
  const runAction = (action: (typeof batchActions)[number]) => {
    const loaded = table.getSelectedRowModel().rows.map((r) => r.original as TData);
    action.onAction(loaded, selectedIds);
  };

  // CSV export of what the viewer sees: filtered and sorted rows, visible columns, redacted.
  const onExportClick = () =>
    exportCsv({
      rows: (manual ? rows : table.getPrePaginatedRowModel().rows).map((r) => r.original as TData),
      columns: visibleColumns
        .map((c) => byId.get(c.id))
        .filter((c): c is ResolvedColumn<TData> => c !== undefined),
      redactedText: t('redacted'),
      fileName: `${exportFileName}.csv`,
      onExport,
    });

  const goToPage = (pageIndex: number) => {
    const next = Math.max(0, Math.min(pageCount - 1, pageIndex));
    if (next === pagination.pageIndex) return;
    setPagination({ ...pagination, pageIndex: next });
    announce(t('pageOf', { page: next + 1, total: pageCount }));
    scrollRef.current?.scrollTo?.({ top: 0 });
  };

  const hasState = loading || error !== undefined || rows.length === 0;
  const rowCount = (hasState ? Math.max(total, 1) : total) + 1;
  const filterableColumns = resolved.filter((c) => c.filterable);
  const hideableColumns = resolved;
  const scrollHeight = height ?? (paginated ? undefined : '32rem');

  // What every body row shares; it changes with the columns, modes, page and strings, not with
  // scrolling, so rows that stay in view are not rendered again on a scroll frame.
  const columnKey = visibleColumns.map((col) => col.id).join('\u0000');
  const bodyColumns = useMemo(
    () =>
      columnKey
        .split('\u0000')
        .map((colId) => (colId === SELECT_ID ? SELECT_ID : byId.get(colId)))
        .filter((c): c is ResolvedColumn<AnyRow> | typeof SELECT_ID => c !== undefined),
    [columnKey, byId],
  );
  const measureElement = virtual ? virtualizer.measureElement : undefined;
  const rowCtx = useMemo<BodyRowContext>(
    () => ({
      columns: bodyColumns,
      gridMode,
      selectable,
      openable: onRowOpen !== undefined,
      rowOffset,
      measureElement,
      selectLabel: (row, index) =>
        s('selectRow', {
          row:
            getRowLabel?.(row.original as TData) ||
            (rowLabelColumn ? rowLabelColumn.text(row.original) : '') ||
            s('row', { index: rowOffset + index + 1 }),
        }),
      onCellFocus: (rowId, col) => rowHandlers.current.onCellFocus(rowId, col),
      onRowClick: (event, row) => rowHandlers.current.onRowClick(event, row),
    }),
    [
      bodyColumns,
      gridMode,
      selectable,
      onRowOpen,
      rowOffset,
      measureElement,
      s,
      getRowLabel,
      rowLabelColumn,
    ],
  );
  // The grid's single tab stop, when it is in a rendered body row.
  const tabStopRowId = gridMode && activeRendered ? active.rowId : null;
  const renderRow = (row: Row<Features, AnyRow>, index: number, start: number | undefined) => (
    <DataTableRow
      key={row.id}
      row={row}
      index={index}
      start={start}
      selected={selectable && row.getIsSelected()}
      focusCol={row.id === tabStopRowId ? activeCol : -1}
      ctx={rowCtx}
    />
  );

  const stateRow = (content: ReactNode, role?: 'alert') => (
    <tr
      // biome-ignore lint/a11y/noRedundantRoles: explicit roles keep table semantics when CSS sets display: grid (WebKit drops them)
      role="row"
      className="cob-datatable__row cob-datatable__row--state"
      aria-rowindex={2}
    >
      <td role={gridMode ? 'gridcell' : 'cell'} className="cob-datatable__state" data-cob-col={0}>
        <span role={role}>{content}</span>
      </td>
    </tr>
  );

  // Both walk every row when something is selected: only ask when there is a select-all box.
  const allSelected = selectable && table.getIsAllRowsSelected();
  const someSelected = selectable && table.getIsSomeRowsSelected() && !allSelected;

  return (
    <div
      className={cx('cob-datatable', `cob-datatable--${density}`, className)}
      id={id}
      style={{
        ['--cob-dt-columns' as string]: template,
        ['--cob-dt-ncols' as string]: String(visibleColumns.length),
      }}
    >
      <div className="cob-datatable__toolbar">
        {searchable && !loading ? (
          <div className="cob-datatable__search">
            <label htmlFor={`${baseId}-search`}>{s('search')}</label>
            <input
              id={`${baseId}-search`}
              type="search"
              className="cob-input"
              value={globalFilter}
              aria-controls={`${baseId}-table`}
              onChange={(e) => table.setGlobalFilter(e.target.value)}
            />
          </div>
        ) : null}
        {filterableColumns.length > 0 ? (
          <fieldset className="cob-datatable__filters">
            <legend>{s('filters')}</legend>
            {filterableColumns.map((c) => {
              const value = String(columnFilters.find((f) => f.id === c.id)?.value ?? '');
              return (
                <div key={c.id} className="cob-datatable__filter">
                  <label htmlFor={`${baseId}-filter-${c.id}`}>{c.header}</label>
                  <input
                    id={`${baseId}-filter-${c.id}`}
                    type="search"
                    className="cob-input"
                    value={value}
                    aria-controls={`${baseId}-table`}
                    onChange={(e) =>
                      table.getColumn(c.id)?.setFilterValue(e.target.value || undefined)
                    }
                  />
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <p className="cob-datatable__count">{s('resultCount', { count: total })}</p>
        {columnMenu ? (
          <details className="cob-datatable__menu">
            <summary>{s('columns')}</summary>
            <fieldset>
              <legend className="cob-visually-hidden">{s('columns')}</legend>
              {hideableColumns.map((c) => (
                <label key={c.id} className="cob-datatable__menu-item">
                  <input
                    type="checkbox"
                    checked={columnVisibility[c.id] !== false}
                    onChange={(e) => table.getColumn(c.id)?.toggleVisibility(e.target.checked)}
                  />{' '}
                  {c.header}
                </label>
              ))}
            </fieldset>
          </details>
        ) : null}
        {densityControl ? (
          <div className="cob-datatable__density">
            <label htmlFor={`${baseId}-density`}>{s('density')}</label>
            <select
              id={`${baseId}-density`}
              className="cob-input"
              value={density}
              onChange={(e) => setDensity(e.target.value as DataTableDensity)}
            >
              <option value="comfortable">{s('densityComfortable')}</option>
              <option value="compact">{s('densityCompact')}</option>
            </select>
          </div>
        ) : null}
        {exportable ? (
          <Button variant="secondary" onClick={() => void onExportClick()}>
            {s('exportCsv')}
          </Button>
        ) : null}
      </div>

      {selectable && selectedIds.length > 0 ? (
        <fieldset className="cob-datatable__batch">
          <legend className="cob-visually-hidden">{s('batchActions')}</legend>
          <span className="cob-datatable__batch-count">
            {s('selectedCount', { count: selectedIds.length })}
          </span>
          {batchActions.map((action) => (
            <Button
              key={action.label}
              variant={action.variant ?? 'secondary'}
              onClick={() => runAction(action)}
            >
              {action.label}
            </Button>
          ))}
          <Button variant="link" onClick={() => table.resetRowSelection(true)}>
            {s('clearSelection')}
          </Button>
        </fieldset>
      ) : null}

      {gridMode ? (
        <p id={helpId} className="cob-visually-hidden">
          {s('gridHelp')}
        </p>
      ) : null}
      <section
        ref={scrollRef}
        className="cob-datatable__scroll"
        style={scrollHeight ? { maxHeight: scrollHeight } : undefined}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1)
        tabIndex={0}
        aria-labelledby={captionId}
      >
        {/* biome-ignore lint/a11y/noNoninteractiveElementInteractions: the ARIA grid pattern handles arrow keys on the grid */}
        <table
          ref={tableRef}
          id={`${baseId}-table`}
          className="cob-datatable__table"
          role={gridMode ? 'grid' : 'table'}
          aria-labelledby={captionId}
          aria-describedby={gridMode ? helpId : undefined}
          aria-rowcount={rowCount}
          aria-busy={loading || undefined}
          // Only a grid takes aria-multiselectable; the role is chosen at run time.
          {...(gridMode && selectable ? { 'aria-multiselectable': true } : {})}
          onKeyDown={onGridKeyDown}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null))
              focusInBody.current = false;
          }}
        >
          <caption
            id={captionId}
            className={cx('cob-datatable__caption', hideCaption && 'cob-visually-hidden')}
          >
            {caption}
          </caption>
          <thead
            className="cob-datatable__head"
            // biome-ignore lint/a11y/noRedundantRoles: explicit roles keep table semantics when CSS sets display: grid (WebKit drops them)
            role="rowgroup"
          >
            <tr
              // biome-ignore lint/a11y/noRedundantRoles: explicit roles keep table semantics when CSS sets display: grid (WebKit drops them)
              role="row"
              aria-rowindex={1}
              data-cob-row="header"
              className="cob-datatable__row cob-datatable__row--head"
            >
              {visibleColumns.map((col, colIndex) => {
                const focus = {
                  'data-cob-col': colIndex,
                  onFocus: () => onCellFocus(null, colIndex),
                };
                if (col.id === SELECT_ID) {
                  return (
                    <th
                      key={col.id}
                      // biome-ignore lint/a11y/noRedundantRoles: explicit roles keep table semantics when CSS sets display: grid (WebKit drops them)
                      role="columnheader"
                      scope="col"
                      className="cob-datatable__header cob-datatable__cell--select"
                      {...focus}
                    >
                      <input
                        type="checkbox"
                        data-cob-focus=""
                        tabIndex={tabbable(null, colIndex)}
                        checked={allSelected}
                        ref={(el) => {
                          if (el) el.indeterminate = someSelected;
                        }}
                        onChange={(e) => table.toggleAllRowsSelected(e.target.checked)}
                        aria-label={s('selectAll', { count: total })}
                      />
                    </th>
                  );
                }
                const c = byId.get(col.id);
                if (!c) return null;
                const sorted = col.getIsSorted();
                const sortIndex = col.getSortIndex();
                const primary = sortIndex === 0 && sorted !== false;
                return (
                  <th
                    key={col.id}
                    // biome-ignore lint/a11y/noRedundantRoles: explicit roles keep table semantics when CSS sets display: grid (WebKit drops them)
                    role="columnheader"
                    scope="col"
                    className={cx(
                      'cob-datatable__header',
                      c.align === 'end' && 'cob-datatable__cell--end',
                    )}
                    aria-sort={
                      primary
                        ? sorted === 'desc'
                          ? 'descending'
                          : 'ascending'
                        : c.sortable
                          ? 'none'
                          : undefined
                    }
                    tabIndex={c.sortable ? undefined : tabbable(null, colIndex)}
                    {...focus}
                  >
                    {c.sortable ? (
                      <button
                        type="button"
                        className="cob-datatable__sort"
                        data-cob-focus=""
                        tabIndex={tabbable(null, colIndex)}
                        onClick={(e) => col.toggleSorting(undefined, multiSort && e.shiftKey)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' && e.shiftKey) {
                            e.preventDefault();
                            col.toggleSorting(undefined, multiSort);
                          }
                        }}
                      >
                        {c.header}
                        <span className="cob-datatable__sort-icon" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                        {sorted !== false && sorting.length > 1 ? (
                          <span className="cob-datatable__sort-index">
                            <span className="cob-visually-hidden">, </span>
                            {sortIndex + 1}
                            <span className="cob-visually-hidden">
                              {' '}
                              {s(sorted === 'desc' ? 'sortDescending' : 'sortAscending', {
                                column: '',
                              }).trim()}
                            </span>
                          </span>
                        ) : null}
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody
            className={cx('cob-datatable__body', virtual && 'cob-datatable__body--virtual')}
            // biome-ignore lint/a11y/noRedundantRoles: explicit roles keep table semantics when CSS sets display: grid (WebKit drops them)
            role="rowgroup"
            style={virtual ? { height: `${virtualizer.getTotalSize()}px` } : undefined}
          >
            {loading
              ? stateRow(
                  <>
                    <span
                      className="cob-spinner cob-spinner--inline"
                      aria-hidden="true"
                      data-cob-motion="essential"
                    />{' '}
                    {s('loadingRows')}
                  </>,
                )
              : error !== undefined
                ? stateRow(
                    <>
                      <strong>{s('errorTitle')}</strong> {error}
                    </>,
                    'alert',
                  )
                : rows.length === 0
                  ? stateRow(emptyMessage ?? t('noResults'))
                  : virtual
                    ? virtualItems.map((item) => {
                        const row = rows[item.index];
                        return row ? renderRow(row, item.index, item.start) : null;
                      })
                    : rows.map((row, index) => renderRow(row, index, undefined))}
          </tbody>
        </table>
      </section>

      {paginated && !hasState ? (
        <nav className="cob-datatable__pagination" aria-label={t('pagination')}>
          <Button
            variant="secondary"
            aria-disabled={pagination.pageIndex === 0 || undefined}
            onClick={() => goToPage(pagination.pageIndex - 1)}
          >
            {t('previous')}
          </Button>
          <span className="cob-datatable__page">
            {t('pageOf', { page: pagination.pageIndex + 1, total: pageCount })}
          </span>
          <Button
            variant="secondary"
            aria-disabled={pagination.pageIndex >= pageCount - 1 || undefined}
            onClick={() => goToPage(pagination.pageIndex + 1)}
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
      ) : null}

      <div className="cob-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
