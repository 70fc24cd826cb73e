import * as nodeCrypto from 'node:crypto';
import {
  type CanonicalMembers,
  canonicalize,
  canonicalizeWith,
  canonicalMembers,
  joinMembers,
} from './canonical';
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

// The log canonicalizes each event once, when it is recorded, and keeps the members here (not
// enumerable, so never copied or stored); sealing then only splices the integrity block in.
const MEMBERS = Symbol('city-audit.canonical-members');
const LINE = Symbol('city-audit.canonical-line');

/** Canonicalizes an unsealed event once (throws when JSON cannot carry it) and remembers it. */
export function precanonicalize(event: UnsealedEvent): void {
  const members = canonicalMembers(event as Record<string, unknown>);
  Object.defineProperty(event, MEMBERS, { value: members, enumerable: false });
}

function membersOf(event: UnsealedEvent): CanonicalMembers | undefined {
  return (event as { [MEMBERS]?: CanonicalMembers })[MEMBERS];
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
    const members = membersOf(event);
    let next: string;
    let line: string | undefined;
    if (members) {
      next = sha256hex(joinMembers(members, 'integrity', `{"prevHash":"${hash}","seq":${seq}}`));
      line = joinMembers(
        members,
        'integrity',
        `{"hash":"${next}","prevHash":"${hash}","seq":${seq}}`,
      );
    } else {
      next = hashEvent(event, seq, hash);
    }
    const out = { ...event, integrity: { seq, prevHash: hash, hash: next } } as SealedEvent;
    if (line !== undefined) Object.defineProperty(out, LINE, { value: line, enumerable: false });
    sealed.push(out);
    hash = next;
  }
  return { sealed, head: { seq, hash } };
}

/** The canonical line a file store writes for a sealed event (no newline). */
export function serializeEvent(event: SealedEvent): string {
  return (event as { [LINE]?: string })[LINE] ?? canonicalize(event);
}
