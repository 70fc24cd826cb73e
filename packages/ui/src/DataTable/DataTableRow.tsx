import { type FocusEvent, type MouseEvent, memo, type ReactNode } from 'react';
import { RedactedValue } from '../components/RedactedValue/RedactedValue.js';
import { cx } from '../internal/cx.js';
import type { ResolvedColumn } from './DataTable.utils.js';

// biome-ignore lint/suspicious/noExplicitAny: rows are the app's records; the table is generic over them.
type AnyRow = any;

/** The id of the selection column. */
export const SELECT_ID = '__select';

/** What a body row reads of a TanStack row. Internal to the DataTable. */
export interface BodyRowModel {
  id: string;
  original: AnyRow;
  getToggleSelectedHandler: () => (event: unknown) => void;
}

/**
 * Everything a body row reads that is the same for every row. The table memoises it, so a
 * scroll, which changes none of it, re-renders only the rows that enter the view.
 */
export interface BodyRowContext {
  /** The visible columns in order: a resolved column, or `SELECT_ID` for the selection box. */
  columns: readonly (ResolvedColumn<AnyRow> | typeof SELECT_ID)[];
  gridMode: boolean;
  selectable: boolean;
  openable: boolean;
  /** Rows before this page, for `aria-rowindex` and default row labels. */
  rowOffset: number;
  /** The virtualizer's ref callback when rows are virtualized. */
  measureElement: ((el: HTMLTableRowElement | null) => void) | undefined;
  /** The name of a row, for its selection checkbox. */
  selectLabel: (row: BodyRowModel, index: number) => string;
  /** Focus entered the cell at `col` of the row `rowId`; stable for the table's life. */
  onCellFocus: (rowId: string, col: number) => void;
  /** A click on the row outside its controls; stable for the table's life. */
  onRowClick: (event: MouseEvent<HTMLElement>, row: BodyRowModel) => void;
}

/** A cell's content: never the value of a redacted column, which is not even read. */
function cellContent(c: ResolvedColumn<AnyRow>, original: AnyRow): ReactNode {
  if (c.redacted) return <RedactedValue field={c.header} />;
  return c.cell ? c.cell(c.value(original), original) : c.text(original);
}

interface BodyRowProps {
  row: BodyRowModel;
  /** Position among the table's current rows (zero-based). */
  index: number;
  /** The virtual row's offset in pixels; `undefined` when rows are not virtualized. */
  start: number | undefined;
  selected: boolean;
  /** The column whose cell is the grid's tab stop, in this row; `-1` when it is elsewhere. */
  focusCol: number;
  ctx: BodyRowContext;
}

/**
 * One body row. Memoised on its row, position, selection, tab stop and the shared context:
 * while the viewer scrolls, rows that stay in view are not rendered again, and their cell
 * formatters do not run again.
 */
export const DataTableRow = memo(function DataTableRow({
  row,
  index,
  start,
  selected,
  focusCol,
  ctx,
}: BodyRowProps) {
  const { gridMode, onCellFocus } = ctx;
  const rowId = row.id;
  const tabIndex = (col: number) => (!gridMode ? undefined : col === focusCol ? 0 : -1);
  // One focus listener per row (React's onFocus bubbles) instead of one closure per cell.
  const onFocus = gridMode
    ? (event: FocusEvent<HTMLElement>) => {
        const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cob-col]');
        if (cell) onCellFocus(rowId, Number(cell.dataset.cobCol));
      }
    : undefined;
  return (
    <tr
      // biome-ignore lint/a11y/noRedundantRoles: explicit roles keep table semantics when CSS sets display: grid (WebKit drops them)
      role="row"
      className={cx(
        'cob-datatable__row',
        selected && 'cob-datatable__row--selected',
        ctx.openable && 'cob-datatable__row--open',
      )}
      data-cob-row="body"
      data-cob-row-id={rowId}
      data-index={index}
      ref={ctx.measureElement}
      aria-rowindex={ctx.rowOffset + index + 2}
      aria-selected={gridMode && ctx.selectable ? selected : undefined}
      style={start === undefined ? undefined : { transform: `translateY(${start}px)` }}
      onClick={ctx.openable ? (e) => ctx.onRowClick(e, row) : undefined}
      onFocus={onFocus}
    >
      {ctx.columns.map((c, colIndex) => {
        if (c === SELECT_ID) {
          return (
            <td
              key={SELECT_ID}
              role={gridMode ? 'gridcell' : 'cell'}
              className="cob-datatable__cell cob-datatable__cell--select"
              data-cob-col={colIndex}
            >
              <input
                type="checkbox"
                data-cob-focus=""
                tabIndex={tabIndex(colIndex)}
                checked={selected}
                onChange={row.getToggleSelectedHandler()}
                aria-label={ctx.selectLabel(row, index)}
              />
            </td>
          );
        }
        const content = cellContent(c, row.original);
        // One element per cell: the stacked layout shows the header from `data-label` in CSS
        // (with empty alternative text, so screen readers do not hear it twice).
        const cellProps = {
          className: cx('cob-datatable__cell', c.align === 'end' && 'cob-datatable__cell--end'),
          'data-label': c.header,
          'data-cob-col': colIndex,
          tabIndex: tabIndex(colIndex),
        };
        return c.rowHeader ? (
          <th
            key={c.id}
            {...cellProps}
            // biome-ignore lint/a11y/noRedundantRoles: explicit roles keep table semantics when CSS sets display: grid (WebKit drops them)
            role="rowheader"
            scope="row"
          >
            {content}
          </th>
        ) : (
          <td key={c.id} {...cellProps} role={gridMode ? 'gridcell' : 'cell'}>
            {content}
          </td>
        );
      })}
    </tr>
  );
});
