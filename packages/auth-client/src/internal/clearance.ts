// Clearance comparisons that never throw: a level outside the four (from a misconfigured claim
// mapping, say) is simply not allowed.
import { CLASSIFICATIONS, type Classification } from '@cityofboston/standards-schema/core';

/** Whether `level` is at most `clearance` (unknown levels are never allowed). */
export function allows(clearance: Classification, level: Classification): boolean {
  const a = CLASSIFICATIONS.indexOf(level);
  const b = CLASSIFICATIONS.indexOf(clearance);
  return a >= 0 && b >= 0 && a <= b;
}
