import { type Checkpoint, type KeyInput, verifyCheckpoint } from './checkpoint';
import { AuditLogError } from './errors';
import { canonicalize } from './internal/canonical';
import { CANONICAL_LINES, type CanonicalLineSource, scanEventLine } from './internal/canonicalLine';
import { GENESIS_HASH, hashEvent, type SealedEvent, sha256hex } from './internal/chain';
import type { AuditEvent } from './internal/schemas';
import type { AuditStore } from './store';

/**
 * Why verification stopped:
 * - `malformed`: the entry is not an event with an integrity block.
 * - `hash-mismatch`: the event's content no longer matches its hash (modified).
 * - `prev-hash-mismatch`: the event does not follow its predecessor (inserted or replaced).
 * - `missing`: the expected seq is absent (deleted, or moved by a reorder).
 * - `out-of-order`: a seq at or below one already seen (duplicated or moved back).
 * - `checkpoint-mismatch`: the chain's hash at a checkpoint's size differs from the signed one.
 * - `truncated`: the chain ends before a checkpoint's (or the store's recorded head's) size.
 * - `bad-signature`: a checkpoint's signature does not verify with `publicKey`.
 */
export const VERIFY_FAILURE_REASONS = [
  'malformed',
  'hash-mismatch',
  'prev-hash-mismatch',
  'missing',
  'out-of-order',
  'checkpoint-mismatch',
  'truncated',
  'bad-signature',
] as const;

/** One of {@link VERIFY_FAILURE_REASONS}. */
export type VerifyFailureReason = (typeof VERIFY_FAILURE_REASONS)[number];

/** What {@link verify} found. */
export interface VerifyResult {
  ok: boolean;
  /** Events read before the first failure (all of them when `ok`). */
  count: number;
  /** Hash of the last good event (GENESIS, 64 zeros, for an empty chain). */
  headHash: string;
  /** How many checkpoints were checked (signature and position). */
  checkpointsChecked: number;
  firstBad?: {
    seq: number;
    reason: VerifyFailureReason;
    message: string;
    /** The 1-based line of a JSONL file where the failure is (for a store of lines). */
    line?: number;
  };
}

/** What {@link verify} reads: a store, or events in chain order. */
export type VerifySource = AuditStore | Iterable<AuditEvent> | AsyncIterable<AuditEvent>;

export interface VerifyOptions {
  /** Ed25519 public key for checkpoint signatures. Without it signatures are not checked. */
  publicKey?: KeyInput;
  /** Checkpoints you kept; a store's own checkpoints are added. */
  checkpoints?: readonly Checkpoint[];
  /** Called every `progressEvery` events (default 10,000) with the count so far. */
  onProgress?: (count: number) => void;
  progressEvery?: number;
}

function isStore(source: VerifySource): source is AuditStore {
  return (
    typeof (source as AuditStore).read === 'function' &&
    typeof (source as AuditStore).append === 'function'
  );
}

function isSealed(value: unknown): value is SealedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const integrity = (value as AuditEvent).integrity;
  return (
    typeof integrity === 'object' &&
    integrity !== null &&
    Number.isSafeInteger(integrity.seq) &&
    typeof integrity.prevHash === 'string' &&
    typeof integrity.hash === 'string'
  );
}

/**
 * Walks a chain from its first event and reports the first place it was tampered with: a
 * modified, deleted, inserted or reordered event, or (with a checkpoint, or a database store's
 * recorded head) truncation of the newest events.
 *
 * @example
 * ```ts
 * const result = await verify(store, { publicKey });
 * if (!result.ok) console.error(`bad at seq ${result.firstBad?.seq}: ${result.firstBad?.reason}`);
 * ```
 */
