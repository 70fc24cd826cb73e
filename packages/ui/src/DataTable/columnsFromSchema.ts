import { fieldsOf, isAtMost, isClassification } from '@cityofboston/standards-schema/core';
import type { z } from 'zod';
import { UiError } from '../errors.js';
import type { Classification, DataTableColumn } from './DataTable.types.js';
import { getPath } from './DataTable.utils.js';

/** Options of {@link columnsFromSchema}. */
export interface ColumnsFromSchemaOptions<TData> {
  /** The viewer's clearance: fields classified above it become redacted columns. */
  viewerClearance: Classification;
  /** Field paths to show, in this order. Default: every field that fits in a cell. */
  include?: readonly string[];
  /** Field paths to leave out. */
  exclude?: readonly string[];
  /** Header text by field path. Default: the path in words (`contact.email` → "Contact email"). */
  headers?: Readonly<Record<string, string>>;
  /** Paths whose columns start hidden. */
  hidden?: readonly string[];
  /** The column that names each row (row header). Default: the first included field. */
  rowHeader?: string;
  /** Per-path overrides merged into the generated column (formatters, widths, cells). */
  overrides?: Readonly<Record<string, Partial<DataTableColumn<TData>>>>;
  /**
   * Leave redacted fields out entirely instead of showing them as "Redacted". Default `false`:
   * showing the column tells the viewer that the data exists and why they cannot see it.
   */
  dropRedacted?: boolean;
}

/** `contact.first_name` → "Contact first name". */
function humanize(path: string): string {
  const words = path
    .replace(/\./g, ' ')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Builds {@link DataTable} columns from a standards-schema schema: one per field that fits in a
 * cell (arrays of records and open-ended records are left out), with a header, the field's
 * classification, and default formatting. Fields above `viewerClearance` are redacted: the
 * column never reads them, so their values never reach the page.
 *
 * @throws UiError `UI_UNSUPPORTED_SCHEMA` when the schema is not an object of fields.
 * @throws UiError `UI_INVALID_PROP` on an unknown clearance or a path in `include`, `hidden`,
 *   `rowHeader`, `headers` or `overrides` that the schema does not have.
 *
 * @example
 * const columns = columnsFromSchema(ServiceRequest, {
 *   viewerClearance: principal.clearance,
 *   include: ['service_request_id', 'status', 'service_name', 'requested_datetime', 'contact.email'],
 * });
 */
export function columnsFromSchema<S extends z.core.$ZodType>(
  schema: S,
  options: ColumnsFromSchemaOptions<z.output<S>>,
): DataTableColumn<z.output<S>>[] {
  const { viewerClearance } = options;
  if (!isClassification(viewerClearance)) {
    throw new UiError(
      'UI_INVALID_PROP',
      `columnsFromSchema: viewerClearance must be one of public, internal, confidential, restricted; got ${JSON.stringify(viewerClearance)}`,
    );
  }
  const fields = fieldsOf(schema);
  if (fields.length === 0 || fields.some((f) => f.path === '')) {
    throw new UiError(
      'UI_UNSUPPORTED_SCHEMA',
      'columnsFromSchema: the schema must be an object whose fields become columns',
    );
  }
  const cellFields = fields.filter((f) => !f.path.includes('[]') && !f.path.includes('*'));
  const known = new Map(cellFields.map((f) => [f.path, f]));
  const check = (what: string, paths: Iterable<string>) => {
    for (const path of paths) {
      if (!known.has(path)) {
        throw new UiError(
          'UI_INVALID_PROP',
          `columnsFromSchema: ${what} names ${JSON.stringify(path)}, which is not a field of the schema that fits in a cell`,
        );
      }
    }
  };
  check('include', options.include ?? []);
  check('exclude', options.exclude ?? []);
  check('hidden', options.hidden ?? []);
  check('headers', Object.keys(options.headers ?? {}));
  check('overrides', Object.keys(options.overrides ?? {}));
  if (options.rowHeader !== undefined) check('rowHeader', [options.rowHeader]);

  const exclude = new Set(options.exclude ?? []);
  const hidden = new Set(options.hidden ?? []);
  const chosen = (options.include ?? cellFields.map((f) => f.path)).filter((p) => !exclude.has(p));
  const rowHeader = options.rowHeader ?? chosen[0];
  const columns: DataTableColumn<z.output<S>>[] = [];
  for (const path of chosen) {
    const info = known.get(path);
    if (!info) continue;
    const classification = info.meta.classification;
    const visible = isAtMost(classification, viewerClearance);
    if (!visible && options.dropRedacted) continue;
    columns.push({
      id: path,
      header: options.headers?.[path] ?? humanize(path),
      // A field above the viewer's clearance is never read, whatever the table does with it.
      accessor: visible ? (row) => getPath(row, path) : () => undefined,
      classification,
      ...(hidden.has(path) ? { hidden: true } : {}),
      ...(path === rowHeader ? { rowHeader: true } : {}),
      ...(options.overrides?.[path] ?? {}),
    });
  }
  return columns;
}
