// What a worker sends back for one chunk of a JSONL log: compact per-line results, so the main
// thread never decodes or hashes a line the worker already checked. The chunk's bytes come back
// too (transferred, not copied), for the next read; the main thread reads a line's text from them
// only for a line that is not REGULAR (the worker hashed REGULAR lines in place, so their bytes
// are no longer the line).

/** The line passed the canonical scan: its other results are set. */
export const FAST = 1;
/** The SHA-256 of the line minus its hash member equals the hash it claims. */
export const HASH_OK = 2;
/** Its prevHash equals the claimed hash of the line before it in the same chunk (both FAST). */
export const LINKED = 4;
/** Its claimed hash is 64 hex digits, so its leaf (32 bytes in `leaves`) is set. */
export const LEAF_OK = 8;
/** Its claimed hash and prevHash are 64 characters each, in `hashes` and `prevs`. */
export const REGULAR = 16;

/** One chunk's results, line by line (non-empty lines only, in file order). */
export interface ChunkResult {
  /** The chunk's bytes, given back. */
  buffer: ArrayBuffer;
  /** How many non-empty lines the chunk holds. */
  lines: number;
  /** Per line: FAST | HASH_OK | LINKED | LEAF_OK | REGULAR. */
  flags: Uint8Array;
  /** Per line: its integrity.seq (FAST lines). */
  seqs: Float64Array;
  /** Per line, its start and end (byte offsets into `buffer`). */
  at: Uint32Array;
  /** Per line, 32 chars (one per byte): its RFC 9162 leaf hash when LEAF_OK. */
  leaves: string;
  /** Per line, 64 chars: its claimed hash when REGULAR. */
  hashes: string;
  /** Per line, 64 chars: its prevHash when REGULAR. */
  prevs: string;
}
