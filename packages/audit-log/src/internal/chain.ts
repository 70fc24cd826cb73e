import * as nodeCrypto from 'node:crypto';
import { canonicalize } from './canonical';
import { type ByteCut, encodeEventCut, withHashedBytes } from './canonicalBytes';
import type { AuditEvent } from './schemas';

// crypto.hash (Node 20.12+) is a one-shot digest without a Hash object; fall back elsewhere.
const oneShot = (
  nodeCrypto as { hash?: (alg: string, data: string | Uint8Array, enc: 'hex') => string }
).hash;
export const sha256hex: (text: string) => string = oneShot
  ? (text) => oneShot('sha256', text, 'hex')
  : (text) => nodeCrypto.createHash('sha256').update(text).digest('hex');
export const sha256bytes: (bytes: Uint8Array) => string = oneShot
  ? (bytes) => oneShot('sha256', bytes, 'hex')
  : (bytes) => nodeCrypto.createHash('sha256').update(bytes).digest('hex');

/** The `prevHash` of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** An event as the log hands it to a store: id and time assigned, not yet in the chain. */
export type UnsealedEvent = Omit<AuditEvent, 'integrity'>;

/**
 * Format 1 (the file and memory stores, and SQL logs written before format 2): the hash covers
 * the event, its `seq` and its predecessor's hash, so the events form a hash chain.
 */
