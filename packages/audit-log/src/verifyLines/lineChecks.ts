import type { VerifyFailureReason } from '../verify';

/**
 * The chain and tree state of one `verify` walk, as the main thread of a parallel verify uses
 * it: the same checks, problems and messages as verifying in one thread.
 */
export interface LineChecks {
  /** True once `maxProblems` stopped the walk. */
  stopped(): boolean;
  /** The 1-based number of the (non-empty) line being checked, named in problems. */
  setLine(line: number): void;
  /** Counts one entry (and reports progress). */
  counted(): void;
  /** The position checks of an entry with this seq; false when it is not part of the chain. */
  position(seq: number): boolean;
  problem(seq: number, reason: VerifyFailureReason, message: string): void;
  /** Every check of one line in this thread, exactly as without workers. */
  checkLine(line: string): void;
  /**
   * For a format-1 event (every line the fast scanner passes): true, having reported it as
   * malformed, when format-2 events came before it; it then has no link to check.
   */
  afterBatch(seq: number): boolean;
  /** The hash the next event must name as its prevHash. */
  prev(): string;
  setPrev(hash: string): void;
  /** The event with this seq took its place in the chain: the next one must be seq + 1. */
  advance(seq: number): void;
  /**
   * Appends an event's leaf hash (a 32-char binary string, or undefined when its claimed hash is
   * not a SHA-256) and checks the checkpoints at the new size; `hash` gives its claimed hash.
   */
  addLeaf(seq: number, leaf: string | undefined, hash: () => string): void;
}
