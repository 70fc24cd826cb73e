import { isAscii } from 'node:buffer';
import * as nodeCrypto from 'node:crypto';
import { scanEventLine } from '../internal/canonicalLine';
import { sha256hex } from '../internal/chain';
import { eventLeafBin } from '../merkle/hash';
import { type ChunkResult, FAST, HASH_OK, LEAF_OK, LINKED, REGULAR } from './chunkResult';

const oneShot = (nodeCrypto as { hash?: (alg: string, data: Uint8Array, enc: 'hex') => string })
  .hash;
const sha256bytes: (data: Uint8Array) => string = oneShot
  ? (data) => oneShot('sha256', data, 'hex')
  : (data) => nodeCrypto.createHash('sha256').update(data).digest('hex');

const NO_LEAF = '\0'.repeat(32);
const NO_HASH = ' '.repeat(64);

/**
 * Checks every line of one chunk on its own (the work a worker thread does): the canonical scan,
 * the event hash, the RFC 9162 leaf hash, and each line's link to the line before it in the chunk.
 * The chunk holds whole lines: `length` bytes that end with a newline. Lines are split and decoded
 * exactly as the store's line reader does (UTF-8, empty lines skipped), so line numbers agree.
 * REGULAR lines are hashed in place: their bytes are overwritten.
 */
export function scanChunk(buffer: ArrayBuffer, length: number): ChunkResult {
  const bytes = Buffer.from(buffer, 0, length);
  // Upper bound of lines: a line holds at least its newline. Sized for the common case and grown.
  let cap = Math.max(16, Math.ceil(length / 256));
  let flags = new Uint8Array(cap);
  let seqs = new Float64Array(cap);
  let at = new Uint32Array(cap * 2);
  const leaves: string[] = [];
  const hashes: string[] = [];
  const prevs: string[] = [];
  let n = 0;
  let prevClaimed: string | undefined; // the claimed hash of the line before, when FAST

  const line = (text: string, start: number, end: number, ascii: boolean) => {
    if (n === cap) {
      cap *= 2;
      const f = new Uint8Array(cap);
      f.set(flags);
      flags = f;
      const s = new Float64Array(cap);
      s.set(seqs);
      seqs = s;
      const a = new Uint32Array(cap * 2);
      a.set(at);
      at = a;
    }
    at[2 * n] = start;
    at[2 * n + 1] = end;
    const scan = scanEventLine(text);
    if (!scan) {
      flags[n++] = 0;
      leaves.push(NO_LEAF);
      hashes.push(NO_HASH);
      prevs.push(NO_HASH);
      prevClaimed = undefined;
      return;
    }
    let f = FAST;
    const claimed = text.slice(scan.hashStart, scan.hashEnd);
    const prevHash = text.slice(scan.prevStart, scan.prevEnd);
    // What the hash covers is the stored text minus `"hash":"…",` (see hashEvent).
    let actual: string;
    if (ascii && claimed.length === 64 && prevHash.length === 64) {
      // In ASCII a character is a byte: move the text before the hash member up against the text
      // after it, and hash those bytes where they are (no string is built).
      const cut = scan.hashMemberEnd - scan.hashMemberStart;
      bytes.copyWithin(start + cut, start, start + scan.hashMemberStart);
      actual = sha256bytes(bytes.subarray(start + cut, end));
      f |= REGULAR;
      hashes.push(claimed);
      prevs.push(prevHash);
    } else {
      actual = sha256hex(text.slice(0, scan.hashMemberStart) + text.slice(scan.hashMemberEnd));
      hashes.push(NO_HASH);
      prevs.push(NO_HASH);
    }
    if (actual === claimed) f |= HASH_OK;
    if (prevClaimed !== undefined && prevClaimed === prevHash) f |= LINKED;
    const leaf = eventLeafBin(claimed);
    if (leaf !== undefined) {
      f |= LEAF_OK;
      leaves.push(leaf);
    } else leaves.push(NO_LEAF);
    seqs[n] = scan.seq;
    flags[n++] = f;
    prevClaimed = claimed;
  };

  if (isAscii(bytes)) {
    // One decode for the chunk; in ASCII, a character is a byte.
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
    at: at.subarray(0, 2 * n),
    leaves: leaves.join(''),
    hashes: hashes.join(''),
    prevs: prevs.join(''),
  };
}