export async function verify(
  source: VerifySource,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  let events: Iterable<AuditEvent> | AsyncIterable<AuditEvent> | undefined;
  let lines: AsyncIterable<readonly string[]> | undefined;
  const checkpoints: Checkpoint[] = [...(options.checkpoints ?? [])];
  let recordedHead = 0;
  if (isStore(source)) {
    const raw = (source as Partial<CanonicalLineSource>)[CANONICAL_LINES];
    if (typeof raw === 'function') lines = raw.call(source);
    else events = source.read();
    checkpoints.push(...(await source.checkpoints()));
    recordedHead = (await source.head()).seq;
  } else if (
    source &&
    (typeof (source as Iterable<AuditEvent>)[Symbol.iterator] === 'function' ||
      typeof (source as AsyncIterable<AuditEvent>)[Symbol.asyncIterator] === 'function')
  ) {
    events = source;
  } else {
    throw new AuditLogError(
      'INVALID_SOURCE',
      'verify: source must be an AuditStore or an iterable of events',
    );
  }

  let checked = 0;
  const bySize = new Map<number, Checkpoint[]>();
  let maxSize = 0;
  for (const cp of checkpoints) {
    if (options.publicKey !== undefined && !verifyCheckpoint(cp, options.publicKey)) {
      return {
        ok: false,
        count: 0,
        headHash: GENESIS_HASH,
        checkpointsChecked: checked,
        firstBad: {
          seq: cp.size,
          reason: 'bad-signature',
          message: `checkpoint at size ${cp.size} does not verify with the given public key`,
        },
      };
    }
    const list = bySize.get(cp.size) ?? [];
    list.push(cp);
    bySize.set(cp.size, list);
    maxSize = Math.max(maxSize, cp.size);
  }

  const every = options.progressEvery ?? 10_000;
  const onProgress = options.onProgress;
  let expected = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  const fail = (seq: number, reason: VerifyFailureReason, message: string): VerifyResult => ({
    ok: false,
    count,
    headHash: prev,
    checkpointsChecked: checked,
    firstBad: { seq, reason, message },
  });
  /** The checks after the hash: the link to the predecessor and the checkpoints at this seq. */
  const link = (seq: number, prevHashMatches: boolean, hash: string): VerifyResult | undefined => {
    if (!prevHashMatches) {
      return fail(
        seq,
        'prev-hash-mismatch',
        `event ${seq} does not follow event ${seq - 1} (inserted or replaced)`,
      );
    }
    if (bySize.size > 0) {
      for (const cp of bySize.get(seq) ?? []) {
        if (cp.headHash !== hash) {
          return fail(
            seq,
            'checkpoint-mismatch',
            `chain head at ${seq} differs from the checkpoint signed ${cp.time}`,
          );
        }
        checked += 1;
      }
    }
    prev = hash;
    count += 1;
    expected += 1;
    if (onProgress && count % every === 0) onProgress(count);
    return undefined;
  };
  /** Verifies one event object; `line`, when given, must be its canonical text. */
  const step = (event: unknown, line?: string): VerifyResult | undefined => {
    if (!isSealed(event))
      return fail(expected, 'malformed', `entry ${count + 1} has no integrity block`);
    const { seq, prevHash, hash } = event.integrity;
    if (seq > expected) return fail(expected, 'missing', `expected seq ${expected}, found ${seq}`);
    if (seq < expected)
      return fail(seq, 'out-of-order', `expected seq ${expected}, found ${seq} again`);
    // The hash covers the integrity block's seq and prevHash only: anything else in it would be
    // a change no hash could reveal.
    if (Object.keys(event.integrity).length !== 3) {
      return fail(
        seq,
        'malformed',
        `event ${seq} has members in its integrity block besides seq, prevHash and hash`,
      );
    }
    let actual: string;
    try {
      actual = hashEvent(event, seq, prevHash);
    } catch (error) {
      return fail(
        seq,
        'malformed',
        `event ${seq} cannot be canonicalized: ${(error as Error).message}`,
      );
    }
    if (actual !== hash)
      return fail(seq, 'hash-mismatch', `event ${seq} does not match its hash (modified)`);
    if (line !== undefined && canonicalize(event) !== line) {
      return fail(seq, 'malformed', `event ${seq} is not stored in canonical (RFC 8785) form`);
    }
    return link(seq, prevHash === prev, hash);
  };

  if (lines) {
    let lineNo = 0;
    const at = (result: VerifyResult): VerifyResult => {
      if (result.firstBad) {
        result.firstBad.line = lineNo;
        result.firstBad.message += ` (line ${lineNo})`;
      }
      return result;
    };
    for await (const chunk of lines) {
      for (const line of chunk) {
        lineNo += 1;
        const scan = scanEventLine(line);
        if (scan === undefined) {
          // Not the canonical text the log writes: parse it to say what is wrong with it.
          let event: unknown;
          try {
            event = JSON.parse(line);
          } catch {
            return at(fail(expected, 'malformed', `entry ${count + 1} is not JSON`));
          }
          const bad = step(event, line);
          if (bad) return at(bad);
          continue;
        }
        const seq = scan.seq;
        if (seq > expected)
          return at(fail(expected, 'missing', `expected seq ${expected}, found ${seq}`));
        if (seq < expected)
          return at(fail(seq, 'out-of-order', `expected seq ${expected}, found ${seq} again`));
        // The stored text minus `"hash":"…",` is what the hash covers (see hashEvent).
        const actual = sha256hex(
          line.slice(0, scan.hashMemberStart) + line.slice(scan.hashMemberEnd),
        );
        if (!rangeIs(line, scan.hashStart, scan.hashEnd, actual))
          return at(fail(seq, 'hash-mismatch', `event ${seq} does not match its hash (modified)`));
        const bad = link(seq, rangeIs(line, scan.prevStart, scan.prevEnd, prev), actual);
        if (bad) return at(bad);
      }
    }
  } else {
    for await (const event of events as Iterable<AuditEvent> | AsyncIterable<AuditEvent>) {
      const bad = step(event);
      if (bad) return bad;
    }
  }
  const claimed = Math.max(maxSize, recordedHead);
  if (claimed > count) {
    return fail(
      count + 1,
      'truncated',
      `the chain ends at seq ${count} but ${maxSize >= recordedHead ? 'a checkpoint' : "the store's head"} covers ${claimed}`,
    );
  }
  return { ok: true, count, headHash: prev, checkpointsChecked: checked };
}

/** `text[start, end)` equals `value` (an unescaped range against a hex digest). */
function rangeIs(text: string, start: number, end: number, value: string): boolean {
  return end - start === value.length && text.startsWith(value, start);
}
