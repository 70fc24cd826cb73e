import { describe, expect, it } from 'vitest';
import { nextCell } from './gridKeyboard.js';

const ctx = { rowCount: 100, colCount: 5, pageRows: 10, rtl: false, ctrlKey: false };

describe('grid keyboard: nextCell', () => {
  it('moves by arrows, clamped to the grid (row -1 is the header row)', () => {
    expect(nextCell('ArrowDown', { row: 0, col: 2 }, ctx)).toEqual({ row: 1, col: 2 });
    expect(nextCell('ArrowUp', { row: 0, col: 2 }, ctx)).toEqual({ row: -1, col: 2 });
    expect(nextCell('ArrowUp', { row: -1, col: 2 }, ctx)).toEqual({ row: -1, col: 2 });
    expect(nextCell('ArrowRight', { row: 3, col: 4 }, ctx)).toEqual({ row: 3, col: 4 });
    expect(nextCell('ArrowDown', { row: 99, col: 0 }, ctx)).toEqual({ row: 99, col: 0 });
  });
  it('mirrors left and right in right-to-left layouts', () => {
    expect(nextCell('ArrowRight', { row: 3, col: 2 }, { ...ctx, rtl: true })).toEqual({
      row: 3,
      col: 1,
    });
    expect(nextCell('ArrowLeft', { row: 3, col: 2 }, { ...ctx, rtl: true })).toEqual({
      row: 3,
      col: 3,
    });
  });
  it('Home/End go to the row ends, with Ctrl to the grid ends; Page keys move a page', () => {
    expect(nextCell('Home', { row: 5, col: 3 }, ctx)).toEqual({ row: 5, col: 0 });
    expect(nextCell('End', { row: 5, col: 0 }, { ...ctx, ctrlKey: true })).toEqual({
      row: 99,
      col: 4,
    });
    expect(nextCell('PageDown', { row: 95, col: 1 }, ctx)).toEqual({ row: 99, col: 1 });
    expect(nextCell('PageUp', { row: 4, col: 1 }, ctx)).toEqual({ row: 0, col: 1 });
  });
  it('leaves other keys to the component', () => {
    expect(nextCell('Enter', { row: 0, col: 0 }, ctx)).toBeNull();
    expect(nextCell(' ', { row: 0, col: 0 }, ctx)).toBeNull();
  });
});
