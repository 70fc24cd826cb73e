import { scanEventLine } from '../internal/canonicalLine';
import { type ChunkResult, FAST, HASH_OK, LEAF_OK, LINKED, REGULAR } from './chunkResult';
import type { LineChecks } from './lineChecks';

/** The text of line `i` of a chunk (not REGULAR: those were hashed in place). */
function lineText(r: ChunkResult, i: number): string {
  return Buffer.from(r.buffer).toString('utf8', r.at[2 * i], r.at[2 * i + 1]);
}

/** The claimed hash (or with `prev`, the prevHash) of FAST line `i`. */
function hashText(r: ChunkResult, i: number, prev: boolean): string {
  if ((r.flags[i] as number) & REGULAR) {
    return (prev ? r.prevs : r.hashes).slice(64 * i, 64 * i + 64);
  }
  const text = lineText(r, i);
  const scan = scanEventLine(text);
  if (!scan) throw new Error('a line the worker scanned no longer scans'); // cannot happen
  return prev ? text.slice(scan.prevStart, scan.prevEnd) : text.slice(scan.hashStart, scan.hashEnd);
}

/**
 * Joins one chunk's worker results into the walk, in file order: position, hash, link and tree
 * checks exactly as `verify` makes them in one thread, from the compact results. Lines the fast
 * scanner refused are checked here in full. Returns the number of the chunk's last line.
 */
export function walkChunk(r: ChunkResult, firstLine: number, checks: LineChecks): number {
  const { flags, seqs, leaves } = r;
  let lineNo = firstLine;
  // The line of this chunk whose claimed hash is the chain's current prev (-1: checks.prev()).
  let prevIdx = -1;
  let cur = 0;
  const claimed = () => hashText(r, cur, false);
  for (let i = 0; i < r.lines; i++) {
    if (checks.stopped()) break;
    checks.setLine(++lineNo);
    const f = flags[i] as number;
    if (!(f & FAST)) {
      if (prevIdx >= 0) checks.setPrev(hashText(r, prevIdx, false));
      prevIdx = -1;
      checks.checkLine(lineText(r, i));
      continue;
    }
    checks.counted();
    const seq = seqs[i] as number;
    if (!checks.position(seq)) continue;
    if (!(f & HASH_OK)) {
      checks.problem(seq, 'hash-mismatch', `event ${seq} does not match its hash (modified)`);
    }
    // A format-1 line after format-2 events (which only the lines checked in full can be) is
    // malformed and has no link to check, exactly as in one thread.
    const linked =
      checks.afterBatch(seq) ||
      (prevIdx >= 0 && prevIdx === i - 1
        ? (f & LINKED) !== 0
        : hashText(r, i, true) === (prevIdx >= 0 ? hashText(r, prevIdx, false) : checks.prev()));
    if (!linked) {
      checks.problem(
        seq,
        'prev-hash-mismatch',
        `event ${seq} does not follow event ${seq - 1} (inserted or replaced)`,
      );
    }
    // Continue from the hash the event claims, so one modified event is one problem.
    prevIdx = i;
    checks.advance(seq);
    cur = i;
    checks.addLeaf(seq, f & LEAF_OK ? leaves.slice(32 * i, 32 * i + 32) : undefined, claimed);
  }
  // The chunk's bytes are reused for later reads: keep the chain's prev as text.
  if (prevIdx >= 0) checks.setPrev(hashText(r, prevIdx, false));
  return lineNo;
}
