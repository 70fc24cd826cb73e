// CSV export of what the viewer sees: filtered and sorted rows, visible columns, redacted ones
// written as "Redacted", and an audit hook that may cancel the download.
import type { DataTableExportEvent } from '../DataTable.types.js';
import type { ResolvedColumn } from '../DataTable.utils.js';
import { toCsv } from '../toCsv.js';

/** What an export needs from the table at the moment the viewer asks for it. */
export interface CsvExportInput<TData> {
  rows: readonly TData[];
  columns: readonly ResolvedColumn<TData>[];
  /** "Redacted" in the viewer's language. */
  redactedText: string;
  fileName: string;
  onExport?:
    | ((event: DataTableExportEvent) => undefined | boolean | Promise<undefined | boolean>)
    | undefined;
}

/** Builds the CSV, asks the app's hook, then offers the file unless the hook said `false`. */
export async function exportCsv<TData>({
  rows,
  columns,
  redactedText,
  fileName,
  onExport,
}: CsvExportInput<TData>): Promise<void> {
  const csv = toCsv(
    rows,
    columns.map((c) => ({
      header: c.header,
      text: c.redacted ? () => redactedText : (row: TData) => c.text(row),
    })),
  );
  const verdict = await onExport?.({
    columns: columns.map((c) => c.id),
    redactedColumns: columns.filter((c) => c.redacted).map((c) => c.id),
    rowCount: rows.length,
    fileName,
    csv,
  });
  if (verdict === false || typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
