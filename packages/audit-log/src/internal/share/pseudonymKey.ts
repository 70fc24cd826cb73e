import { createHash } from 'node:crypto';

/** The fewest bytes a pseudonym key may have: 256 bits, beyond any enumeration. */
export const MIN_PSEUDONYM_KEY_BYTES = 32;

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** A checked pseudonym key: its bytes and its id (the first 8 bytes of its SHA-256, hex). */
export interface PseudonymKey {
  bytes: Uint8Array;
  id: string;
}

/**
 * Reads a pseudonym key: a `Uint8Array` of at least 32 bytes, or a base64url string that
 * decodes to at least 32 bytes. A passphrase is refused: pseudonyms of values with few
 * possibilities (phone numbers, ZIP codes) are only as safe as the key is unguessable.
 */
export function readPseudonymKey(key: unknown): PseudonymKey | { problem: string } {
  let bytes: Uint8Array;
  if (key instanceof Uint8Array) bytes = key;
  else if (typeof key === 'string') {
    if (!BASE64URL.test(key)) return { problem: 'a string key must be base64url' };
    bytes = Buffer.from(key, 'base64url');
  } else return { problem: 'the key must be a Uint8Array or a base64url string' };
  if (bytes.length < MIN_PSEUDONYM_KEY_BYTES) {
    return {
      problem: `the key has ${bytes.length} bytes; at least ${MIN_PSEUDONYM_KEY_BYTES} random bytes are required (e.g. randomBytes(32).toString('base64url'))`,
    };
  }
  const id = createHash('sha256').update(bytes).digest().subarray(0, 8).toString('hex');
  return { bytes, id };
}
