'use client';
import {
  type ColumnFiltersState,
  type PaginationState,
  type Row,
  type SortingState,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { type ReactNode, useId, useMemo, useRef } from 'react';
import { Button } from '../components/Button/Button.js';
import { enNoResults, enPagination, enRedacted } from '../i18n/locales/en.js';
import { useStrings } from '../i18n/useStrings.js';
import { cx } from '../internal/cx.js';
import { useDataTableStrings } from './DataTable.messages.js';
import type { DataTableColumnFilter, DataTableProps, DataTableSort } from './DataTable.types.js';
import { type ResolvedColumn, resolveColumns, rowIdReader } from './DataTable.utils.js';
import { type BodyRowContext, DataTableRow, SELECT_ID } from './DataTableRow.js';
import { useTableColumns } from './features/columns.js';
import { ColumnMenu, useColumnVisibility } from './features/columnVisibility.js';
import { exportCsv } from './features/csvExport.js';
import { DensitySelect, useDensity } from './features/density.js';
import {
  ColumnFilterFields,
  SearchField,
  useFilters,
  useResultCountAnnouncement,
  useSearchIndex,
} from './features/filtering.js';
import { useGridFocus } from './features/gridFocus.js';
import {
  ALL_ROWS,
  goToPage,
  PaginationBar,
  pageGeometry,
  usePaginationState,
} from './features/pagination.js';
import { BatchActionBar, SelectAllBox, useRowSelection } from './features/selection.js';
import { ariaSortOf, SortButton, useSorting } from './features/sorting.js';
import { useLiveMessage } from './features/state.js';
import { type AnyRow, type Features, features } from './features/table.js';
import { useRowVirtualization } from './features/virtualization.js';

const NO_SELECTION = {};
/** The kit strings the table shows besides its own (`table.*`), English without a provider. */
const STRINGS = { ...enPagination, ...enNoResults, ...enRedacted };

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
  const { t, formatLocale: locale } = useStrings(STRINGS);
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
  const tableColumns = useTableColumns(resolved, selectable, locale);

  // Each feature's state: internal unless the app controls a slice (server mode passes them all).
  const [announcement, announce] = useLiveMessage();
  const { haystackOf, firstSearchable } = useSearchIndex(resolved);
  const { sorting, onSortingChange } = useSorting({
    controlled: props.sorting,
    onChange: props.onSortingChange as ((v: readonly DataTableSort[]) => void) | undefined,
    byId,
    s,
    announce,
  });
  const { globalFilter, setGlobalFilter, columnFilters, setColumnFilters } = useFilters({
    globalFilter: props.globalFilter,
    onGlobalFilterChange: props.onGlobalFilterChange,
    columnFilters: props.columnFilters,
    onColumnFiltersChange: props.onColumnFiltersChange as
      | ((v: readonly DataTableColumnFilter[]) => void)
      | undefined,
  });
  const { pagination, setPagination, paginated } = usePaginationState({
    pageSize,
    manual,
    controlled: props.pagination,
    onChange: props.onPaginationChange,
  });
  const { rowSelection, onRowSelectionChange, selectedIds } = useRowSelection({
    onSelectionChange,
    announce,
    s,
  });
  const { columnVisibility, onColumnVisibilityChange } = useColumnVisibility(resolved);
  const [density, setDensity] = useDensity(props.density);

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
      onColumnVisibilityChange,
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
    () => NO_SELECTION,
  );

  const rows = table.getRowModel().rows;
  const total = manual
    ? (server?.rowCount ?? rows.length)
    : table.getPrePaginatedRowModel().rows.length;
  const { rowOffset, pageCount } = pageGeometry(pagination, paginated, total);
  useResultCountAnnouncement(globalFilter, columnFilters, total, announce, s);

  const visibleColumns = table.getVisibleLeafColumns();
  const template = visibleColumns
    .map((col) => (col.id === SELECT_ID ? '3rem' : (byId.get(col.id)?.width ?? '1fr')))
    .join(' ');

  // Virtualization: only the rows in view (plus a few) are in the DOM (features/virtualization).
  const { scrollRef, virtual, virtualizer, virtualItems } = useRowVirtualization(rows, density);
  // Keyboard grid: one cell (or the control in it) is in the tab order at a time.
  const grid = useGridFocus({
    gridMode,
    rows,
    colCount: visibleColumns.length,
    selectable,
    onRowOpen: onRowOpen as ((row: AnyRow) => void) | undefined,
    density,
    scrollRef,
    virtual,
    virtualizer,
    virtualItems,
  });
  const { tabbable, activeCol, tabStopRowId, onCellFocus, rowHandlers } = grid;

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

  const go = (pageIndex: number) =>
    goToPage(pageIndex, { pagination, setPagination, pageCount, announce, t, scrollRef });

  const hasState = loading || error !== undefined || rows.length === 0;
  const rowCount = (hasState ? Math.max(total, 1) : total) + 1;
  const filterableColumns = resolved.filter((c) => c.filterable);
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
      onCellFocus: rowHandlers.onCellFocus,
      onRowClick: rowHandlers.onRowClick,
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
      rowHandlers,
    ],
  );
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
          <SearchField
            baseId={baseId}
            value={globalFilter}
            onChange={(value) => table.setGlobalFilter(value)}
            s={s}
          />
        ) : null}
        {filterableColumns.length > 0 ? (
          <ColumnFilterFields
            baseId={baseId}
            columns={filterableColumns}
            filters={columnFilters}
            setFilter={(columnId, value) => table.getColumn(columnId)?.setFilterValue(value)}
            s={s}
          />
        ) : null}
        <p className="cob-datatable__count">{s('resultCount', { count: total })}</p>
        {columnMenu ? (
          <ColumnMenu
            columns={resolved}
            visibility={columnVisibility}
            toggle={(columnId, visible) => table.getColumn(columnId)?.toggleVisibility(visible)}
            s={s}
          />
        ) : null}
        {densityControl ? (
          <DensitySelect baseId={baseId} value={density} onChange={setDensity} s={s} />
        ) : null}
        {exportable ? (
          <Button variant="secondary" onClick={() => void onExportClick()}>
            {s('exportCsv')}
          </Button>
        ) : null}
      </div>

      {selectable && selectedIds.length > 0 ? (
        <BatchActionBar
          actions={batchActions}
          selectedIds={selectedIds}
          selectedRows={() => table.getSelectedRowModel().rows.map((r) => r.original as TData)}
          clear={() => table.resetRowSelection(true)}
          s={s}
        />
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
          ref={grid.tableRef}
          id={`${baseId}-table`}
          className="cob-datatable__table"
          role={gridMode ? 'grid' : 'table'}
          aria-labelledby={captionId}
          aria-describedby={gridMode ? helpId : undefined}
          aria-rowcount={rowCount}
          aria-busy={loading || undefined}
          // Only a grid takes aria-multiselectable; the role is chosen at run time.
          {...(gridMode && selectable ? { 'aria-multiselectable': true } : {})}
          onKeyDown={grid.onKeyDown}
          onBlur={grid.onBlur}
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
                      <SelectAllBox
                        checked={allSelected}
                        indeterminate={someSelected}
                        total={total}
                        tabIndex={tabbable(null, colIndex)}
                        onChange={(checked) => table.toggleAllRowsSelected(checked)}
                        s={s}
                      />
                    </th>
                  );
                }
                const c = byId.get(col.id);
                if (!c) return null;
                const sort = { sorted: col.getIsSorted(), sortIndex: col.getSortIndex() };
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
                    aria-sort={ariaSortOf(sort, c.sortable)}
                    tabIndex={c.sortable ? undefined : tabbable(null, colIndex)}
                    {...focus}
                  >
                    {c.sortable ? (
                      <SortButton
                        {...sort}
                        header={c.header}
                        sortCount={sorting.length}
                        multiSort={multiSort}
                        tabIndex={tabbable(null, colIndex)}
                        toggle={(multi) => col.toggleSorting(undefined, multi)}
                        s={s}
                      />
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
        <PaginationBar
          baseId={baseId}
          pagination={pagination}
          pageCount={pageCount}
          pageSizeOptions={pageSizeOptions}
          go={go}
          setPagination={setPagination}
          t={t}
          s={s}
        />
      ) : null}

      <div className="cob-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
