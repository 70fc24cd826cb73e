// A consistency proof between two checkpoints of one log: that the newer tree extends the older
// one, so nothing the older checkpoint covered was changed, dropped or reordered since.
import { AuditLogError } from '../errors';
import { consistencyProof, MerkleLevels } from '../merkle/tree';
import { verifyConsistency } from '../merkle/verify';
import { openCheckpoint, type SignedCheckpoint } from '../note/checkpointNote';
import { type TrustedKey, toVerifier } from '../note/signedNote';
import type { AuditStore } from '../store';
import { checkpointOf, readLeaves } from './readLeaves';

/** Two checkpoints and the RFC 9162 proof that the second extends the first. */
export interface ConsistencyProof {
  /** The older signed checkpoint note. */
  from: string;
  /** The newer signed checkpoint note. */
  to: string;
  /** base64 SHA-256 hashes. */
  proof: string[];
}

/**
 * Builds the consistency proof between two checkpoints of the store's log. Reads the log once.
 *
 * @throws AuditLogError `INVALID_CHECKPOINT` for sizes out of order, `STORE_CORRUPT` when the
 *   store's tree does not match a checkpoint.
 */
export async function proveConsistency(
  store: AuditStore,
  from: string | SignedCheckpoint,
  to: string | SignedCheckpoint,
): Promise<ConsistencyProof> {
  const a = checkpointOf(from);
  const b = checkpointOf(to);
  if (a.size > b.size) {
    throw new AuditLogError(
      'INVALID_CHECKPOINT',
      `the first checkpoint (${a.size}) is newer than the second (${b.size})`,
    );
  }
  const { leaves } = await readLeaves(store);
  const levels = new MerkleLevels(leaves);
  for (const cp of [a, b]) {
    if (cp.size > leaves.length || levels.subtree(0, cp.size).toString('base64') !== cp.rootHash) {
      throw new AuditLogError(
        'STORE_CORRUPT',
        `the log's tree at ${cp.size} differs from the checkpoint`,
      );
    }
  }
  return {
    from: a.note,
    to: b.note,
    proof: consistencyProof(levels, a.size, b.size).map((h) => h.toString('base64')),
  };
}

/**
 * Checks a {@link ConsistencyProof} with nothing but trusted keys: both signatures, one origin,
 * and the proof, in O(log n). Never throws for bad input.
 */
export function verifyConsistencyProof(
  bundle: ConsistencyProof,
  options: { keys: readonly TrustedKey[]; origin?: string },
): { ok: true; from: SignedCheckpoint; to: SignedCheckpoint } | { ok: false; reason: string } {
  try {
    const verifiers = options.keys.map(toVerifier);
    const a = openCheckpoint(bundle.from, verifiers, options.origin);
    const b = openCheckpoint(bundle.to, verifiers, options.origin ?? a.origin);
    const proof = Array.isArray(bundle.proof)
      ? bundle.proof.map((p) => Buffer.from(String(p), 'base64'))
      : [];
    const ok = verifyConsistency(
      a.size,
      b.size,
      proof,
      Buffer.from(a.rootHash, 'base64'),
      Buffer.from(b.rootHash, 'base64'),
    );
    return ok
      ? { ok: true, from: a, to: b }
      : { ok: false, reason: 'the newer tree does not extend the older one' };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
