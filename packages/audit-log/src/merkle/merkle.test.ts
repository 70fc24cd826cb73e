// RFC 9162 Merkle tree hashing and proofs against the reference vectors of transparency-dev/merkle
// (Apache-2.0, commit 417fb0c314750d94e53942e9f92e79b6d35915db): the leaf inputs and root hashes of
// testonly/constants.go, and the happy paths of testdata/inclusion/*/happy-path.json and
// testdata/consistency/*/happy-path.json, with the same mutations that testdata holds for each
// (a flipped bit, garbage before or after, a wrong root, an index or size off by one or by a
// factor of two, swapped roots, a dropped or added component) and the "additional" edge cases.
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, eventLeafHash, leafHash, nodeHash } from './hash';
import { CompactRange, consistencyProof, inclusionProof, MerkleLevels, treeRoot } from './tree';
import { verifyConsistency, verifyInclusion } from './verify';

const hex = (h: string) => Buffer.from(h, 'hex');
const b64 = (h: string) => Buffer.from(h, 'base64');

// testonly/constants.go: LeafInputs() and RootHashes().
const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(hex);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(hex);
// NodeHashes()[0]: the leaf hashes.
const LEAF_HASHES = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
].map(hex);

interface InclusionVector {
  name: string;
  leafIdx: number;
  treeSize: number;
  root: Buffer;
  leafHash: Buffer;
  proof: Buffer[];
}
// testdata/inclusion/{0..4}/happy-path.json
const INCLUSION: InclusionVector[] = [
  {
    name: '0',
    leafIdx: 0,
    treeSize: 1,
    root: b64('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0='),
    leafHash: b64('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0='),
    proof: [],
  },
  {
    name: '1',
    leafIdx: 0,
    treeSize: 8,
    root: b64('XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg='),
    leafHash: b64('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0='),
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ].map(b64),
  },
  {
    name: '2',
    leafIdx: 5,
    treeSize: 8,
    root: b64('XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg='),
    leafHash: b64('QnGia+DYqE8L1UyMMC58s6O10fpngKQLzOKHNHfatlg='),
    proof: [
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
      'yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=',
      '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=',
    ].map(b64),
  },
  {
    name: '3',
    leafIdx: 2,
    treeSize: 3,
    root: b64('rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc='),
    leafHash: b64('ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c='),
    proof: ['+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU='].map(b64),
  },
  {
    name: '4',
    leafIdx: 1,
    treeSize: 5,
    root: b64('Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ='),
    leafHash: b64('lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c='),
    proof: [
      'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ].map(b64),
  },
];

interface ConsistencyVector {
  name: string;
  size1: number;
  size2: number;
  root1: Buffer;
  root2: Buffer;
  proof: Buffer[];
}
// testdata/consistency/{0..4}/happy-path.json
const CONSISTENCY: ConsistencyVector[] = [
  {
    name: '0',
    size1: 1,
    size2: 1,
    root1: b64('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0='),
    root2: b64('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0='),
    proof: [],
  },
  {
    name: '1',
    size1: 1,
    size2: 8,
    root1: b64('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0='),
    root2: b64('XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg='),
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ].map(b64),
  },
  {
    name: '2',
    size1: 6,
    size2: 8,
    root1: b64('duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8='),
    root2: b64('XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg='),
    proof: [
      'DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=',
      'yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=',
      '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=',
    ].map(b64),
  },
  {
    name: '3',
    size1: 2,
    size2: 5,
    root1: b64('+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU='),
    root2: b64('Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ='),
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ].map(b64),
  },
  {
    name: '4',
    size1: 6,
    size2: 7,
    root1: b64('duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8='),
    root2: b64('3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw='),
    proof: [
      'DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=',
      'sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=',
      '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=',
    ].map(b64),
  },
];

const flip = (b: Buffer, bit: number) => {
  const c = Buffer.from(b);
  c[Math.floor(bit / 8)] = (c[Math.floor(bit / 8)] as number) ^ (1 << (bit % 8));
  return c;
};
const GARBAGE = Buffer.from('garbage');
const DONT_CARE = b64('ZG9uJ3QgY2FyZSAy');
const RANDOM_LEAF = b64('q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=');

