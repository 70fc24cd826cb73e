import type { Checkpoint, KeyInput } from './checkpoint';
import { AuditLogError } from './errors';
import { canonicalize } from './internal/canonical';
import { CANONICAL_LINES, type CanonicalLineSource, scanEventLine } from './internal/canonicalLine';
import {
  type AnyAuditEvent,
  GENESIS_HASH,
  hashEvent,
  isBatchIntegrity,
  type SealedEvent,
  sha256hex,
} from './internal/chain';
import { hashBatchEvent } from './internal/sealBatch';
import { eventLeafBin } from './merkle/hash';
import { CompactRange } from './merkle/tree';
import { defaultOrigin, type SignedCheckpoint } from './note/checkpointNote';
import type { TrustedKey } from './note/signedNote';
import type { AuditStore, UnplacedEvents } from './store';
import { COLUMN_MISMATCH } from './verifyColumns';
import { CANONICAL_LINE_FILE, type CanonicalLineFile } from './verifyLines/lineFile';
import {
  defaultThreads,
  LINE_TUNING,
  type LineTuning,
  verifyLineFile,
} from './verifyLines/verifyLineFile';
import { planTrust, trustRequired, type VerifyProblem, verifiersFor } from './verifyTrust';

export type { VerifyProblem } from './verifyTrust';

/**
 * What verification can find:
 * - `malformed`: the entry is not an event with an integrity block of either format (or has
 *   members besides the format's), or is in format 1 after format-2 events.
 * - `hash-mismatch`: the event's content no longer matches its hash (modified).
 * - `prev-hash-mismatch`: a format-1 event does not follow its predecessor (inserted or replaced).
 * - `missing`: the expected seq is absent (deleted, or moved by a reorder).
 * - `out-of-order`: a seq at or below one already seen (duplicated or moved back).
 * - `checkpoint-mismatch`: the tree (or, for an old checkpoint, the chain) at a checkpoint's
 *   size differs from what was signed: the log was rewritten since.
 * - `truncated`: the log ends before a checkpoint's (or the store's recorded head's) size:
 *   truncated or rolled back.
 * - `bad-signature`: a trusted checkpoint does not verify with the trusted keys.
 * - `origin-mismatch`: a trusted checkpoint is for another log.
 * - `column-mismatch`: a SQL column that queries read (actor, target, action, time) differs
 *   from the hashed record, or a format-2 batch's recorded last hash differs from the event in
 *   that place (a row moved).
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
  'origin-mismatch',
  'column-mismatch',
] as const;

/** One of {@link VERIFY_FAILURE_REASONS}. */
export type VerifyFailureReason = (typeof VERIFY_FAILURE_REASONS)[number];

/** What {@link verify} found. */
export interface VerifyResult {
  ok: boolean;
  /** Entries read. */
  count: number;
  /** Hash of the last event in the chain (GENESIS, 64 zeros, for an empty chain). */
  headHash: string;
  /** RFC 9162 root hash (base64) of the tree over the events read. */
  rootHash: string;
  /** How many checkpoints were checked against the log (signature, root or head, size). */
  checkpointsChecked: number;
  /** Store checkpoints that no trusted key signed (or that are malformed): not relied on. */
  checkpointsIgnored: number;
  /** The first problem (the first of `problems`). */
  firstBad?: VerifyProblem;
  /** Every problem found, in the order found, up to `maxProblems`. */
  problems: VerifyProblem[];
  /** True when there were more problems than `maxProblems` and the walk stopped. */
  moreProblems: boolean;
  /**
   * The newest checkpoint signed by a trusted key that this log matched: keep it (see
   * `fileCheckpointMemory`), and pass it as `trusted` next time, so a later rollback or
   * rewrite of the log is refused.
   */
  latestCheckpoint?: SignedCheckpoint;
  /**
   * Events the store holds that are not in the log yet (a writer stored them and stopped before
   * placing them; the next append places them). Not a problem of integrity, and not counted:
   * a reviewer should know that they wait. Present only when some do.
   */
  unplaced?: UnplacedEvents;
}

