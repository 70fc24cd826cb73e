import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UiError } from '../../errors.js';
import { Pagination, pageWindow } from './Pagination.js';

describe('pageWindow', () => {
  it('keeps first, last and neighbours, with gaps', () => {
    expect(pageWindow(5, 10)).toEqual([1, 'gap', 4, 5, 6, 'gap', 10]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});

describe('Pagination', () => {
  it('rejects a page outside the range with UI_INVALID_PROP', () => {
    expect(() => render(<Pagination page={11} totalPages={10} />)).toThrow(
      expect.objectContaining({
        code: 'UI_INVALID_PROP',
        message: expect.stringMatching(/page 11/),
      }),
    );
    expect(() => render(<Pagination page={1} totalPages={0} />)).toThrow(UiError);
  });
});
