import * as nodeCrypto from 'node:crypto';
import { canonicalize, canonicalizeWith } from './canonical';
import type { AuditEvent } from './schemas';

// crypto.hash (Node 20.12+) is a one-shot digest without a Hash object; fall back elsewhere.
const oneShot = (nodeCrypto as { hash?: (alg: string, data: string, enc: 'hex') => string }).hash;
export const sha256hex: (text: string) => string = oneShot
  ? (text) => oneShot('sha256', text, 'hex')
  : (text) => nodeCrypto.createHash('sha256').update(text).digest('hex');

/** The `prevHash` of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** An event as the log hands it to a store: id and time assigned, not yet in the chain. */
export type UnsealedEvent = Omit<AuditEvent, 'integrity'>;

/** A stored event: always has its integrity block. */
export type SealedEvent = AuditEvent & { integrity: NonNullable<AuditEvent['integrity']> };

/** Where a chain ends: the last sequence number and its hash (seq 0 and GENESIS when empty). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event with `integrity: { seq, prevHash }`
 * (the hash itself left out), so the hash covers every field, the position and the
 * predecessor.
 */
export function hashEvent(
  event: UnsealedEvent | AuditEvent,
  seq: number,
  prevHash: string,
): string {
  return sha256hex(
    canonicalizeWith(event as Record<string, unknown>, 'integrity', { seq, prevHash }),
  );
}

/** Chains `events` after `head`; returns the sealed events and the new head. */
export function sealEvents(
  events: readonly UnsealedEvent[],
  head: ChainHead,
): { sealed: SealedEvent[]; head: ChainHead } {
  let { seq, hash } = head;
  const sealed: SealedEvent[] = [];
  for (const event of events) {
    seq += 1;
    const next = hashEvent(event, seq, hash);
    sealed.push({ ...event, integrity: { seq, prevHash: hash, hash: next } });
    hash = next;
  }
  return { sealed, head: { seq, hash } };
}

/** The canonical line a file store writes for a sealed event (no newline). */
export function serializeEvent(event: SealedEvent): string {
  return canonicalize(event);
}
