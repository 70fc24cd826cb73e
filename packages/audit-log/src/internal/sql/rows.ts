// How a row of audit_events becomes the event a reader gets back.
import type { SealedEvent } from '../chain';

/** The stored record parsed; a record that is not JSON comes back as a malformed entry. */
export function parseRecord(text: string): SealedEvent {
  try {
    return JSON.parse(text) as SealedEvent;
  } catch {
    return { malformed: text.slice(0, 80) } as unknown as SealedEvent;
  }
}

/**
 * The event of a row with its position. A format-1 record carries its own seq (which the hash
 * covers); a format-2 record has none, so the seq the store assigned is added to its integrity
 * block (the hash does not cover it: the Merkle tree and its checkpoints fix the order).
 */
export function placeRecord(text: string, seq: number | null): SealedEvent {
  const event = parseRecord(text);
  const integrity = (event as { integrity?: unknown }).integrity as { format?: unknown } | null;
  if (seq !== null && typeof integrity === 'object' && integrity?.format === 2) {
    (integrity as { seq: number }).seq = seq;
  }
  return event;
}

/** A bigint column as pg or PGlite returns it, as a number (null stays null). */
export function seqOf(value: string | number | bigint | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
