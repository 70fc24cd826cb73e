import type { CLASSIFICATIONS } from '@cityofboston/standards-schema/core';
import type { ReactNode } from 'react';
import type { DataTableFormatName } from './DataTable.formats.js';
import type { DataTableMessages } from './DataTable.messages.js';

/** A data classification level, as standards-schema orders them (`public` < ... < `restricted`). */
export type Classification = (typeof CLASSIFICATIONS)[number];

/**
 * One column of a {@link DataTable}. Plain data, so it can come from
 * {@link columnsFromSchema} or be written by hand. From a React Server Component use only the
 * data fields (`id`, `header`, a named `format`, `href`...): functions (`accessor`, a `format`
 * function, `cell`) cannot cross to the client, so pass them only from a client component.
 * @example
 * const status: DataTableColumn<ServiceRequest> = { id: 'status', header: 'Status' };
 * const opened: DataTableColumn<ServiceRequest> = { id: 'requested_datetime', header: 'Opened', format: 'date' };
 */
export interface DataTableColumn<TData> {
  /** Unique among the table's columns. Also the default accessor: a dotted path (`contact.email`). */
  id: string;
  /** The column header, also used to label filters, sort announcements and stacked cells. */
  header: string;
  /** Reads the cell value from a row. Default: the dotted path in `id`. */
  accessor?: (row: TData) => unknown;
  /**
   * The value as text: what the cell shows (unless `cell` is given), what CSV export writes.
   * A name from {@link DATA_TABLE_FORMATS} (`'date'`, `'currency'`...) works from a server
   * component; a function only from a client component.
   * Default: dates and times in the viewer's locale, numbers with grouping, the rest as text.
   */
  format?: DataTableFormatName | ((value: unknown, row: TData, locale: string) => string);
  /**
   * Makes the cell a link: a URL template whose `{path}` placeholders are filled from the row
   * (URL-encoded), e.g. `'/cases/{service_request_id}'`. Serializable, unlike `cell`.
   */
  href?: string;
  /** Custom cell content (a link, a tag). Receives the value only when the viewer may see it. */
  cell?: (value: unknown, row: TData) => ReactNode;
  /**
   * The column's data classification. Above the table's `viewerClearance`, the column is
   * redacted: its values are never read, rendered, searched, sorted or exported.
   */
  classification?: Classification;
  /** Default `true`. */
  sortable?: boolean;
  /** Offer a per-column filter field. Default `false`. */
  filterable?: boolean;
  /** Include in the global search. Default `true`. */
  searchable?: boolean;
  /** Start hidden (the viewer can show it from the Columns menu). Default `false`. */
  hidden?: boolean;
  /** Text alignment; `end` for numbers. Default `start`. */
  align?: 'start' | 'end';
  /** A CSS grid track size, e.g. `'12rem'`, `'minmax(8rem, 2fr)'`. Default `minmax(8rem, 1fr)`. */
  width?: string;
  /** The cells of this column name their row (rendered as row headers). Usually the id column. */
  rowHeader?: boolean;
}

/** An action offered for the selected rows, e.g. "Assign", "Close cases". */
export interface DataTableBatchAction<TData> {
  label: string;
  /** Receives the selected rows that are loaded and every selected row id. */
  onAction: (rows: TData[], ids: string[]) => void;
  variant?: 'primary' | 'secondary' | 'danger';
}

/** What the export hook receives, before the file is offered to the viewer. */
export interface DataTableExportEvent {
  /** Columns written, by id (visible, in order, redacted ones included as "Redacted"). */
  columns: string[];
  /** The ids of the columns written as "Redacted" because the viewer may not see them. */
  redactedColumns: string[];
  rowCount: number;
  fileName: string;
  csv: string;
}

/** A sort entry: column id and direction. */
export interface DataTableSort {
  id: string;
  desc: boolean;
}

/** A per-column filter entry. */
export interface DataTableColumnFilter {
  id: string;
  value: string;
}

/** Current page (zero-based index) and page size. */
export interface DataTablePagination {
  pageIndex: number;
  pageSize: number;
}

