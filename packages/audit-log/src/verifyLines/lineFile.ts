/**
 * A store that keeps its canonical lines in one file (JSONL) names the file under this key, so
 * `verify` can read it in chunks of bytes for worker threads. `Symbol.for`, so the `.` and
 * `/node` bundles agree on it.
 */
export const CANONICAL_LINE_FILE: unique symbol = Symbol.for(
  '@cityofboston/audit-log.canonical-line-file',
);

export interface CanonicalLineFile {
  /** The path of the file whose lines `CANONICAL_LINES` yields. */
  [CANONICAL_LINE_FILE](): string;
}
