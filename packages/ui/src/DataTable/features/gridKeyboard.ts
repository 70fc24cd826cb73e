// The grid keyboard (WAI-ARIA grid pattern): which cell a navigation key moves to. Pure, so the
// key map is tested on its own (gridKeyboard.test.ts); the component applies the move.

/** A cell position: row index (-1 is the header row) and visible column index. */
export interface GridPosition {
  row: number;
  col: number;
}

/** What a key needs to know about the grid. */
export interface GridKeyContext {
  rowCount: number;
  colCount: number;
  /** Rows per page for Page Up/Down. */
  pageRows: number;
  rtl: boolean;
  ctrlKey: boolean;
}

/**
 * The cell a navigation key moves to, clamped to the grid, or `null` when the key is not a
 * navigation key (Enter, Space and the rest are the component's).
 * @example nextCell('ArrowRight', { row: 0, col: 0 }, ctx) // { row: 0, col: 1 }
 */
export function nextCell(
  key: string,
  from: GridPosition,
  { rowCount, colCount, pageRows, rtl, ctrlKey }: GridKeyContext,
): GridPosition | null {
  const { row, col } = from;
  let to: GridPosition;
  switch (key) {
    case 'ArrowDown':
      to = { row: row + 1, col };
      break;
    case 'ArrowUp':
      to = { row: row - 1, col };
      break;
    case 'ArrowRight':
      to = { row, col: col + (rtl ? -1 : 1) };
      break;
    case 'ArrowLeft':
      to = { row, col: col + (rtl ? 1 : -1) };
      break;
    case 'Home':
      to = { row: ctrlKey ? 0 : row, col: 0 };
      break;
    case 'End':
      to = { row: ctrlKey ? rowCount - 1 : row, col: colCount - 1 };
      break;
    case 'PageDown':
      to = { row: row + pageRows, col };
      break;
    case 'PageUp':
      to = { row: Math.max(0, row - pageRows), col };
      break;
    default:
      return null;
  }
  return {
    row: Math.max(-1, Math.min(rowCount - 1, to.row)),
    col: Math.max(0, Math.min(colCount - 1, to.col)),
  };
}
