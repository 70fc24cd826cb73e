import { describe, expect, it } from 'vitest';
import { UUIDV7_PATTERN, uuidv7, uuidv7Time } from './uuidv7';

describe('uuidv7', () => {
  it('increases within one millisecond, so id order is the order the log minted them', () => {
    const ms = Date.parse('2026-12-05T12:00:00.000Z');
    const ids = Array.from({ length: 5000 }, () => uuidv7(ms));
    for (let i = 1; i < ids.length; i++)
      expect((ids[i - 1] as string) < (ids[i] as string)).toBe(true);
    expect(ids.every((id) => UUIDV7_PATTERN.test(id) && uuidv7Time(id) === ms)).toBe(true);
    // A later millisecond starts from fresh random bits, still after the earlier ones.
    const next = uuidv7(ms + 1);
    expect(next > (ids.at(-1) as string)).toBe(true);
    expect(uuidv7Time(next)).toBe(ms + 1);
  });
});
