// Checking proofs with nothing but hashes, following RFC 9162: verifying an inclusion proof
// (section 2.1.3.2) and a consistency proof (section 2.1.4.2). Both run in O(log n) and never
// throw on bad input: anything malformed is simply not a proof.
import { HASH_SIZE, type HashInput, nodeHashBin, sameHash } from './hash';

const isHash = (h: unknown): h is Uint8Array => h instanceof Uint8Array && h.length === HASH_SIZE;
const isSize = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

// The running hashes below are binary strings (see hash.ts): a proof step is then one SHA-256
// call and no Buffer allocation.

// Halving with division rather than `>>`: tree sizes go past 2^31.
const half = (n: number) => Math.floor(n / 2);
const isOdd = (n: number) => n % 2 === 1;

/**
 * True when `proof` shows that `leafHash` is leaf `index` of the tree of `size` leaves whose
 * root is `root` (RFC 9162 section 2.1.3.2).
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isSize(index) || !isSize(size) || index >= size) return false;
  if (!isHash(leafHash) || !isHash(root) || !Array.isArray(proof)) return false;
  let fn = index;
  let sn = size - 1;
  let r: HashInput = leafHash;
  for (const p of proof) {
    if (!isHash(p) || sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHashBin(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHashBin(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameHash(r, root);
}

/**
 * True when `proof` shows that the tree of `oldSize` leaves with root `oldRoot` is a prefix of
 * the tree of `newSize` leaves with root `newRoot` (RFC 9162 section 2.1.4.2). Equal sizes need
 * an empty proof and equal roots; an old size of 0 proves nothing and is refused.
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  proof: readonly Uint8Array[],
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
): boolean {
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize) return false;
  if (!Array.isArray(proof) || !(oldRoot instanceof Uint8Array)) return false;
  if (!(newRoot instanceof Uint8Array)) return false;
  // A proof from the empty tree says nothing, so it is refused (as the reference code does).
  if (oldSize === 0) return false;
  if (oldSize === newSize) return proof.length === 0 && equal(oldRoot, newRoot);
  if (!isHash(oldRoot) || !isHash(newRoot) || proof.length === 0 || !proof.every(isHash)) {
    return false;
  }
  // When the old size is a power of two, the old root is the first node of the path.
  const path: Uint8Array[] = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: HashInput = path[0] as Uint8Array;
  let sr: HashInput = path[0] as Uint8Array;
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Uint8Array;
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHashBin(c, fr);
      sr = nodeHashBin(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHashBin(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameHash(fr, oldRoot) && sameHash(sr, newRoot);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1) {
    if (isOdd(n)) return false;
    n = half(n);
  }
  return n === 1;
}