/** What {@link verify} reads: a store, or events in chain order. */
export type VerifySource = AuditStore | Iterable<AnyAuditEvent> | AsyncIterable<AnyAuditEvent>;

export interface VerifyOptions {
  /**
   * The keys whose checkpoint signatures are trusted: verifier keys (`name+id+key`) or
   * `{ name, publicKey }`. Several keys may be trusted at once (rotation).
   */
  keys?: readonly TrustedKey[];
  /**
   * An Ed25519 public key (PEM or KeyObject), trusted for checkpoint notes under the key name
   * `origin`, and for the JSON checkpoints of releases before notes.
   */
  publicKey?: KeyInput;
  /**
   * Checkpoints kept outside the log's trust domain (the signed note text, or one from
   * `latestCheckpoint`, or a JSON checkpoint of an earlier release). The log must contain each.
   */
  trusted?: readonly (string | SignedCheckpoint | Checkpoint)[];
  /** @deprecated JSON checkpoints of releases before notes; same as `trusted`. */
  checkpoints?: readonly Checkpoint[];
  /** The log's origin (default `city-audit/<chainId>`): checkpoints for another origin are refused. */
  origin?: string;
  /**
   * Verify without a trusted key and checkpoint. The chain and tree are still checked, but a
   * consistent rewrite of the whole store then passes: say so wherever the result is shown.
   */
  allowUnsigned?: boolean;
  /** Stop after this many problems (default 100). */
  maxProblems?: number;
  /** Called every `progressEvery` events (default 10,000) with the count so far. */
  onProgress?: (count: number) => void;
  progressEvery?: number;
  /**
   * Threads that check a JSONL log's lines in parallel (worker threads: canonical form, event
   * hash, leaf hash), while this thread joins their results in file order; the result is the
   * same as in one thread. Default: the machine's available parallelism, at most 4. `1`, another
   * kind of store, or a file under 32 MiB (about 50,000 events) is checked in this thread.
   */
  threads?: number;
}

function isStore(source: VerifySource): source is AuditStore {
  return (
    typeof (source as AuditStore).read === 'function' &&
    typeof (source as AuditStore).append === 'function'
  );
}

/**
 * True for an event with an integrity block of either format: format 1 `{ seq, prevHash, hash }`
 * or format 2 `{ format: 2, seq, hash }`.
 */
function isSealed(value: unknown): value is SealedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const integrity = (value as { integrity?: unknown }).integrity as Record<string, unknown>;
  if (typeof integrity !== 'object' || integrity === null) return false;
  if (!Number.isSafeInteger(integrity.seq) || typeof integrity.hash !== 'string') return false;
  return integrity.format === 2 || typeof integrity.prevHash === 'string';
}

/** The members each format's integrity block holds, no more (the hash covers no other). */
const FORMAT1_KEYS = 'hash,prevHash,seq';
const FORMAT2_KEYS = 'format,hash,seq';

/**
 * Checks a log: every event against its hash and, in format 1, its predecessor (the chain; a
 * format-2 event of a SQL store has no link, its place is the store's seq), the RFC 9162
 * Merkle tree over the events against every checkpoint a trusted key signed (the ones you
 * kept elsewhere and the ones the store keeps), and the log's length against them (rollback,
 * truncation). By default it needs a trusted key and at least one trusted checkpoint: without
 * them, whoever can rewrite the whole store can rewrite it consistently (and, in format 2,
 * reorder it).
 *
 * @throws AuditLogError `TRUST_REQUIRED` without keys or a trusted checkpoint (unless
 *   `allowUnsigned`), `INVALID_SOURCE` for something that is not a store or events.
 *
 * @example
 * ```ts
 * const result = await verify(store, { keys: [vkey], trusted: [keptNote] });
 * if (!result.ok) for (const p of result.problems) console.error(`seq ${p.seq}: ${p.reason}`);
 * ```
 */
