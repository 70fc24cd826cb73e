import { AuditLogError } from '../errors';
import type { SealedEvent } from '../internal/chain';
import { eventLeafHash } from '../merkle/hash';
import { readCheckpointUnverified, type SignedCheckpoint } from '../note/checkpointNote';
import type { AuditStore } from '../store';
import { isNoteCheckpoint } from '../verifyTrust';

/** Every leaf hash of a store's tree, in order, and (when asked) the event with id `find`. */
export async function readLeaves(
  store: AuditStore,
  find?: string,
): Promise<{ leaves: Buffer[]; found?: SealedEvent }> {
  const leaves: Buffer[] = [];
  let found: SealedEvent | undefined;
  for await (const e of store.read()) {
    const seq = e?.integrity?.seq;
    const leaf =
      typeof e?.integrity?.hash === 'string' ? eventLeafHash(e.integrity.hash) : undefined;
    if (seq !== leaves.length + 1 || !leaf) {
      throw new AuditLogError(
        'STORE_CORRUPT',
        `the log is broken at entry ${leaves.length + 1}; run city-audit verify`,
      );
    }
    leaves.push(leaf);
    if (find !== undefined && e.id === find) found = e;
  }
  return found ? { leaves, found } : { leaves };
}

/** The note of a checkpoint given as text or object, with what it says (unverified). */
export function checkpointOf(cp: string | SignedCheckpoint): SignedCheckpoint {
  const note = typeof cp === 'string' ? cp : cp.note;
  return { ...readCheckpointUnverified(note), note };
}

/**
 * The store's checkpoint notes of at least `minSize`, newest first (unverified: whoever can
 * write the store can write a checkpoint row, so the caller checks each against the tree, and
 * the recipient checks the signature).
 */
export async function storedCheckpointsFrom(
  store: AuditStore,
  minSize: number,
): Promise<SignedCheckpoint[]> {
  const found: SignedCheckpoint[] = [];
  for (const cp of await store.checkpoints()) {
    if (!isNoteCheckpoint(cp)) continue;
    try {
      const read = checkpointOf(cp.note);
      if (read.size >= minSize) found.push(read);
    } catch {
      // a malformed note is not a checkpoint
    }
  }
  return found.sort((a, b) => b.size - a.size);
}
