import { describe, expect, it } from 'vitest';
import { toIsoDate } from './DateInput.js';

describe('toIsoDate', () => {
  it('accepts real dates and pads them', () => {
    expect(toIsoDate({ day: '7', month: '3', year: '1990' })).toBe('1990-03-07');
    expect(toIsoDate({ day: '29', month: '2', year: '2024' })).toBe('2024-02-29');
  });
  it('rejects impossible or malformed dates', () => {
    expect(toIsoDate({ day: '30', month: '2', year: '2024' })).toBeNull();
    expect(toIsoDate({ day: '29', month: '2', year: '2023' })).toBeNull();
    expect(toIsoDate({ day: '1', month: '13', year: '2024' })).toBeNull();
    expect(toIsoDate({ day: 'x', month: '1', year: '2024' })).toBeNull();
    expect(toIsoDate({ day: '1', month: '1', year: '24' })).toBeNull();
  });
});