export async function verify(
  source: VerifySource,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  let events: Iterable<AnyAuditEvent> | AsyncIterable<AnyAuditEvent> | undefined;
  let lines: AsyncIterable<readonly string[]> | undefined;
  let linesFile: string | undefined;
  const threads = options.threads ?? defaultThreads();
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      `verify: threads must be a whole number >= 1 (got ${String(options.threads)})`,
    );
  }
  const trustedGiven = [...(options.trusted ?? []), ...(options.checkpoints ?? [])];
  const origin = options.origin ?? defaultOrigin(isStore(source) ? source.chainId : 'default');
  const verifiers = verifiersFor(options.keys, options.publicKey, origin);
  if (!options.allowUnsigned) {
    if (verifiers.length === 0) throw trustRequired('a trusted public key (keys or publicKey)');
    if (trustedGiven.length === 0) {
      throw trustRequired('at least one trusted checkpoint kept outside the log (trusted)');
    }
  }
  let stored: readonly unknown[] = [];
  let recordedHead = 0;
  if (isStore(source)) {
    const raw = (source as Partial<CanonicalLineSource>)[CANONICAL_LINES];
    if (typeof raw === 'function') lines = raw.call(source);
    const file = (source as Partial<CanonicalLineFile>)[CANONICAL_LINE_FILE];
    if (typeof raw === 'function' && typeof file === 'function') linesFile = file.call(source);
    else events = source.read();
    stored = await source.checkpoints();
    recordedHead = (await source.head()).seq;
  } else if (
    source &&
    (typeof (source as Iterable<AnyAuditEvent>)[Symbol.iterator] === 'function' ||
      typeof (source as AsyncIterable<AnyAuditEvent>)[Symbol.asyncIterator] === 'function')
  ) {
    events = source;
  } else {
    throw new AuditLogError(
      'INVALID_SOURCE',
      'verify: source must be an AuditStore or an iterable of events',
    );
  }

  const plan = planTrust({
    verifiers,
    legacyKey: options.publicKey,
    origin,
    trusted: trustedGiven,
    stored: stored as never,
  });
  const maxProblems = options.maxProblems ?? 100;
  const problems: VerifyProblem[] = [];
  let more = false;
  // The 1-based line of a store of lines being read (0 outside that walk), so a JSONL problem
  // names where it is.
  let lineNo = 0;
  const problem = (seq: number, reason: VerifyFailureReason, message: string) => {
    if (problems.length >= maxProblems) more = true;
    else if (lineNo === 0) problems.push({ seq, reason, message });
    else problems.push({ seq, reason, message: `${message} (line ${lineNo})`, line: lineNo });
  };
  for (const p of plan.problems) problem(p.seq, p.reason, p.message);
  if (!options.allowUnsigned && plan.trusted === 0 && plan.problems.length === 0) {
    throw trustRequired('at least one trusted checkpoint');
  }

  let checked = 0;
  let latest: SignedCheckpoint | undefined;
  const every = options.progressEvery ?? 10_000;
  const onProgress = options.onProgress;
  const range = new CompactRange();
  const roots = plan.roots;
  const heads = plan.heads;
  let expected = 1;
  let prev = GENESIS_HASH;
  let count = 0;

  /** Adds the event to the tree and checks the checkpoints at its size. */
  const extend = (seq: number, hash: string) => addLeaf(seq, eventLeafBin(hash), () => hash);
  /** Adds a leaf hash (undefined: the event has no SHA-256 hash) and checks the checkpoints. */
  const addLeaf = (seq: number, leaf: string | undefined, hashOf: () => string) => {
    if (leaf === undefined) {
      problem(seq, 'malformed', `event ${seq} has no SHA-256 hash`);
      return;
    }
    range.append(leaf);
    const size = range.size;
    const wantHeads = heads.size > 0 ? heads.get(size) : undefined;
    if (wantHeads) {
      const hash = hashOf();
      for (const cp of wantHeads) {
        if (cp.headHash !== hash) {
          problem(
            size,
            'checkpoint-mismatch',
            `chain head at ${size} differs from the checkpoint signed ${cp.time}`,
          );
        } else checked += 1;
      }
    }
    const want = roots.size > 0 ? roots.get(size) : undefined;
    if (want) {
      const root = range.root().toString('base64');
      for (const r of want) {
        if (r.rootHash !== root) {
          problem(
            size,
            'checkpoint-mismatch',
            `the log's first ${size} events differ from the ${r.from === 'trusted' ? 'trusted checkpoint' : "store's signed checkpoint"} at that size (rewritten)`,
          );
        } else {
          checked += 1;
          if (!latest || r.checkpoint.size >= latest.size) latest = r.checkpoint;
        }
      }
    }
  };

  /** The chain checks after the hash: position, link to the predecessor, then the tree. */
  const link = (seq: number, prevHash: string, claimed: string) => {
    if (prevHash !== prev) {
      problem(
        seq,
        'prev-hash-mismatch',
        `event ${seq} does not follow event ${seq - 1} (inserted or replaced)`,
      );
    }
    // Continue from the hash the event claims, so one modified event is one problem.
    place(seq, claimed);
  };
  /** The event with this seq and claimed hash takes its place: in the chain, then the tree. */
  const place = (seq: number, hash: string) => {
    prev = hash;
    expected = seq + 1;
    extend(seq, hash);
  };
  /** Position checks; false when the entry is not part of the chain at all. */
  const position = (seq: number): boolean => {
    if (seq > expected) {
      problem(expected, 'missing', `expected seq ${expected}, found ${seq}`);
      return true;
    }
    if (seq < expected) {
      problem(seq, 'out-of-order', `expected seq ${expected}, found ${seq} again`);
      return false;
    }
    return true;
  };
  const counted = () => {
    count += 1;
    if (onProgress && count % every === 0) onProgress(count);
  };

  /** Format 2 was seen: a later format-1 event means the log went back to the old format. */
  let batchFormat = false;
  /**
   * For a format-1 event: true, having reported it, when format-2 events came before it (a log
   * never goes back to format 1). Such an event is placed by its claimed hash, with no link to
   * check. Every path (events, lines, lines in workers) asks this, so all report it alike.
   */
  const afterBatch = (seq: number): boolean => {
    if (!batchFormat) return false;
    problem(
      seq,
      'malformed',
      `event ${seq} is in format 1 after events in format 2 (a log never goes back to format 1)`,
    );
    return true;
  };

  /** Verifies one event object; `line`, when given, must be its canonical text. */
  const step = (event: unknown, line?: string) => {
    counted();
    if (!isSealed(event)) {
      problem(expected, 'malformed', `entry ${count} has no integrity block`);
      return;
    }
    const integrity = event.integrity;
    const { seq, hash } = integrity;
    if (!position(seq)) return;
    const format2 = isBatchIntegrity(integrity);
    // The hash covers the integrity block's seq and prevHash (format 1) or its format (format
    // 2) only: anything else in it would be a change no hash could reveal.
    if (Object.keys(integrity).sort().join() !== (format2 ? FORMAT2_KEYS : FORMAT1_KEYS)) {
      problem(
        seq,
        'malformed',
        format2
          ? `event ${seq} has members in its integrity block besides format, seq and hash`
          : `event ${seq} has members in its integrity block besides seq, prevHash and hash`,
      );
    }
    let actual: string | undefined;
    try {
      actual = format2 ? hashBatchEvent(event) : hashEvent(event, seq, integrity.prevHash);
    } catch (error) {
      problem(
        seq,
        'malformed',
        `event ${seq} cannot be canonicalized: ${(error as Error).message}`,
      );
    }
    // An event that cannot be canonicalized was reported above; canonicalize would throw on it
    // too, so its stored form is not compared (the line paths report what the events path does).
    if (actual === undefined) {
      // reported
    } else if (actual !== hash) {
      problem(seq, 'hash-mismatch', `event ${seq} does not match its hash (modified)`);
    } else if (line !== undefined && canonicalize(event) !== line) {
      problem(seq, 'malformed', `event ${seq} is not stored in canonical (RFC 8785) form`);
    }
    const columns = (event as { [COLUMN_MISMATCH]?: string })[COLUMN_MISMATCH];
    if (columns !== undefined) {
      problem(
        seq,
        'column-mismatch',
        `event ${seq}: the ${columns} column differs from the hashed record`,
      );
    }
    if (format2) {
      // No link to the predecessor: the store's seq and the tree (against the checkpoints)
      // fix the order of format-2 events.
      batchFormat = true;
      place(seq, hash);
      return;
    }
    if (afterBatch(seq)) place(seq, hash);
    else link(seq, integrity.prevHash, hash);
  };

  /** Every check of one stored line (lineNo set): the fast scan, or parse and the event checks. */
  const checkLine = (line: string) => {
    const scan = scanEventLine(line);
    if (!scan) {
      // Not in the form the log writes (or a form the fast scanner leaves to this path):
      // parse it and let the event checks decide.
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        counted();
        problem(expected, 'malformed', `entry ${count} is not JSON`);
        return;
      }
      step(event, line);
      return;
    }
    counted();
    const seq = scan.seq;
    if (!position(seq)) return;
    // The stored text minus `"hash":"…",` is what the hash covers (see hashEvent).
    const actual = sha256hex(line.slice(0, scan.hashMemberStart) + line.slice(scan.hashMemberEnd));
    const claimed = line.slice(scan.hashStart, scan.hashEnd);
    if (actual !== claimed)
      problem(seq, 'hash-mismatch', `event ${seq} does not match its hash (modified)`);
    // The scanner passes format-1 lines only: after format 2, each is malformed, as in step.
    if (afterBatch(seq)) place(seq, claimed);
    else link(seq, line.slice(scan.prevStart, scan.prevEnd), claimed);
  };

  const inWorkers =
    linesFile !== undefined &&
    (await verifyLineFile(
      linesFile,
      threads,
      {
        stopped: () => more,
        setLine: (n) => {
          lineNo = n;
        },
        counted,
        position,
        problem,
        checkLine,
        prev: () => prev,
        setPrev: (hash) => {
          prev = hash;
        },
        advance: (seq) => {
          expected = seq + 1;
        },
        afterBatch,
        addLeaf,
      },
      (options as { [LINE_TUNING]?: LineTuning })[LINE_TUNING],
    ));
  if (inWorkers) {
    lineNo = 0;
  } else if (lines) {
    outer: for await (const chunk of lines) {
      for (const line of chunk) {
        if (more) break outer;
        lineNo += 1;
        checkLine(line);
      }
    }
    lineNo = 0;
  } else if (events) {
    for await (const event of events as Iterable<AnyAuditEvent> | AsyncIterable<AnyAuditEvent>) {
      if (more) break;
      step(event);
    }
  }
  const size = range.size;
  const claimedSize = Math.max(plan.maxSize, recordedHead);
  if (!more && claimedSize > size) {
    problem(
      size + 1,
      'truncated',
      `the log ends at ${size} events but ${plan.maxSize >= recordedHead ? 'a signed checkpoint' : "the store's head"} covers ${claimedSize} (truncated or rolled back)`,
    );
  }
  const result: VerifyResult = {
    ok: problems.length === 0 && !more,
    count,
    headHash: prev,
    rootHash: range.root().toString('base64'),
    checkpointsChecked: checked,
    checkpointsIgnored: plan.ignored,
    problems,
    moreProblems: more,
  };
  if (problems[0]) result.firstBad = problems[0];
  if (latest) result.latestCheckpoint = latest;
  if (isStore(source) && source.unplaced) {
    const unplaced = await source.unplaced();
    if (unplaced) result.unplaced = unplaced;
  }
  return result;
}
