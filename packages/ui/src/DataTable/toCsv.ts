/** A column as the CSV writer sees it. */
export interface CsvColumn<TData> {
  header: string;
  /** The cell's text, or `undefined` when the column is redacted for the viewer. */
  text: (row: TData) => string;
}

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /**
   * Guard against CSV formula injection (OWASP): a cell that starts with `=`, `+`, `-`, `@`, tab
   * or carriage return is prefixed with `'` so spreadsheets treat it as text. Default `true`.
   */
  escapeFormulae?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function field(text: string, escapeFormulae: boolean): string {
  const safe = escapeFormulae && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Writes rows as CSV (RFC 4180: CRLF line ends, quotes doubled), with a header line. Only the
 * text the caller gives is written, so a redacted column stays redacted.
 * @example
 * toCsv([{ id: 'A1', n: 2 }], [{ header: 'Id', text: (r) => r.id }, { header: 'N', text: (r) => String(r.n) }]);
 * // 'Id,N\r\nA1,2\r\n'
 */
export function toCsv<TData>(
  rows: readonly TData[],
  columns: readonly CsvColumn<TData>[],
  options: ToCsvOptions = {},
): string {
  const guard = options.escapeFormulae ?? true;
  const lines = [columns.map((c) => field(c.header, guard)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(c.text(row), guard)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