export interface ChainIntegrity {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Format 2 (the SQL stores): the hash covers the event and `{ "format": 2 }`, nothing
 * positional, so a writer seals its batch before it knows where the batch goes. `seq` is the
 * position the store assigned (leaf index + 1); the Merkle tree and its signed checkpoints fix
 * the order, not the hash.
 */
export interface BatchIntegrity {
  format: 2;
  seq: number;
  hash: string;
}

/** The integrity block of a stored event, in either format. */
export type EventIntegrity = ChainIntegrity | BatchIntegrity;

/** A stored event: always has its integrity block. */
export type SealedEvent = Omit<AuditEvent, 'integrity'> & { integrity: EventIntegrity };

/** A format-1 event (what `sealEvents` makes). */
export type ChainedEvent = Omit<AuditEvent, 'integrity'> & { integrity: ChainIntegrity };

/**
 * An audit event as the shared schema describes it (format 1, or none yet), or as a store returns
 * it (either format): what `verify`, `toOcsf` and `toOtelLogRecord` accept.
 */
export type AnyAuditEvent = AuditEvent | SealedEvent;

/**
 * True for a format-2 integrity block (the SQL stores: no hash chain, the position given by the
 * store).
 *
 * @example
 * ```ts
 * const expected = isBatchIntegrity(e.integrity)
 *   ? hashBatchEvent(e)
 *   : hashEvent(e, e.integrity.seq, e.integrity.prevHash);
 * ```
 */
export function isBatchIntegrity(integrity: EventIntegrity): integrity is BatchIntegrity {
  return (integrity as { format?: unknown }).format === 2;
}

/** Where a chain ends: the last sequence number and its hash (seq 0 and GENESIS when empty). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/**
 * The format-1 hash: SHA-256 over the RFC 8785 canonical JSON of the event with
 * `integrity: { seq, prevHash }` (the hash itself left out), so the hash covers every field, the
 * position and the predecessor. Format-2 events (the SQL stores) use `hashBatchEvent`.
 */
export function hashEvent(
  event: UnsealedEvent | AuditEvent,
  seq: number,
  prevHash: string,
): string {
  return withHashedBytes(event as Record<string, unknown>, seq, prevHash, sha256bytes);
}

// The log canonicalizes each event once, when it is recorded, and keeps the text cut around
// `integrity` here (not enumerable, so never copied or stored). Sealing writes each event's
// canonical line straight into one buffer per batch: the bytes of the text without the hash
// member are hashed in place, then the hash member is slotted in. Nothing is serialized twice
// and no line is built as a string unless a store asks for one.
const HEX64 = /^[0-9a-f]{64}$/;
const CUT = Symbol('city-audit.canonical-cut');
const INTEGRITY_OPEN = Buffer.from('"integrity":{', 'latin1');
const HASH_OPEN = Buffer.from('"hash":"', 'latin1');
const PREV_OPEN = Buffer.from('"prevHash":"', 'latin1');
const SEQ_OPEN = Buffer.from(',"seq":', 'latin1');
/** The length of `"hash":"<64 hex digits>",`. */
const HASH_MEMBER = HASH_OPEN.length + 64 + 2;

/** The canonical text of an event around `integrity`, as UTF-8. */
export interface EncodedCut extends ByteCut {
  /** The id was minted by the log for this event and no store has taken it yet. */
  minted: boolean;
}

function encode(event: Record<string, unknown>, minted: boolean): EncodedCut {
  const cut = encodeEventCut(event) as EncodedCut;
  cut.minted = minted;
  return cut;
}

/**
 * Canonicalizes an unsealed event once, as UTF-8 bytes (throws when JSON cannot carry it), and
 * remembers them for sealing. `minted` says the log generated the event's id just now (no
 * caller has seen it, so no store can hold it yet).
 */
export function precanonicalize(event: UnsealedEvent, minted = false): void {
  Object.defineProperty(event, CUT, { value: encode(event as Record<string, unknown>, minted) });
}

/**
 * True when the log minted `event`'s id in this process and no store has stored the event: no
 * store can hold that id yet, so an idempotency lookup for it is bound to miss and can be
 * skipped. A store calls {@link markStored} once the event is durable; anything else (an event
 * the log did not prepare, an id the caller gave) is false.
 */
export function isMinted(event: UnsealedEvent): boolean {
  return (event as { [CUT]?: EncodedCut })[CUT]?.minted === true;
}

/** The length in bytes of a prepared event's canonical JSON (without integrity); 0 if unprepared. */
export function canonicalSize(event: UnsealedEvent): number {
  const cut = (event as { [CUT]?: EncodedCut })[CUT];
  return cut ? cut.end - cut.start : 0;
}

/** Records that `event` is stored, so {@link isMinted} is false for it from now on. */
export function markStored(event: UnsealedEvent): void {
  const cut = (event as { [CUT]?: EncodedCut })[CUT];
  if (cut) cut.minted = false;
}

/** What a sealed event's cut holds instead of its bytes (they live in the batch's buffer). */
export const NO_BYTES = Buffer.alloc(0);

/** The event's cut while it is live (prepared by the log and not sealed yet), else undefined. */
export function liveCut(event: UnsealedEvent): EncodedCut | undefined {
  const cut = (event as { [CUT]?: EncodedCut })[CUT];
  return cut !== undefined && cut.buf !== NO_BYTES ? cut : undefined;
}

/** The canonical cut of `event`: the one the log prepared, or a fresh one (integrity left out). */
export function cutOf(event: UnsealedEvent): EncodedCut {
  const cut = liveCut(event);
  if (cut) return cut;
  // An event this log did not prepare, or sealed before (a batch handed over again after a
  // failure): canonicalize it now, without any integrity it carries.
  const { integrity: _ignored, ...rest } = event as AuditEvent;
  return encode(rest as Record<string, unknown>, isMinted(event));
}

/**
 * The sealed event for `event` with `integrity`, once its canonical bytes are in a batch's
 * buffer: the log's own object (validation made it) is sealed in place rather than copied, and
 * its bytes are let go (the event may be kept long after); any other object is copied.
 */
export function adoptSealed<I extends EventIntegrity>(
  event: UnsealedEvent,
  integrity: I,
): UnsealedEvent & { integrity: I } {
  const own = liveCut(event);
  if (!own) return { ...event, integrity };
  const adopted = event as UnsealedEvent & { integrity: I };
  adopted.integrity = integrity;
  own.buf = NO_BYTES;
  return adopted;
}

/** What {@link sealEvents} returns. */
export interface Sealed {
  sealed: ChainedEvent[];
  /** The new head of the chain. */
  head: ChainHead;
  /** Every sealed event's canonical line (RFC 8785) followed by `\n`: what a file store writes. */
  bytes: Buffer;
  /** The canonical text of the `i`th sealed event, without the newline. */
  line(i: number): string;
}

/** Chains `events` after `head`: the sealed events, their canonical lines and the new head. */
export function sealEvents(events: readonly UnsealedEvent[], head: ChainHead): Sealed {
  let { seq, hash } = head;
  const n = events.length;
  const cuts: EncodedCut[] = new Array(n);
  // The integrity block is under 200 bytes with an ordinary head; the growth check below covers
  // an extraordinary one.
  let total = 0;
  for (let i = 0; i < n; i++) {
    const cut = cutOf(events[i] as UnsealedEvent);
    cuts[i] = cut;
    total += cut.end - cut.start + 200;
  }
  // The head comes from storage; an ordinary one is a hex digest, anything else is quoted as JSON.
  const hexHead = HEX64.test(hash);
  const headText = hexHead ? '' : canonicalize(hash);
  let out = Buffer.allocUnsafe(total + 3 * headText.length + 400);
  let pos = 0;
  const starts: number[] = new Array(n + 1);
  const sealed: ChainedEvent[] = new Array(n);
  /** Where the previous event's hash digits are in `out` (-1 for the head's). */
  let prevAt = -1;
  for (let i = 0; i < n; i++) {
    const cut = cuts[i] as EncodedCut;
    seq += 1;
    const need = cut.end - cut.start + 3 * headText.length + 300;
    if (pos + need > out.length) {
      const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, pos + need));
      out.copy(bigger, 0, 0, pos);
      out = bigger;
    }
    const start = pos;
    starts[i] = start;
    out.set(cut.buf.subarray(cut.start, cut.mid), pos);
    pos += cut.mid - cut.start;
    out.set(INTEGRITY_OPEN, pos);
    pos += INTEGRITY_OPEN.length;
    const gap = pos;
    // "prevHash":"<previous hash>","seq":<seq>}
    out.set(PREV_OPEN, pos);
    pos += PREV_OPEN.length;
    if (prevAt >= 0) {
      out.copyWithin(pos, prevAt, prevAt + 64);
      pos += 64;
      out[pos++] = 0x22;
    } else if (hexHead) {
      pos += out.write(hash, pos, 64, 'latin1');
      out[pos++] = 0x22;
    } else {
      pos -= 1; // the opening quote is part of the JSON text
      pos += out.write(headText, pos, 'utf8');
    }
    out.set(SEQ_OPEN, pos);
    pos += SEQ_OPEN.length;
    pos += out.write(String(seq), pos, 'latin1');
    out[pos++] = 0x7d;
    out.set(cut.buf.subarray(cut.mid, cut.end), pos);
    pos += cut.end - cut.mid;
    // The hash covers the event with integrity { prevHash, seq }: exactly these bytes.
    const next = sha256bytes(out.subarray(start, pos));
    // Make room for `"hash":"<64 hex digits>",` and write it in (copyWithin: one memmove).
    out.copyWithin(gap + HASH_MEMBER, gap, pos);
    out.set(HASH_OPEN, gap);
    out.write(next, gap + HASH_OPEN.length, 64, 'latin1');
    out[gap + HASH_MEMBER - 2] = 0x22; // "
    out[gap + HASH_MEMBER - 1] = 0x2c; // ,
    prevAt = gap + HASH_OPEN.length;
    pos += HASH_MEMBER;
    out[pos++] = 10;
    sealed[i] = adoptSealed(events[i] as UnsealedEvent, { seq, prevHash: hash, hash: next });
    hash = next;
  }
  starts[n] = pos;
  const bytes = out.subarray(0, pos);
  return {
    sealed,
    head: { seq, hash },
    bytes,
    line: (i) => bytes.toString('utf8', starts[i], (starts[i + 1] as number) - 1),
  };
}
