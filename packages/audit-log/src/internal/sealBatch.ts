// Format 2: events sealed without a position, so several writers can seal and insert their
// batches at once and take the chain head only to learn where their batch goes.
import { FORMAT2_INTEGRITY, withFormat2Bytes } from './canonicalBytes';
import {
  adoptSealed,
  type BatchIntegrity,
  cutOf,
  type EncodedCut,
  type SealedEvent,
  sha256bytes,
  type UnsealedEvent,
} from './chain';

/**
 * The format-2 hash of an event: SHA-256 over the RFC 8785 canonical JSON of the event with
 * `integrity: { "format": 2 }` (whatever its integrity block holds is left out). A format-1
 * hash covers `integrity: { prevHash, seq }` instead, so the two can never be taken for each
 * other.
 */
export function hashBatchEvent(event: UnsealedEvent | SealedEvent): string {
  return withFormat2Bytes(event as Record<string, unknown>, sha256bytes);
}

/** What {@link sealBatch} returns. */
export interface SealedBatch {
  /**
   * The events with `integrity: { format: 2, hash, seq: 0 }`: the store sets `seq` once it
   * has placed the batch.
   */
  sealed: SealedEvent[];
  /**
   * Every event's stored record (its canonical JSON with `integrity: { format, hash }`, no
   * seq) followed by `\n`.
   */
  bytes: Buffer;
}

/** `,"hash":"<64 hex digits>"`, slotted in after `"format":2`. */
const HASH_OPEN = Buffer.from(',"hash":"', 'latin1');
const HASH_MEMBER = HASH_OPEN.length + 64 + 1;

/**
 * Seals `events` in format 2: hashes each one over its canonical bytes (prepared once when the
 * log recorded it) and writes its record into one buffer, as `sealEvents` does for format 1.
 */
export function sealBatch(events: readonly UnsealedEvent[]): SealedBatch {
  const n = events.length;
  const cuts: EncodedCut[] = new Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const cut = cutOf(events[i] as UnsealedEvent);
    cuts[i] = cut;
    total += cut.end - cut.start + FORMAT2_INTEGRITY.length + HASH_MEMBER + 1;
  }
  const out = Buffer.allocUnsafe(total);
  const sealed: SealedEvent[] = new Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const cut = cuts[i] as EncodedCut;
    const start = pos;
    out.set(cut.buf.subarray(cut.start, cut.mid), pos);
    pos += cut.mid - cut.start;
    out.set(FORMAT2_INTEGRITY, pos);
    pos += FORMAT2_INTEGRITY.length;
    const gap = pos - 1; // the integrity block's closing brace
    out.set(cut.buf.subarray(cut.mid, cut.end), pos);
    pos += cut.end - cut.mid;
    // The hash covers the event with integrity { format: 2 }: exactly these bytes.
    const hash = sha256bytes(out.subarray(start, pos));
    out.copyWithin(gap + HASH_MEMBER, gap, pos);
    out.set(HASH_OPEN, gap);
    out.write(hash, gap + HASH_OPEN.length, 64, 'latin1');
    out[gap + HASH_MEMBER - 1] = 0x22; // "
    pos += HASH_MEMBER;
    out[pos++] = 10;
    const integrity: BatchIntegrity = { format: 2, hash, seq: 0 };
    sealed[i] = adoptSealed(events[i] as UnsealedEvent, integrity);
  }
  return { sealed, bytes: out.subarray(0, pos) };
}
