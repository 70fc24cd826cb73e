import { CLASSIFICATIONS, type Classification, isAtMost } from '@cityofboston/standards-schema';
import { describe, expect, it } from 'vitest';
import { allows } from './clearance';

describe('clearance order', () => {
  it("agrees with the shared vocabulary's isAtMost", () => {
    for (const level of CLASSIFICATIONS) {
      for (const clearance of CLASSIFICATIONS) {
        expect(allows(clearance, level)).toBe(isAtMost(level, clearance));
      }
    }
  });

  it('never allows a level outside the four, where isAtMost would throw', () => {
    expect(allows('restricted', 'secret' as Classification)).toBe(false);
    expect(allows('secret' as Classification, 'public')).toBe(false);
  });
});
