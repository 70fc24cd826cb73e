import { CLASSIFICATIONS, isAtMost } from '@cityofboston/standards-schema';
import { describe, expect, it } from 'vitest';
import { allows, LEVELS } from './clearance';

describe('clearance order', () => {
  it("is the shared vocabulary's order", () => {
    expect(LEVELS).toEqual(CLASSIFICATIONS);
    for (const level of CLASSIFICATIONS) {
      for (const clearance of CLASSIFICATIONS) {
        expect(allows(clearance, level)).toBe(isAtMost(level, clearance));
      }
    }
  });
});
