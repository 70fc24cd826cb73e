import { scanEventLine } from './canonicalLine';
import { hashEvent, sha256hex } from './chain';

/** What one stored JSONL line is: a sealed event that matches its own hash, or why it is not. */
export type StoredLine =
  | { ok: true; seq: number; prevHash: string; hash: string }
  | { ok: false; problem: string };

/**
 * Checks one complete line of a JSONL store on its own: it parses, has an integrity block, and
 * its content matches its hash (the same checks `verify` makes, without the link to the
 * previous line). Used where a writer must not build on a line it cannot trust.
 */
export function checkStoredLine(line: string): StoredLine {
  const scan = scanEventLine(line);
  if (scan) {
    const actual = sha256hex(line.slice(0, scan.hashMemberStart) + line.slice(scan.hashMemberEnd));
    const hash = line.slice(scan.hashStart, scan.hashEnd);
    if (actual !== hash) return { ok: false, problem: 'it does not match its hash' };
    return { ok: true, seq: scan.seq, prevHash: line.slice(scan.prevStart, scan.prevEnd), hash };
  }
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'it is not JSON' };
  }
  const integrity = (event as { integrity?: unknown } | null)?.integrity as
    | { seq?: unknown; prevHash?: unknown; hash?: unknown }
    | undefined;
  if (
    typeof integrity !== 'object' ||
    integrity === null ||
    !Number.isSafeInteger(integrity.seq) ||
    typeof integrity.prevHash !== 'string' ||
    typeof integrity.hash !== 'string'
  ) {
    return { ok: false, problem: 'it is not an audit event with an integrity block' };
  }
  const { seq, prevHash, hash } = integrity as { seq: number; prevHash: string; hash: string };
  let actual: string;
  try {
    actual = hashEvent(event as Parameters<typeof hashEvent>[0], seq, prevHash);
  } catch {
    return { ok: false, problem: 'it cannot be canonicalized' };
  }
  if (actual !== hash) return { ok: false, problem: 'it does not match its hash' };
  return { ok: true, seq, prevHash, hash };
}

/** True when a line at least looks like an event (a JSON object with an integrity member). */
export function looksLikeEvent(line: string): boolean {
  if (scanEventLine(line)) return true;
  try {
    const v = JSON.parse(line) as { integrity?: unknown } | null;
    return typeof v === 'object' && v !== null && typeof v.integrity === 'object';
  } catch {
    return false;
  }
}
