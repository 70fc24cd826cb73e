// RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing with SHA-256, section 2.1.1:
// a leaf is SHA-256(0x00 || entry), an interior node SHA-256(0x01 || left || right), and the
// empty tree's root is SHA-256 of nothing. The prefixes keep a leaf from passing for a node.
//
// Speed: a tree costs one SHA-256 per leaf and one per node, each over 33 or 65 bytes, so the
// cost of a call matters more than the cost of hashing. On Node 20, `crypto.hash` returning a
// Buffer takes about 3x as long as returning a string (the Buffer is allocated in C++), so the
// hot paths (verify's tree, proof checks) keep hashes as 32-character latin1 strings, one char
// per byte ("binary strings" below), and only the public functions turn them into Buffers.
import * as nodeCrypto from 'node:crypto';

const oneShot = (nodeCrypto as { hash?: (alg: string, data: Uint8Array, enc: 'binary') => string })
  .hash;
/** SHA-256 of `data` as a binary string (32 chars, each one byte). */
export const sha256bin: (data: Uint8Array) => string = oneShot
  ? (data) => oneShot('sha256', data, 'binary')
  : (data) => nodeCrypto.createHash('sha256').update(data).digest('binary');

/** A 32-byte hash as a binary string, or as bytes. */
export type HashInput = Uint8Array | string;

const toBuffer = (bin: string): Buffer => Buffer.from(bin, 'latin1');

/** The root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = toBuffer(sha256bin(new Uint8Array(0)));

/** The length of every hash in the tree. */
export const HASH_SIZE = 32;

/** RFC 9162 leaf hash: SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Buffer {
  const buf = Buffer.allocUnsafe(entry.length + 1);
  buf[0] = 0;
  buf.set(entry, 1);
  return toBuffer(sha256bin(buf));
}

// One scratch buffer for node hashes: SHA-256 reads its input before returning, so reuse is safe.
const NODE = Buffer.allocUnsafe(1 + 2 * HASH_SIZE);
NODE[0] = 1;

/** Writes a 32-byte hash (bytes or binary string) into NODE at `at`. */
function put(h: HashInput, at: number): void {
  if (typeof h === 'string') {
    for (let i = 0; i < HASH_SIZE; i++) NODE[at + i] = h.charCodeAt(i);
  } else {
    NODE.set(h, at);
  }
}

/** The node hash of two 32-byte hashes, as a binary string (no length checks: internal use). */
export function nodeHashBin(left: HashInput, right: HashInput): string {
  put(left, 1);
  put(right, 1 + HASH_SIZE);
  return sha256bin(NODE);
}

/** RFC 9162 interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length === HASH_SIZE && right.length === HASH_SIZE) {
    return toBuffer(nodeHashBin(left, right));
  }
  return toBuffer(sha256bin(Buffer.concat([Buffer.from([1]), left, right])));
}

// The audit log's leaves: the entry is an event's 32-byte SHA-256 (its `integrity.hash`), which
// covers the event's canonical JSON, its seq and its predecessor's hash.
const LEAF = Buffer.allocUnsafe(1 + HASH_SIZE);
LEAF[0] = 0;

// Hex digit values (either case, as Buffer's hex decoding accepts), -1 for anything else.
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let d = 0; d < 10; d++) HEX_VALUE[48 + d] = d;
for (let d = 0; d < 6; d++) {
  HEX_VALUE[65 + d] = 10 + d;
  HEX_VALUE[97 + d] = 10 + d;
}

/** {@link eventLeafHash} as a binary string. */
export function eventLeafBin(eventHash: string): string | undefined {
  if (eventHash.length !== 64) return undefined;
  // Decoded by hand: Buffer#write(…, 'hex') costs as much as the SHA-256 call after it.
  for (let i = 0; i < HASH_SIZE; i++) {
    const hi = eventHash.charCodeAt(2 * i);
    const lo = eventHash.charCodeAt(2 * i + 1);
    const h = hi < 128 ? (HEX_VALUE[hi] as number) : -1;
    const l = lo < 128 ? (HEX_VALUE[lo] as number) : -1;
    if (h < 0 || l < 0) return undefined;
    LEAF[1 + i] = (h << 4) | l;
  }
  return sha256bin(LEAF);
}

/**
 * The Merkle leaf hash of an audit event, from its `integrity.hash` (64 hex digits):
 * SHA-256(0x00 || the 32 bytes of that hash). Undefined for anything that is not such a hash.
 */
export function eventLeafHash(eventHash: string): Buffer | undefined {
  const bin = eventLeafBin(eventHash);
  return bin === undefined ? undefined : toBuffer(bin);
}

/** True when `a` (bytes or binary string) and `b` hold the same 32 bytes; no early exit. */
export function sameHash(a: HashInput, b: Uint8Array): boolean {
  if (a.length !== HASH_SIZE || b.length !== HASH_SIZE) return false;
  let diff = 0;
  if (typeof a === 'string') {
    for (let i = 0; i < HASH_SIZE; i++) diff |= a.charCodeAt(i) ^ (b[i] as number);
  } else {
    for (let i = 0; i < HASH_SIZE; i++) diff |= (a[i] as number) ^ (b[i] as number);
  }
  return diff === 0;
}
