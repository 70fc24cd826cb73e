import { type ReactNode, useId } from 'react';
import { cx } from '../../internal/cx.js';

/** A column of a {@link Table}. */
export interface TableColumn {
  /** The key of the cell in each row. */
  id: string;
  header: ReactNode;
  /** `numeric` right-aligns (end-aligns) the column and uses tabular figures. */
  numeric?: boolean;
}

/** Props of {@link Table}. */
export interface TableProps {
  /** Names the table (and its scrolling region on narrow screens). */
  caption: ReactNode;
  /** `lg` makes the caption a visual heading. Default `md`. */
  captionSize?: 'md' | 'lg';
  columns: readonly TableColumn[];
  /** One record per row, cells by column id. */
  rows: readonly Record<string, ReactNode>[];
  /** The column whose cells name their row (`<th scope="row">`). Default: the first column. */
  rowHeader?: string | false;
}

/**
 * A plain data table for small, static data (GOV.UK "Table"): caption, column headers, row
 * headers. For large data, sorting or filtering use {@link DataTable}. On a narrow screen it
 * scrolls sideways inside a focusable, labelled region, and no cell is ever cut off: long values
 * wrap. A server component.
 * @example
 * <Table caption="Trash pickup" columns={[{ id: 'day', header: 'Day' }, { id: 'time', header: 'Time' }]}
 *   rows={[{ day: 'Monday', time: '7 a.m.' }]} />
 */
export function Table({ caption, captionSize = 'md', columns, rows, rowHeader }: TableProps) {
  const captionId = useId();
  const headerColumn = rowHeader === false ? null : (rowHeader ?? columns[0]?.id);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="cob-table-wrap" aria-labelledby={captionId} tabIndex={0}>
      <table className="cob-table">
        <caption
          id={captionId}
          className={cx('cob-table__caption', `cob-table__caption--${captionSize}`)}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                className={cx('cob-table__header', column.numeric && 'cob-table__cell--numeric')}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static rows have no identity beyond their order
            <tr key={index}>
              {columns.map((column) => {
                const className = cx(
                  'cob-table__cell',
                  column.numeric && 'cob-table__cell--numeric',
                );
                return column.id === headerColumn ? (
                  <th key={column.id} scope="row" className={className}>
                    {row[column.id]}
                  </th>
                ) : (
                  <td key={column.id} className={className}>
                    {row[column.id]}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