describe('RFC 9162 hashing (reference vectors)', () => {
  it('hashes every reference leaf input to its published leaf hash', () => {
    LEAF_INPUTS.forEach((input, i) => {
      expect(leafHash(input).equals(LEAF_HASHES[i] as Buffer)).toBe(true);
    });
  });

  it('computes the published root of every tree size 0 to 8, also as a compact range', () => {
    const range = new CompactRange();
    const asText = new CompactRange();
    expect(range.root().equals(EMPTY_ROOT)).toBe(true);
    for (let size = 0; size <= 8; size++) {
      expect(treeRoot(LEAF_HASHES, size).toString('hex')).toBe(ROOTS[size]?.toString('hex'));
      if (size > 0) {
        range.append(LEAF_HASHES[size - 1] as Buffer);
        expect(range.root().toString('hex')).toBe(ROOTS[size]?.toString('hex'));
        // The same leaf as a binary string (one character per byte) builds the same tree.
        asText.append((LEAF_HASHES[size - 1] as Buffer).toString('latin1'));
        expect(asText.root().toString('hex')).toBe(ROOTS[size]?.toString('hex'));
      }
    }
  });

  it("hashes an event's hex digest as the 32-byte leaf entry, and refuses anything else", () => {
    for (const h of LEAF_HASHES) {
      const digest = h.toString('hex');
      expect(eventLeafHash(digest)?.equals(leafHash(h))).toBe(true);
      expect(eventLeafHash(digest.toUpperCase())?.equals(leafHash(h))).toBe(true);
    }
    const digest = (LEAF_HASHES[1] as Buffer).toString('hex');
    for (const bad of [
      digest.slice(1),
      `${digest}0`,
      `${digest.slice(0, 63)}g`,
      `${digest.slice(0, 20)} ${digest.slice(21)}`,
      `${digest.slice(0, 10)}\u0130${digest.slice(11)}`, // 0x130: its low byte is '0'
      `${digest.slice(0, 62)}\u{1F600}`, // two UTF-16 units: 64 in length
    ]) {
      expect(eventLeafHash(bad)).toBeUndefined();
    }
  });

  it('keeps a leaf from passing for a node (domain separation)', () => {
    const l = LEAF_HASHES[0] as Buffer;
    expect(nodeHash(l, l).equals(leafHash(Buffer.concat([l, l])))).toBe(false);
  });
});

describe('inclusion proofs (reference vectors)', () => {
  for (const v of INCLUSION) {
    it(`vector ${v.name}: our proof equals the published one and verifies`, () => {
      expect(
        inclusionProof(LEAF_HASHES, v.leafIdx, v.treeSize).map((p) => p.toString('base64')),
      ).toEqual(v.proof.map((p) => p.toString('base64')));
      expect(verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, v.proof, v.root)).toBe(true);
    });

    it(`vector ${v.name}: every mutation of the reference testdata is refused`, () => {
      const bad: Array<[string, boolean]> = [
        [
          'wrong leaf',
          verifyInclusion(Buffer.from('WrongLeaf'), v.leafIdx, v.treeSize, v.proof, v.root),
        ],
        [
          'empty root',
          verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, v.proof, Buffer.alloc(0)),
        ],
        ['random root', verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, v.proof, RANDOM_LEAF)],
        [
          'preceding root',
          verifyInclusion(
            v.leafHash,
            v.leafIdx,
            v.treeSize,
            v.proof,
            Buffer.concat([GARBAGE, v.root]),
          ),
        ],
        [
          'trailing root',
          verifyInclusion(
            v.leafHash,
            v.leafIdx,
            v.treeSize,
            v.proof,
            Buffer.concat([v.root, GARBAGE]),
          ),
        ],
        ['leafIdx+1', verifyInclusion(v.leafHash, v.leafIdx + 1, v.treeSize, v.proof, v.root)],
        ['leafIdx-1', verifyInclusion(v.leafHash, v.leafIdx - 1, v.treeSize, v.proof, v.root)],
        ['leafIdx^2', verifyInclusion(v.leafHash, v.leafIdx ^ 2, v.treeSize, v.proof, v.root)],
        ['treeSize*2', verifyInclusion(v.leafHash, v.leafIdx, v.treeSize * 2, v.proof, v.root)],
        [
          'treeSize/2',
          verifyInclusion(v.leafHash, v.leafIdx, Math.floor(v.treeSize / 2), v.proof, v.root),
        ],
        [
          'preceding garbage',
          verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, [Buffer.alloc(0), ...v.proof], v.root),
        ],
        [
          'trailing garbage',
          verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, [...v.proof, Buffer.alloc(0)], v.root),
        ],
        [
          'inserted component',
          verifyInclusion(
            v.leafHash,
            v.leafIdx,
            v.treeSize,
            [...v.proof, Buffer.alloc(32, 1)],
            v.root,
          ),
        ],
      ];
      if (v.proof.length > 0) {
        bad.push([
          'removed component',
          verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, v.proof.slice(0, -1), v.root),
        ]);
        v.proof.forEach((_, i) => {
          const p = v.proof.map((x, j) => (j === i ? flip(x, 3) : x));
          bad.push([
            `modified proof[${i}] bit 3`,
            verifyInclusion(v.leafHash, v.leafIdx, v.treeSize, p, v.root),
          ]);
        });
      }
      expect(bad.filter(([, ok]) => ok).map(([name]) => name)).toEqual([]);
    });
  }

  it('the additional and single-entry cases', () => {
    const single = b64('DTrtAjFI/9KiWfvQzcf7PPl1ZYdg03dbgq9vkKrMLfw=');
    expect(verifyInclusion(single, 0, 1, [], single)).toBe(true); // matching root and leaf
    expect(verifyInclusion(Buffer.alloc(0), 0, 1, [], single)).toBe(false); // empty leaf
    expect(verifyInclusion(single, 0, 1, [], Buffer.alloc(0))).toBe(false); // empty root
    for (const [idx, size] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
    ] as const) {
      expect(verifyInclusion(RANDOM_LEAF, idx, size, [], EMPTY_ROOT)).toBe(false);
      expect(verifyInclusion(Buffer.alloc(0), idx, size, [], EMPTY_ROOT)).toBe(false);
      expect(verifyInclusion(RANDOM_LEAF, idx, size, [], Buffer.alloc(0))).toBe(false);
    }
  });

  it('every leaf of every tree up to 8 proves, and no other leaf passes for it', () => {
    for (let size = 1; size <= 8; size++) {
      for (let i = 0; i < size; i++) {
        const proof = inclusionProof(LEAF_HASHES, i, size);
        const root = ROOTS[size] as Buffer;
        expect(verifyInclusion(LEAF_HASHES[i] as Buffer, i, size, proof, root)).toBe(true);
        expect(verifyInclusion(LEAF_HASHES[(i + 1) % 8] as Buffer, i, size, proof, root)).toBe(
          false,
        );
      }
    }
  });
});

