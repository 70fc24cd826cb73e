import { isAtMost, isClassification } from '@cityofboston/standards-schema/core';
import { createElement } from 'react';
import { UiError } from '../errors.js';
import {
  DATA_TABLE_FORMATS,
  defaultFormat,
  formatCell,
  ISO_DATE_TIME,
  isDataTableFormatName,
} from './DataTable.formats.js';

export { defaultFormat };

import type { Classification, DataTableColumn } from './DataTable.types.js';

/** A column after the viewer's clearance is applied. Internal to the DataTable. */
export interface ResolvedColumn<TData> {
  id: string;
  header: string;
  redacted: boolean;
  sortable: boolean;
  filterable: boolean;
  searchable: boolean;
  hidden: boolean;
  align: 'start' | 'end';
  width: string;
  rowHeader: boolean;
  /** The raw value; `undefined` for a redacted column, which never reads the row. */
  value: (row: TData) => unknown;
  /** The value as the viewer sees it; `''` for a redacted column. */
  text: (row: TData) => string;
  cell: DataTableColumn<TData>['cell'];
}

/** Reads a dotted path (`contact.email`) from a record. */
export function getPath(row: unknown, path: string): unknown {
  let current: unknown = row;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Applies the viewer's clearance to the columns. A column classified above it gets accessors
 * that never touch the row, so its values cannot reach cells, search, sorting or CSV.
 * @throws UiError `UI_INVALID_PROP` on an unknown clearance, a bad classification or duplicate ids.
 */
export function resolveColumns<TData>(
  columns: readonly DataTableColumn<TData>[],
  viewerClearance: Classification,
  locale: string,
): ResolvedColumn<TData>[] {
  if (!isClassification(viewerClearance)) {
    throw new UiError(
      'UI_INVALID_PROP',
      `DataTable: viewerClearance must be one of public, internal, confidential, restricted; got ${JSON.stringify(viewerClearance)}`,
    );
  }
  const seen = new Set<string>();
  return columns.map((column, index) => {
    if (!column.id) {
      throw new UiError('UI_INVALID_PROP', `DataTable: columns[${index}] has an empty id`);
    }
    if (seen.has(column.id)) {
      throw new UiError(
        'UI_INVALID_PROP',
        `DataTable: columns[${index}] repeats the id ${JSON.stringify(column.id)}`,
      );
    }
    seen.add(column.id);
    if (!column.header.trim()) {
      throw new UiError(
        'UI_INVALID_PROP',
        `DataTable: column ${JSON.stringify(column.id)} has an empty header (headers name the cells for screen readers)`,
      );
    }
    const level = column.classification ?? 'public';
    if (!isClassification(level)) {
      throw new UiError(
        'UI_INVALID_PROP',
        `DataTable: column ${JSON.stringify(column.id)} has an unknown classification ${JSON.stringify(level)}`,
      );
    }
    const redacted = !isAtMost(level, viewerClearance);
    const read = column.accessor ?? ((row: TData) => getPath(row, column.id));
    const format = column.format;
    if (typeof format === 'string' && !isDataTableFormatName(format)) {
      throw new UiError(
        'UI_INVALID_PROP',
        `DataTable: column ${JSON.stringify(column.id)} asks for an unknown format ${JSON.stringify(format)}; use one of ${DATA_TABLE_FORMATS.join(', ')} or a function`,
      );
    }
    const value = redacted ? () => undefined : read;
    const text = redacted
      ? () => ''
      : typeof format === 'function'
        ? (row: TData) => format(read(row), row, locale)
        : (row: TData) => formatCell(read(row), format, locale);
    const href = column.href;
    return {
      id: column.id,
      header: column.header,
      redacted,
      sortable: !redacted && column.sortable !== false,
      filterable: !redacted && column.filterable === true,
      searchable: !redacted && column.searchable !== false,
      hidden: column.hidden === true,
      align: column.align ?? 'start',
      width: column.width ?? 'minmax(8rem, 1fr)',
      rowHeader: column.rowHeader === true,
      value,
      text,
      cell: redacted ? undefined : (column.cell ?? (href ? linkCell(href, text) : undefined)),
    };
  });
}

/** Fills `{path}` placeholders of a URL template from a row, each value URL-encoded. */
export function fillHref(template: string, row: unknown): string {
  return template.replace(/\{([\w.]+)\}/g, (_, path: string) =>
    encodeURIComponent(String(getPath(row, path) ?? '')),
  );
}

function linkCell<TData>(template: string, text: (row: TData) => string) {
  return (_value: unknown, row: TData) =>
    createElement('a', { href: fillHref(template, row), className: 'cob-link' }, text(row));
}

/**
 * The row id reader: `getRowId`, else the `rowIdKey` path.
 * @throws UiError `UI_INVALID_PROP` when neither is given.
 */
export function rowIdReader<TData>(
  getRowId: ((row: TData, index: number) => string) | undefined,
  rowIdKey: string | undefined,
): (row: TData, index: number) => string {
  if (getRowId) return getRowId;
  if (rowIdKey) return (row) => String(getPath(row, rowIdKey));
  throw new UiError(
    'UI_INVALID_PROP',
    'DataTable: give rowIdKey (the field holding each row id; works from a server component) or getRowId',
  );
}

/** Ascending comparison of raw cell values: numbers numerically, text by the locale's collation. */
export function makeCompare(locale: string): (a: unknown, b: unknown) => number {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  return (a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'string' && typeof b === 'string') {
      if (ISO_DATE_TIME.test(a) && ISO_DATE_TIME.test(b)) {
        // UTC stamps of one shape order byte by byte; other offsets need parsing.
        if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) {
          return a < b ? -1 : a > b ? 1 : 0;
        }
        return Date.parse(a) - Date.parse(b);
      }
      return collator.compare(a, b);
    }
    return collator.compare(String(a), String(b));
  };
}
