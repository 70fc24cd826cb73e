import { isAscii } from 'node:buffer';
import { scanEventLine } from '../internal/canonicalLine';
import { sha256hex } from '../internal/chain';
import { eventLeafBin } from '../merkle/hash';
import { ASCII, type ChunkResult, FAST, HASH_OK, LEAF_OK, LINKED } from './chunkResult';

/**
 * Checks every line of one chunk on its own (the work a worker thread does): the canonical scan,
 * the event hash, the RFC 9162 leaf hash, and each line's link to the line before it in the chunk.
 * The chunk holds whole lines: `length` bytes that end with a newline. Lines are split and decoded
 * exactly as the store's line reader does (UTF-8, empty lines skipped), so line numbers agree.
 */
export function scanChunk(buffer: ArrayBuffer, length: number): ChunkResult {
  const bytes = Buffer.from(buffer, 0, length);
  const ascii = isAscii(bytes);
  // Upper bound of lines: a line holds at least its newline. Sized for the common case and grown.
  let cap = Math.max(16, Math.ceil(length / 256));
  let flags = new Uint8Array(cap);
  let seqs = new Float64Array(cap);
  let at = new Uint32Array(cap * 6);
  const leaves: string[] = [];
  let n = 0;
  let prevClaimed: string | undefined; // the claimed hash of the line before, when FAST

  const line = (text: string, start: number, end: number, lineAscii: boolean) => {
    if (n === cap) {
      cap *= 2;
      const f = new Uint8Array(cap);
      f.set(flags);
      flags = f;
      const s = new Float64Array(cap);
      s.set(seqs);
      seqs = s;
      const a = new Uint32Array(cap * 6);
      a.set(at);
      at = a;
    }
    const k = n * 6;
    at[k] = start;
    at[k + 1] = end;
    const scan = scanEventLine(text);
    if (!scan) {
      flags[n++] = 0;
      prevClaimed = undefined;
      return;
    }
    let f = FAST;
    const claimed = text.slice(scan.hashStart, scan.hashEnd);
    // The stored text minus `"hash":"…",` is what the hash covers (see hashEvent).
    if (
      sha256hex(text.slice(0, scan.hashMemberStart) + text.slice(scan.hashMemberEnd)) === claimed
    ) {
      f |= HASH_OK;
    }
    if (prevClaimed !== undefined && prevClaimed === text.slice(scan.prevStart, scan.prevEnd)) {
      f |= LINKED;
    }
    const leaf = eventLeafBin(claimed);
    if (leaf !== undefined) {
      f |= LEAF_OK;
      leaves.push(leaf);
    }
    if (lineAscii) {
      f |= ASCII;
      at[k + 2] = start + scan.hashStart;
      at[k + 3] = start + scan.hashEnd;
      at[k + 4] = start + scan.prevStart;
      at[k + 5] = start + scan.prevEnd;
    }
    seqs[n] = scan.seq;
    flags[n++] = f;
    prevClaimed = claimed;
  };

  if (ascii) {
    // One decode and one split for the chunk; in ASCII, a character is a byte.
    const text = bytes.toString('latin1', 0, length);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      if (nl > start) line(text.slice(start, nl), start, nl, true);
      start = nl + 1;
    }
  } else {
    let start = 0;
    for (;;) {
      const nl = bytes.indexOf(10, start);
      if (nl < 0) break;
      if (nl > start) {
        const text = bytes.toString('utf8', start, nl);
        // A line is ASCII when no character took more than one byte and none was replaced.
        line(text, start, nl, nl - start === text.length && !text.includes('\ufffd'));
      }
      start = nl + 1;
    }
  }
  return {
    buffer,
    lines: n,
    flags: flags.subarray(0, n),
    seqs: seqs.subarray(0, n),
    at: at.subarray(0, n * 6),
    leaves: leaves.join(''),
  };
}
