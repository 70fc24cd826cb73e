// The inclusion proof of a share receipt: after `share()`, the provider signs a checkpoint that
// covers the `share.export` event and hands the recipient this proof with the manifest. The
// recipient checks it alone, with the log's verifier key, and can later show that the share was
// recorded in the City's log, whatever happens to the log afterwards.
import type { AuditLog } from './createAuditLog';
import { AuditLogError } from './errors';
import type { ShareManifest } from './internal/share/manifest';
import type { TrustedKey } from './note/signedNote';
import {
  type EventProof,
  type EventProofResult,
  proveEvent,
  verifyEventProof,
} from './proofs/eventProof';

/**
 * Signs a checkpoint covering the receipt's audit event (when none does yet) and returns the
 * event's inclusion proof, to give the recipient with the manifest.
 *
 * @example
 * ```ts
 * const { records, manifest } = await share(rows, options);
 * const proof = await proveReceipt(log, manifest);
 * send(recipient, { records, manifest, proof });
 * ```
 */
export async function proveReceipt(log: AuditLog, manifest: ShareManifest): Promise<EventProof> {
  if (!manifest?.audit?.eventId) {
    throw new AuditLogError('INVALID_SOURCE', 'proveReceipt: the manifest names no audit event');
  }
  await log.flush();
  if ((log.lastCheckpoint?.size ?? 0) < manifest.audit.seq) await log.checkpoint();
  // The checkpoint this log signed itself, not whichever row the store holds (a writer of the
  // store could add one the recipient would refuse).
  const own = log.lastCheckpoint;
  return proveEvent(
    log.store,
    manifest.audit.eventId,
    own && own.size >= manifest.audit.seq ? { checkpoint: own } : {},
  );
}

/**
 * The recipient's check: the proof is for the manifest's audit event (same id, seq and hash),
 * that event records this share (same content hash), and it is in the log under a checkpoint
 * signed by a trusted key.
 */
export function verifyReceipt(
  manifest: ShareManifest,
  proof: EventProof,
  options: { keys: readonly TrustedKey[]; origin?: string },
): EventProofResult {
  const e = proof?.event;
  if (
    !e ||
    e.id !== manifest.audit.eventId ||
    e.integrity?.seq !== manifest.audit.seq ||
    e.integrity?.hash !== manifest.audit.hash
  ) {
    return { ok: false, reason: 'the proof is for another audit event than the receipt' };
  }
  const details = (e.details ?? {}) as { contentHash?: unknown };
  if (details.contentHash !== undefined && details.contentHash !== manifest.contentHash) {
    return { ok: false, reason: 'the audit event records other content than the receipt' };
  }
  return verifyEventProof(proof, options);
}
