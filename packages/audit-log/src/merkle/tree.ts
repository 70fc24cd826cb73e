// Building a tree over leaf hashes and producing proofs, following RFC 9162 section 2.1: MTH
// (the tree head), PATH (an inclusion proof, 2.1.3.1) and PROOF/SUBPROOF (a consistency proof,
// 2.1.4.1). Leaves are given as their hashes (see hash.ts).
import { EMPTY_ROOT, type HashInput, nodeHash, nodeHashBin } from './hash';

/** The largest power of two smaller than `n` (n > 1): where RFC 9162 splits a tree. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over `leaves[start, start + n)`. */
function subtreeRoot(leaves: readonly Uint8Array[], start: number, n: number): Buffer {
  if (n === 1) return Buffer.from(leaves[start] as Uint8Array);
  // Iterative over complete pairs keeps the stack shallow and allocates one level at a time.
  let level: Uint8Array[] = leaves.slice(start, start + n) as Uint8Array[];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(nodeHash(level[i] as Uint8Array, level[i + 1] as Uint8Array));
    }
    // RFC 9162 splits at the largest power of two below n, so a lone last node is carried up
    // unchanged to the level where it pairs: the same tree as the recursive definition.
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    level = next;
  }
  return Buffer.from(level[0] as Uint8Array);
}

/**
 * Every complete subtree's root, level by level (level 0 holds the leaves): built once with n
 * hashes, after which the root of any subtree, and so any proof, takes O(log n) lookups and
 * hashes. For serving many proofs from one log.
 */
export class MerkleLevels {
  readonly levels: Uint8Array[][];

  constructor(leaves: readonly Uint8Array[]) {
    const levels: Uint8Array[][] = [leaves as Uint8Array[]];
    let level = leaves as Uint8Array[];
    while (level.length > 1) {
      const next: Uint8Array[] = new Array(Math.floor(level.length / 2));
      for (let i = 0; i + 1 < level.length; i += 2) {
        next[i / 2] = nodeHash(level[i] as Uint8Array, level[i + 1] as Uint8Array);
      }
      levels.push(next);
      level = next;
    }
    this.levels = levels;
  }

  /** Number of leaves. */
  get length(): number {
    return (this.levels[0] as Uint8Array[]).length;
  }

  /** MTH over leaves [start, start + n). */
  subtree(start: number, n: number): Buffer {
    // A perfect, aligned subtree is stored; otherwise split as RFC 9162 does.
    let size = 1;
    let depth = 0;
    while (size < n) {
      size *= 2;
      depth += 1;
    }
    if (size === n && start % n === 0) {
      return Buffer.from(this.levels[depth]?.[start / n] as Uint8Array);
    }
    const k = split(n);
    return nodeHash(this.subtree(start, k), this.subtree(start + k, n - k));
  }
}

/** Leaf hashes, as an array or as precomputed levels. */
export type MerkleLeaves = readonly Uint8Array[] | MerkleLevels;

function rootOf(leaves: MerkleLeaves): (start: number, n: number) => Buffer {
  return leaves instanceof MerkleLevels
    ? (start, n) => leaves.subtree(start, n)
    : (start, n) => subtreeRoot(leaves, start, n);
}

/** The root hash (MTH) of the first `size` leaves (all of them by default). */
export function treeRoot(leaves: readonly Uint8Array[], size = leaves.length): Buffer {
  checkSize(leaves, size);
  return size === 0 ? Buffer.from(EMPTY_ROOT) : subtreeRoot(leaves, 0, size);
}

function checkSize(leaves: MerkleLeaves, size: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > leaves.length) {
    throw new RangeError(`tree size ${size} is not between 0 and ${leaves.length}`);
  }
}

/**
 * The inclusion proof (RFC 9162 PATH) of leaf `index` in the tree of the first `size` leaves,
 * from the leaf's sibling up to the root's child.
 */
export function inclusionProof(
  leaves: MerkleLeaves,
  index: number,
  size = leaves.length,
): Buffer[] {
  checkSize(leaves, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf index ${index} is not in a tree of size ${size}`);
  }
  const subtree = rootOf(leaves);
  const path: Buffer[] = [];
  let start = 0;
  let n = size;
  let m = index;
  // Walk down from the root, collecting the sibling subtree at each split; PATH lists them
  // bottom-up, so reverse at the end.
  while (n > 1) {
    const k = split(n);
    if (m < k) {
      path.push(subtree(start + k, n - k));
      n = k;
    } else {
      path.push(subtree(start, k));
      start += k;
      m -= k;
      n -= k;
    }
  }
  return path.reverse();
}

/**
 * The consistency proof (RFC 9162 PROOF) that the tree of the first `oldSize` leaves is a prefix
 * of the tree of the first `newSize` leaves. Empty when the sizes are equal or `oldSize` is 0.
 */
export function consistencyProof(
  leaves: MerkleLeaves,
  oldSize: number,
  newSize = leaves.length,
): Buffer[] {
  checkSize(leaves, newSize);
  if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize) {
    throw new RangeError(`old size ${oldSize} is not between 0 and ${newSize}`);
  }
  if (oldSize === 0 || oldSize === newSize) return [];
  const subtree = rootOf(leaves);
  const out: Buffer[] = [];
  // SUBPROOF(m, D[start:start+n], b), iteratively (the recursion only ever descends one side).
  let start = 0;
  let n = newSize;
  let m = oldSize;
  let complete = true; // b: the old tree's subtree here is complete (it is the whole old tree)
  const tail: Buffer[] = [];
  while (m !== n) {
    const k = split(n);
    if (m <= k) {
      tail.push(subtree(start + k, n - k));
      n = k;
    } else {
      tail.push(subtree(start, k));
      start += k;
      m -= k;
      n -= k;
      complete = false;
    }
  }
  if (!complete) out.push(subtree(start, m));
  return out.concat(tail.reverse());
}

/**
 * A compact range over leaves appended one at a time: the roots of the perfect subtrees that
 * make up the tree so far (at most log2(size) + 1 hashes), so the root of a growing log is known
 * at any size without keeping its leaves.
 */
export class CompactRange {
  /**
   * Roots of perfect subtrees, largest first; their sizes are the set bits of `size`. Kept as
   * binary strings (see hash.ts): appending is then one SHA-256 call per merge, no Buffer.
   */
  private readonly nodes: string[] = [];
  private count = 0;

  /** Leaves appended so far. */
  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash (32 bytes, or a 32-character binary string). */
  append(leaf: HashInput): void {
    let node = typeof leaf === 'string' ? leaf : Buffer.from(leaf).toString('latin1');
    let n = this.count;
    // Merge with the subtrees of equal size: one per trailing set bit of the old size.
    while (n % 2 === 1) {
      node = nodeHashBin(this.nodes.pop() as string, node);
      n = (n - 1) / 2;
    }
    this.nodes.push(node);
    this.count += 1;
  }

  /** The root hash of the tree of every leaf appended so far. */
  root(): Buffer {
    return Buffer.from(this.rootBin(), 'latin1');
  }

  /** {@link root} as a binary string. */
  private rootBin(): string {
    const nodes = this.nodes;
    if (nodes.length === 0) return EMPTY_ROOT.toString('latin1');
    let root = nodes[nodes.length - 1] as string;
    for (let i = nodes.length - 2; i >= 0; i--) root = nodeHashBin(nodes[i] as string, root);
    return root;
  }
}