describe('consistency proofs (reference vectors)', () => {
  for (const v of CONSISTENCY) {
    it(`vector ${v.name}: our proof equals the published one and verifies`, () => {
      expect(
        consistencyProof(LEAF_HASHES, v.size1, v.size2).map((p) => p.toString('base64')),
      ).toEqual(v.proof.map((p) => p.toString('base64')));
      expect(verifyConsistency(v.size1, v.size2, v.proof, v.root1, v.root2)).toBe(true);
    });

    it(`vector ${v.name}: every mutation of the reference testdata is refused`, () => {
      const c = (size1: number, size2: number, proof: Buffer[], root1: Buffer, root2: Buffer) =>
        verifyConsistency(size1, size2, proof, root1, root2);
      const bad: Array<[string, boolean]> = [
        ['wrong root1', c(v.size1, v.size2, v.proof, DONT_CARE, v.root2)],
        ['wrong root2', c(v.size1, v.size2, v.proof, v.root1, DONT_CARE)],
        [
          'preceding root1',
          c(v.size1, v.size2, v.proof, Buffer.concat([GARBAGE, v.root1]), v.root2),
        ],
        [
          'preceding root2',
          c(v.size1, v.size2, v.proof, v.root1, Buffer.concat([GARBAGE, v.root2])),
        ],
        [
          'trailing root1',
          c(v.size1, v.size2, v.proof, Buffer.concat([v.root1, GARBAGE]), v.root2),
        ],
        [
          'trailing root2',
          c(v.size1, v.size2, v.proof, v.root1, Buffer.concat([v.root2, GARBAGE])),
        ],
        ['preceding garbage', c(v.size1, v.size2, [GARBAGE, ...v.proof], v.root1, v.root2)],
        ['trailing garbage', c(v.size1, v.size2, [...v.proof, GARBAGE], v.root1, v.root2)],
        ['size1+1', c(v.size1 + 1, v.size2, v.proof, v.root1, v.root2)],
        ['size1-1', c(v.size1 - 1, v.size2, v.proof, v.root1, v.root2)],
        ['size1^2', c(v.size1 ^ 2, v.size2, v.proof, v.root1, v.root2)],
        ['size2*2', c(v.size1, v.size2 * 2, v.proof, v.root1, v.root2)],
        ['size2/2', c(v.size1, Math.floor(v.size2 / 2), v.proof, v.root1, v.root2)],
      ];
      if (v.size1 !== v.size2 || !v.root1.equals(v.root2)) {
        bad.push(['swapped roots', c(v.size1, v.size2, v.proof, v.root2, v.root1)]);
      }
      if (v.proof.length > 0) {
        bad.push(['empty proof', c(v.size1, v.size2, [], v.root1, v.root2)]);
        bad.push(['truncated proof', c(v.size1, v.size2, v.proof.slice(0, -1), v.root1, v.root2)]);
        bad.push([
          'preceding proof[0]',
          c(v.size1, v.size2, [v.proof[0] as Buffer, ...v.proof], v.root1, v.root2),
        ]);
        v.proof.forEach((_, i) => {
          const p = v.proof.map((x, j) => (j === i ? flip(x, 4) : x));
          bad.push([`modified proof[${i}] bit 4`, c(v.size1, v.size2, p, v.root1, v.root2)]);
        });
      }
      expect(bad.filter(([, ok]) => ok).map(([name]) => name)).toEqual([]);
    });
  }

  it('the additional cases of the reference testdata', () => {
    const empty = EMPTY_ROOT;
    const x = b64('ZG9uJ3QgY2FyZSAx');
    const y = DONT_CARE;
    expect(verifyConsistency(0, 1, [empty], empty, empty)).toBe(false);
    expect(verifyConsistency(0, 0, [], empty, y)).toBe(false);
    expect(verifyConsistency(1, 1, [], empty, y)).toBe(false);
    expect(verifyConsistency(2, 1, [], x, y)).toBe(false);
    expect(verifyConsistency(1, 0, [], x, y)).toBe(false);
    expect(verifyConsistency(0, 1, [], x, y)).toBe(false);
    expect(verifyConsistency(0, 1, [], empty, y)).toBe(false);
    expect(verifyConsistency(1, 1, [], y, y)).toBe(true); // sizes equal (one), proof empty
    expect(verifyConsistency(1, 1, [], x, y)).toBe(false);
    expect(verifyConsistency(0, 0, [], x, x)).toBe(false);
    expect(verifyConsistency(0, 0, [], x, y)).toBe(false);
    expect(verifyConsistency(1, 2, [], x, y)).toBe(false);
    expect(verifyConsistency(1, 1, [empty], empty, empty)).toBe(false);
    expect(verifyConsistency(0, 0, [empty], empty, empty)).toBe(false);
  });

  it('every pair of sizes up to 8 is consistent, and a changed leaf breaks it', () => {
    const changed: Buffer[] = [...LEAF_HASHES];
    changed[0] = LEAF_HASHES[1] as Buffer;
    for (let n = 1; n <= 8; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(LEAF_HASHES, m, n);
        expect(verifyConsistency(m, n, proof, ROOTS[m] as Buffer, ROOTS[n] as Buffer)).toBe(true);
        if (m < n) {
          // The log rewrote its first leaf after signing the old head: no proof can link them.
          const forged = consistencyProof(changed, m, n);
          expect(verifyConsistency(m, n, forged, ROOTS[m] as Buffer, treeRoot(changed, n))).toBe(
            false,
          );
        }
      }
    }
  });

  it('a large random tree: proofs verify in O(log n) against the compact range root', () => {
    const leaves = Array.from({ length: 1000 }, (_, i) => leafHash(Buffer.from(String(i))));
    const range = new CompactRange();
    for (const l of leaves) range.append(l);
    const root = range.root();
    expect(root.equals(treeRoot(leaves))).toBe(true);
    const levels = new MerkleLevels(leaves);
    for (const i of [0, 1, 511, 512, 998, 999]) {
      const proof = inclusionProof(leaves, i);
      // The precomputed levels give the same proofs, and the same root at every size.
      expect(inclusionProof(levels, i)).toEqual(proof);
      const smaller = i < 997 ? 997 : 1000;
      expect(inclusionProof(levels, i, smaller)).toEqual(inclusionProof(leaves, i, smaller));
      expect(proof.length).toBeLessThanOrEqual(10);
      expect(verifyInclusion(leaves[i] as Buffer, i, 1000, proof, root)).toBe(true);
    }
    for (const m of [1, 2, 3, 500, 512, 513, 999]) {
      expect(consistencyProof(levels, m)).toEqual(consistencyProof(leaves, m));
      expect(levels.subtree(0, m).equals(treeRoot(leaves, m))).toBe(true);
      expect(
        verifyConsistency(m, 1000, consistencyProof(leaves, m), treeRoot(leaves, m), root),
      ).toBe(true);
    }
  });
});
