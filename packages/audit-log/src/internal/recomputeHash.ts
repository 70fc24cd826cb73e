import { hashEvent, isBatchIntegrity, type SealedEvent } from './chain';
import { hashBatchEvent } from './sealBatch';

/**
 * The hash a stored event should carry, recomputed for its format: format 1 over the event with
 * its seq and prevHash, format 2 over the event with `{ format: 2 }`. Throws when JSON cannot
 * carry the event.
 */
export function recomputeHash(event: SealedEvent): string {
  const integrity = event.integrity;
  return isBatchIntegrity(integrity)
    ? hashBatchEvent(event)
    : hashEvent(event, integrity.seq, integrity.prevHash);
}