/** How tightly rows are packed. */
export type DataTableDensity = 'comfortable' | 'compact';

/** Props of {@link DataTable}. */
export interface DataTableProps<TData> {
  /** The table's accessible name, shown above it. */
  caption: string;
  /** Hide the caption visually (it still names the table). */
  hideCaption?: boolean;
  data: readonly TData[];
  columns: readonly DataTableColumn<TData>[];
  /**
   * The field (a dotted path) that holds each row's stable id, e.g. `'service_request_id'`.
   * Serializable, so it works from a React Server Component. Give this or `getRowId`.
   */
  rowIdKey?: string;
  /**
   * A stable id per row (selection, focus and scroll survive sorting by it). A function, so only
   * from a client component; from a server component use `rowIdKey`.
   */
  getRowId?: (row: TData, index: number) => string;
  /** A short name per row for screen readers ("Case 1010"), default the row-header column. */
  getRowLabel?: (row: TData) => string;
  /**
   * The viewer's clearance. Columns classified above it are redacted. Default `public`, so a
   * table that is not told who is looking shows only public data.
   */
  viewerClearance?: Classification;

  /** Show a global search field. Default `true`. */
  searchable?: boolean;
  /** Rows per page for client-side pagination; omit to show every row (virtualized). */
  pageSize?: number;
  /** Page size choices offered to the viewer. Default none (fixed page size). */
  pageSizeOptions?: readonly number[];
  /**
   * Height of the scrolling body, as CSS (e.g. `'32rem'`). Rows beyond it are virtualized: only
   * the visible ones are in the DOM. Default `'32rem'` when there is no `pageSize`.
   */
  height?: string;

  /** Server-driven mode: the app sorts, filters and pages; `data` is the current page. */
  server?: { rowCount: number };
  sorting?: readonly DataTableSort[];
  onSortingChange?: (sorting: DataTableSort[]) => void;
  globalFilter?: string;
  onGlobalFilterChange?: (value: string) => void;
  columnFilters?: readonly DataTableColumnFilter[];
  onColumnFiltersChange?: (filters: DataTableColumnFilter[]) => void;
  pagination?: DataTablePagination;
  onPaginationChange?: (pagination: DataTablePagination) => void;
  /** Allow sorting by several columns (Shift with click or Enter). Default `true`. */
  multiSort?: boolean;

  /** Show a checkbox per row and a select-all box. */
  selectable?: boolean;
  /** Actions shown in the bar that appears when rows are selected. */
  batchActions?: readonly DataTableBatchAction<TData>[];
  onSelectionChange?: (ids: string[]) => void;

  /**
   * Opening a row (Enter on a cell, or a click). Makes the table interactive: it becomes an
   * ARIA grid with arrow-key navigation.
   */
  onRowOpen?: (row: TData) => void;
  /** Force grid navigation on or off. Default: on when the table is interactive. */
  grid?: boolean;

  /** Show the Columns menu (column visibility). Default `true`. */
  columnMenu?: boolean;
  density?: DataTableDensity;
  /** Show the density control. Default `false`. */
  densityControl?: boolean;
  /** Show the Download CSV button. Default `false`. */
  exportable?: boolean;
  /** Base name of the CSV file. Default `'export'`. */
  exportFileName?: string;
  /**
   * Called before a CSV export is offered, with what will be written, so the app can record it
   * in its audit log. Return `false` (or a promise of `false`) to cancel the download.
   */
  onExport?: (event: DataTableExportEvent) => undefined | boolean | Promise<undefined | boolean>;

  loading?: boolean;
  /** An error message; replaces the rows. */
  error?: ReactNode;
  /** Shown when there are no rows. Default "No results". */
  emptyMessage?: ReactNode;
  /** Overrides of the table's strings (or a new language). */
  messages?: Partial<DataTableMessages>;
  /**
   * Extra class on the wrapper. Below a container width of 40rem the rows are shown as stacked
   * summaries (still a table to assistive technology); change the breakpoint in your CSS.
   */
  className?: string;
  id?: string;
}
