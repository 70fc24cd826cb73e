// The order of classification levels, kept here so that browser code using `definePolicy` does
// not pull all of standards-schema (and zod) into the bundle: that package's `.` entry is one
// module whose schemas cannot be tree-shaken. A test checks this equals CLASSIFICATIONS.
import type { Classification } from '@cityofboston/standards-schema';

export const LEVELS = [
  'public',
  'internal',
  'confidential',
  'restricted',
] as const satisfies readonly Classification[];

/** Whether `level` is at most `clearance` (unknown levels are never allowed). */
export function allows(clearance: Classification, level: Classification): boolean {
  const a = LEVELS.indexOf(level);
  const b = LEVELS.indexOf(clearance);
  return a >= 0 && b >= 0 && a <= b;
}
