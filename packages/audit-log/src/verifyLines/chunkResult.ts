// What a worker sends back for one chunk of a JSONL log: compact per-line results, so the main
// thread never decodes or hashes a line the worker already checked. The chunk's bytes come back
// too (transferred, not copied): the main thread reads a line's text from them only when it needs
// it (a line the fast scanner refused, or a hash it must compare across a chunk boundary).

/** The line passed the canonical scan: its other results are set. */
export const FAST = 1;
/** The SHA-256 of the line minus its hash member equals the hash it claims. */
export const HASH_OK = 2;
/** Its prevHash equals the claimed hash of the line before it in the same chunk (both FAST). */
export const LINKED = 4;
/** Its claimed hash is 64 hex digits, so its leaf (32 bytes in `leaves`) is set. */
export const LEAF_OK = 8;
/** The line is ASCII: `at` holds byte offsets of its hash and prevHash texts. */
export const ASCII = 16;

/** One chunk's results, line by line (non-empty lines only, in file order). */
export interface ChunkResult {
  /** The chunk's bytes, given back. */
  buffer: ArrayBuffer;
  /** How many non-empty lines the chunk holds. */
  lines: number;
  /** Per line: FAST | HASH_OK | LINKED | LEAF_OK | ASCII. */
  flags: Uint8Array;
  /** Per line: its integrity.seq (FAST lines). */
  seqs: Float64Array;
  /**
   * Per line, 6 byte offsets into `buffer`: the line's start and end, then (ASCII lines) the
   * claimed hash's start and end, then the prevHash's start and end.
   */
  at: Uint32Array;
  /** The RFC 9162 leaf hashes of the LEAF_OK lines, 32 chars each (one per byte), in line order. */
  leaves: string;
}
