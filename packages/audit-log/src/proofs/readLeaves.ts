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

/** The store's newest checkpoint note of at least `minSize` (unverified: the recipient verifies). */
export async function newestStoredCheckpoint(
  store: AuditStore,
  minSize: number,
): Promise<SignedCheckpoint | undefined> {
  let best: SignedCheckpoint | undefined;
  for (const cp of await store.checkpoints()) {
    if (!isNoteCheckpoint(cp)) continue;
    try {
      const read = checkpointOf(cp.note);
      if (read.size >= minSize && (!best || read.size > best.size)) best = read;
    } catch {
      // a malformed note is not a checkpoint
    }
  }
  return best;
}
