// An inclusion proof for one event that its holder can check alone: the event as stored, its
// leaf index, the RFC 9162 audit path, and the signed checkpoint (C2SP note) of a tree that
// contains it. Checking needs only the log's public key (or verifier key).
import { AuditLogError } from '../errors';
import type { SealedEvent } from '../internal/chain';
import { recomputeHash } from '../internal/recomputeHash';
import { eventLeafHash } from '../merkle/hash';
import { inclusionProof, MerkleLevels } from '../merkle/tree';
import { verifyInclusion } from '../merkle/verify';
import { openCheckpoint, type SignedCheckpoint } from '../note/checkpointNote';
import { type TrustedKey, toVerifier } from '../note/signedNote';
import type { AuditStore } from '../store';
import { checkpointOf, readLeaves, storedCheckpointsFrom } from './readLeaves';

/** Everything a recipient needs to check that an event is in the log. */
export interface EventProof {
  /** The event as stored (with its integrity block). */
  event: SealedEvent;
  /** The event's leaf index (its seq minus one). */
  leafIndex: number;
  /** The size of the tree the proof is for (the checkpoint's size). */
  treeSize: number;
  /** The RFC 9162 inclusion proof: base64 SHA-256 hashes, leaf side first. */
  proof: string[];
  /** The signed checkpoint note of that tree. */
  checkpoint: string;
}

/**
 * Builds the inclusion proof of event `eventId` against `checkpoint` (default: the newest
 * checkpoint the store keeps that covers the event and matches the log's tree, signed by one of
 * `keys` when they are given). Reads the whole log once.
 *
 * A stored checkpoint is a row or line whoever writes the store can add, so one that does not
 * match the tree (or, with `keys`, is not signed by them) is passed over, not served.
 *
 * @throws AuditLogError `INVALID_CHECKPOINT` when no checkpoint covers the event yet (sign one
 *   with `log.checkpoint()`), `STORE_CORRUPT` when the store does not match the checkpoint given,
 *   or matches none of the stored ones that cover the event.
 */
export async function proveEvent(
  store: AuditStore,
  eventId: string,
  options: { checkpoint?: string | SignedCheckpoint; keys?: readonly TrustedKey[] } = {},
): Promise<EventProof> {
  const { leaves, found } = await readLeaves(store, eventId);
  if (!found) throw new AuditLogError('INVALID_SOURCE', `no event ${eventId} in this log`);
  const seq = found.integrity.seq;
  const levels = new MerkleLevels(leaves);
  const matches = (cp: SignedCheckpoint) =>
    cp.size <= leaves.length && levels.subtree(0, cp.size).toString('base64') === cp.rootHash;
  let cp: SignedCheckpoint | undefined;
  if (options.checkpoint) {
    cp = checkpointOf(options.checkpoint);
    if (cp.size >= seq && !matches(cp)) {
      throw new AuditLogError(
        'STORE_CORRUPT',
        cp.size > leaves.length
          ? `the checkpoint covers ${cp.size} events, the log has ${leaves.length}`
          : `the log's tree at ${cp.size} differs from the checkpoint`,
      );
    }
  } else {
    const verifiers = options.keys?.map(toVerifier);
    const signed = (c: SignedCheckpoint) => {
      if (!verifiers) return true;
      try {
        openCheckpoint(c.note, verifiers);
        return true;
      } catch {
        return false;
      }
    };
    const stored = await storedCheckpointsFrom(store, seq);
    cp = stored.find((c) => matches(c) && signed(c));
    if (!cp && stored.length > 0) {
      throw new AuditLogError(
        'STORE_CORRUPT',
        `none of the ${stored.length} stored checkpoint(s) covering event ${seq} matches the log's tree${verifiers ? ' and is signed by a given key' : ''}; run city-audit verify`,
      );
    }
  }
  if (!cp || cp.size < seq) {
    throw new AuditLogError(
      'INVALID_CHECKPOINT',
      `no checkpoint covers event ${seq} yet; sign one (log.checkpoint()) and try again`,
    );
  }
  return {
    event: found,
    leafIndex: seq - 1,
    treeSize: cp.size,
    proof: inclusionProof(levels, seq - 1, cp.size).map((h) => h.toString('base64')),
    checkpoint: cp.note,
  };
}

/** What {@link verifyEventProof} found. */
export type EventProofResult =
  | { ok: true; checkpoint: SignedCheckpoint }
  | { ok: false; reason: string };

/**
 * Checks an {@link EventProof} with nothing but trusted keys: the checkpoint's signature and
 * origin, the event's hash over its canonical JSON, and the inclusion proof up to the signed
 * root, in O(log n). Never throws for bad input.
 *
 * @example
 * ```ts
 * const r = verifyEventProof(receipt.proof, { keys: ['boston.gov/audit/case-desk+1a2b3c4d+AX…'] });
 * if (!r.ok) throw new Error(r.reason);
 * ```
 */
export function verifyEventProof(
  bundle: EventProof,
  options: { keys: readonly TrustedKey[]; origin?: string },
): EventProofResult {
  try {
    const cp = openCheckpoint(bundle.checkpoint, options.keys.map(toVerifier), options.origin);
    const e = bundle.event;
    const seq = e?.integrity?.seq;
    if (!Number.isSafeInteger(seq) || bundle.leafIndex !== seq - 1) {
      return { ok: false, reason: 'the leaf index is not the event position' };
    }
    if (bundle.treeSize !== cp.size)
      return { ok: false, reason: 'the proof is for another tree size' };
    if (recomputeHash(e) !== e.integrity.hash) {
      return { ok: false, reason: 'the event does not match its hash (modified)' };
    }
    const leaf = eventLeafHash(e.integrity.hash);
    const proof = Array.isArray(bundle.proof)
      ? bundle.proof.map((p) => Buffer.from(String(p), 'base64'))
      : [];
    const root = Buffer.from(cp.rootHash, 'base64');
    if (!leaf || !verifyInclusion(leaf, bundle.leafIndex, cp.size, proof, root)) {
      return { ok: false, reason: 'the inclusion proof does not lead to the signed root' };
    }
    return { ok: true, checkpoint: cp };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
