// RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing with SHA-256, section 2.1.1:
// a leaf is SHA-256(0x00 || entry), an interior node SHA-256(0x01 || left || right), and the
// empty tree's root is SHA-256 of nothing. The prefixes keep a leaf from passing for a node.
import * as nodeCrypto from 'node:crypto';

const oneShot = (nodeCrypto as { hash?: (alg: string, data: Uint8Array, enc: 'buffer') => Buffer })
  .hash;
const sha256: (data: Uint8Array) => Buffer = oneShot
  ? (data) => oneShot('sha256', data, 'buffer')
  : (data) => nodeCrypto.createHash('sha256').update(data).digest();

/** The root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = sha256(new Uint8Array(0));

/** The length of every hash in the tree. */
export const HASH_SIZE = 32;

/** RFC 9162 leaf hash: SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array): Buffer {
  const buf = Buffer.allocUnsafe(entry.length + 1);
  buf[0] = 0;
  buf.set(entry, 1);
  return sha256(buf);
}

// One scratch buffer for node hashes: SHA-256 copies its input, so reuse is safe.
const NODE = Buffer.allocUnsafe(1 + 2 * HASH_SIZE);
NODE[0] = 1;

/** RFC 9162 interior node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length === HASH_SIZE && right.length === HASH_SIZE) {
    NODE.set(left, 1);
    NODE.set(right, 1 + HASH_SIZE);
    return sha256(NODE);
  }
  return sha256(Buffer.concat([Buffer.from([1]), left, right]));
}

// The audit log's leaves: the entry is an event's 32-byte SHA-256 (its `integrity.hash`), which
// covers the event's canonical JSON, its seq and its predecessor's hash.
const LEAF = Buffer.allocUnsafe(1 + HASH_SIZE);
LEAF[0] = 0;

/**
 * The Merkle leaf hash of an audit event, from its `integrity.hash` (64 hex digits):
 * SHA-256(0x00 || the 32 bytes of that hash). Undefined for anything that is not such a hash.
 */
export function eventLeafHash(eventHash: string): Buffer | undefined {
  // Buffer#write stops at the first character that is not hex: 32 bytes means 64 hex digits.
  if (eventHash.length !== 64 || LEAF.write(eventHash, 1, HASH_SIZE, 'hex') !== HASH_SIZE) {
    return undefined;
  }
  return sha256(LEAF);
}
