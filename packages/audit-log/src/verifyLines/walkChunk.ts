import { scanEventLine } from '../internal/canonicalLine';
import { ASCII, type ChunkResult, FAST, HASH_OK, LEAF_OK, LINKED } from './chunkResult';
import type { LineChecks } from './lineChecks';

const PREV_HASH = 4;
const CLAIMED_HASH = 2;

/** The text of line `i` of a chunk. */
function lineText(r: ChunkResult, i: number): string {
  return Buffer.from(r.buffer).toString('utf8', r.at[i * 6], r.at[i * 6 + 1]);
}

/** The claimed hash or the prevHash of FAST line `i`, read from the chunk's bytes. */
function hashText(
  r: ChunkResult,
  i: number,
  which: typeof PREV_HASH | typeof CLAIMED_HASH,
): string {
  const k = i * 6;
  if ((r.flags[i] as number) & ASCII) {
    return Buffer.from(r.buffer).toString('latin1', r.at[k + which], r.at[k + which + 1]);
  }
  const text = lineText(r, i);
  const scan = scanEventLine(text);
  if (!scan) throw new Error('a line the worker scanned no longer scans'); // cannot happen
  return which === PREV_HASH
    ? text.slice(scan.prevStart, scan.prevEnd)
    : text.slice(scan.hashStart, scan.hashEnd);
}

/**
 * Joins one chunk's worker results into the walk, in file order: position, hash, link and tree
 * checks exactly as `verify` makes them in one thread, from the compact results. Lines the fast
 * scanner refused are checked here in full. Returns the number of the chunk's last line.
 */
export function walkChunk(r: ChunkResult, firstLine: number, checks: LineChecks): number {
  const { flags, seqs, leaves } = r;
  let lineNo = firstLine;
  let leafAt = 0;
  // The line of this chunk whose claimed hash is the chain's current prev (-1: checks.prev()).
  let prevIdx = -1;
  let cur = 0;
  const claimed = () => hashText(r, cur, CLAIMED_HASH);
  for (let i = 0; i < r.lines; i++) {
    if (checks.stopped()) break;
    checks.setLine(++lineNo);
    const f = flags[i] as number;
    if (!(f & FAST)) {
      if (prevIdx >= 0) checks.setPrev(hashText(r, prevIdx, CLAIMED_HASH));
      prevIdx = -1;
      checks.checkLine(lineText(r, i));
      continue;
    }
    let leaf: string | undefined;
    if (f & LEAF_OK) {
      leaf = leaves.slice(leafAt, leafAt + 32);
      leafAt += 32;
    }
    checks.counted();
    const seq = seqs[i] as number;
    if (!checks.position(seq)) continue;
    if (!(f & HASH_OK)) {
      checks.problem(seq, 'hash-mismatch', `event ${seq} does not match its hash (modified)`);
    }
    const linked =
      prevIdx >= 0 && prevIdx === i - 1
        ? (f & LINKED) !== 0
        : hashText(r, i, PREV_HASH) ===
          (prevIdx >= 0 ? hashText(r, prevIdx, CLAIMED_HASH) : checks.prev());
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
    checks.addLeaf(seq, leaf, claimed);
  }
  // The chunk's bytes are reused for later reads: keep the chain's prev as text.
  if (prevIdx >= 0) checks.setPrev(hashText(r, prevIdx, CLAIMED_HASH));
  return lineNo;
}
