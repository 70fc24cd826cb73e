import type { z } from 'zod';
import type { CheckpointSigner } from './checkpoint';
import type { CheckpointSink } from './checkpointSinks/sink';
import { type AuditIssue, AuditLogError, isAuditLogError } from './errors';
import {
  canonicalSize,
  precanonicalize,
  type SealedEvent,
  type UnsealedEvent,
} from './internal/chain';
import { invalidInput } from './internal/invalidInput';
import { parseInput } from './internal/parseInput';
import { redactDetails } from './internal/redactDetails';
import { AuditEventInput, type Classification } from './internal/schemas';
import { scrubString } from './internal/scrub';
import { readPseudonymKey } from './internal/share/pseudonymKey';
import { UUIDV7_PATTERN, uuidv7, uuidv7Time } from './internal/uuidv7';
import { LogTree } from './merkle/logTree';
import { defaultOrigin, type SignedCheckpoint, signCheckpointNote } from './note/checkpointNote';
import type { AuditStore } from './store';

/** What `record()` accepts: an `AuditEventInput` whose `app` may be left to the log. */
export type RecordInput = Omit<AuditEventInput, 'app'> & { app?: AuditEventInput['app'] };

/** Group-commit and failure settings. */
export interface BatchOptions {
  /** Most events in one store write (default 512). */
  maxSize?: number;
  /** Most events waiting to be written; beyond it `record` fails with `QUEUE_FULL` (default 10,000). */
  maxQueue?: number;
  /** Wait this long for more events before a write (default 0: write as soon as the store is free). */
  maxWaitMs?: number;
  /** Retries of a failed write before its events fail with `STORE_UNAVAILABLE` (default 3). */
  retries?: number;
  /** First retry delay; doubles each time (default 50 ms). */
  retryDelayMs?: number;
}

/** How `details` are redacted before they are hashed and stored. */
export interface DetailsOptions {
  /**
   * A zod schema whose fields carry classification metadata (`classified()` from
   * `@cityofboston/standards-schema`). Fields above `clearance` are redacted by their rule;
   * fields it does not declare are dropped.
   */
  schema?: z.ZodType;
  /**
   * Highest level stored as is (default `confidential`: an audit store is access-controlled and
   * may hold personal data, never `restricted` data such as SSNs, CJIS or health records).
   */
  clearance?: Classification;
  /**
   * Key for the HMAC-SHA256 pseudonyms of fields whose rule is `hash` (without one they are
   * dropped): a `Uint8Array` of at least 32 bytes or a base64url string decoding to 32
   * (`randomBytes(32).toString('base64url')`). A shorter key is refused with `INVALID_OPTIONS`:
   * pseudonyms of values with few possibilities (phone numbers) are only as safe as the key.
   */
  hashKey?: string | Uint8Array;
  /**
   * Scrub what looks like an email, a phone number (E.164 with its `+`, or NANP in phone
   * formatting), a payment card number (Luhn-checked) or a US SSN from every free-text member:
   * `details` (keys and values), `reason`, `purpose`, `source.userAgent`, and patterns inside
   * `actor.name` (the name itself stays). Default true.
   */
  scrub?: boolean;
}

export interface CreateAuditLogOptions {
  /** The application writing, stamped on every event that does not name one. */
  app: AuditEventInput['app'];
  store: AuditStore;
  /**
   * Sign a checkpoint (a C2SP signed note over the RFC 9162 tree head) every N events or T ms,
   * and when the log closes.
   */
  signer?: CheckpointSigner;
  /**
   * Where signed checkpoints go besides the store: somewhere the store's administrators cannot
   * write (`directorySink`, `httpSink`). A sink that fails is reported to `onError`.
   */
  sinks?: readonly CheckpointSink[];
  batch?: BatchOptions;
  details?: DetailsOptions;
  /** Called with each signed checkpoint (keep them somewhere the store's admins cannot write). */
  onCheckpoint?: (checkpoint: SignedCheckpoint) => void;
  /** Errors that no caller can receive (a checkpoint that failed to store). */
  onError?: (error: unknown) => void;
  /** Close the store when the log closes (default true). */
  closeStore?: boolean;
  /**
   * The largest event accepted, in bytes of its canonical JSON (default 65,536). A larger one is
   * refused with `EVENT_TOO_LARGE`: an audit event names records (a page of ids at most), it
   * does not carry them.
   */
  maxEventBytes?: number;
}

/** Per-call options of `record()`. */
export interface RecordOptions {
  /** Schema for this event's `details`, overriding the log's. */
  detailsSchema?: z.ZodType;
  /**
   * The event's id, when the caller must be able to retry: a UUIDv7 from `createEventId()`
   * kept with the work it audits (an outbox row, a job). The id is the idempotency key, so
   * recording it again (after a crash, from another instance) returns the stored event instead
   * of writing a second one; the event's `time` is the id's timestamp, so a retry is identical.
   * A JSONL store remembers the ids of its newest events only (`idempotencyWindow`).
   */
  id?: string;
}

/** A running audit log. */
export interface AuditLog {
  /**
   * Validates, redacts, chains and durably stores one event; resolves with the stored event
   * (id, time and integrity assigned) only after the store made it durable.
   *
   * @throws AuditLogError `INVALID_EVENT`, `QUEUE_FULL`, `STORE_UNAVAILABLE`, `LOG_CLOSED`;
   *   `STORE_LOCKED` or `STORE_CORRUPT` (not retried) when a JSONL store cannot be opened for writing.
   */
  record(event: RecordInput, options?: RecordOptions): Promise<SealedEvent>;
  /** Resolves when every event recorded so far is written (or has failed). */
  flush(): Promise<void>;
  /** Flushes, signs a last checkpoint, and closes the store. Idempotent. */
  close(): Promise<void>;
  /** The latest checkpoint this log signed. */
  readonly lastCheckpoint: SignedCheckpoint | undefined;
  /**
   * Signs a checkpoint of the log as it is now (after flushing), stores it and sends it to the
   * sinks; undefined without a signer or while the log is empty.
   */
  checkpoint(): Promise<SignedCheckpoint | undefined>;
  readonly store: AuditStore;
}

interface Pending {
  event: UnsealedEvent;
  resolve: (event: SealedEvent) => void;
  reject: (error: unknown) => void;
}

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      `createAuditLog: ${name} must be an integer >= ${min}, got ${value}`,
    );
  }
  return value;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Scrubs the free-text members an app fills, besides `details`: `reason`, `purpose`, the user
 * agent, and patterns inside the actor's name. Nested objects are replaced, not changed, since
 * they may still be the caller's.
 */
function scrubMembers(event: UnsealedEvent): void {
  if (event.reason !== undefined) event.reason = scrubString(event.reason);
  if (event.purpose !== undefined) event.purpose = scrubString(event.purpose);
  const ua = event.source?.userAgent;
  if (ua !== undefined) {
    const clean = scrubString(ua);
    if (clean !== ua) event.source = { ...event.source, userAgent: clean };
  }
  const name = event.actor.name;
  if (name !== undefined) {
    const clean = scrubString(name);
    if (clean !== name) event.actor = { ...event.actor, name: clean };
  }
}

/**
 * Creates an audit log over a store.
 *
 * @example
 * ```ts
 * import { createAuditLog, memoryStore } from '@cityofboston/audit-log';
 *
 * const log = createAuditLog({ app: { name: 'case-desk', department: 'DoIT' }, store: memoryStore() });
 * await log.record({
 *   actor: { type: 'user', id: 'u-123' },
 *   action: 'case.view',
 *   target: { type: 'case', id: 'BCS-1001' },
 *   outcome: 'success',
 * });
 * await log.close();
 * ```
 */
export function createAuditLog(options: CreateAuditLogOptions): AuditLog {
  const { store } = options;
  if (!store || typeof store.append !== 'function') {
    throw new AuditLogError('INVALID_OPTIONS', 'createAuditLog: `store` must be an AuditStore');
  }
  const app = AuditEventInput.shape.app.safeParse(options.app);
  if (!app.success) {
    throw new AuditLogError('INVALID_OPTIONS', 'createAuditLog: `app` needs at least a `name`', {
      cause: app.error,
    });
  }
  const appData = app.data;
  const batch = options.batch ?? {};
  const maxSize = positive('batch.maxSize', batch.maxSize, 512);
  const maxQueue = positive('batch.maxQueue', batch.maxQueue, 10_000);
  const maxWaitMs = positive('batch.maxWaitMs', batch.maxWaitMs, 0, 0);
  const retries = positive('batch.retries', batch.retries, 3, 0);
  const retryDelayMs = positive('batch.retryDelayMs', batch.retryDelayMs, 50, 0);
  const hashKey = options.details?.hashKey;
  if (hashKey !== undefined) {
    const checked = readPseudonymKey(hashKey);
    if ('problem' in checked) {
      throw new AuditLogError(
        'INVALID_OPTIONS',
        `createAuditLog: details.hashKey: ${checked.problem}`,
      );
    }
  }
  const detailsPolicy = {
    clearance: options.details?.clearance ?? 'confidential',
    scrub: options.details?.scrub ?? true,
    ...(options.details?.schema ? { schema: options.details.schema } : {}),
    ...(options.details?.hashKey === undefined ? {} : { hashKey: options.details.hashKey }),
  } as const;
  const signer = options.signer;
  const everyEvents = positive('signer.everyEvents', signer?.everyEvents, 1000);
  const everyMs = positive('signer.everyMs', signer?.everyMs, 60_000, 0);
  const onError = options.onError ?? (() => {});
  const maxEventBytes = positive('maxEventBytes', options.maxEventBytes, 64 * 1024);

  const queue: Pending[] = [];
  let draining: Promise<void> | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  let lastCheckpoint: SignedCheckpoint | undefined;
  let signedSize = 0;
  let lastSignedAt = Date.now();
  let headSeq = 0;
  const origin = signer?.origin ?? defaultOrigin(store.chainId);
  const signers = signer
    ? [
        { name: signer.keyName ?? origin, privateKey: signer.privateKey },
        ...(signer.alsoSignWith ?? []),
      ]
    : [];
  const tree = new LogTree(store);
  let signing: Promise<SignedCheckpoint | undefined> = Promise.resolve(undefined);
  let publishing: Promise<unknown> = Promise.resolve();

  /** Signs, stores and publishes a checkpoint when one is due (always when `force`). */
  function checkpoint(force: boolean): Promise<SignedCheckpoint | undefined> {
    signing = signing.then(
      () => signDue(force),
      () => signDue(force),
    );
    return signing;
  }

  async function signDue(force: boolean): Promise<SignedCheckpoint | undefined> {
    if (!signer || headSeq === 0 || headSeq <= signedSize) return lastCheckpoint;
    if (
      !force &&
      headSeq - signedSize < everyEvents &&
      (everyMs === 0 || Date.now() - lastSignedAt < everyMs)
    ) {
      return lastCheckpoint;
    }
    let range: Awaited<ReturnType<LogTree['current']>>;
    try {
      range = await tree.current();
    } catch (error) {
      onError(
        new AuditLogError('STORE_UNAVAILABLE', 'could not read the log to sign a checkpoint', {
          cause: error,
        }),
      );
      return lastCheckpoint;
    }
    if (range.size === 0 || range.size <= (lastCheckpoint?.size ?? 0)) return lastCheckpoint;
    const cp = signCheckpointNote(
      { origin, size: range.size, rootHash: range.root().toString('base64') },
      signers,
    );
    signedSize = range.size;
    lastSignedAt = Date.now();
    lastCheckpoint = cp;
    try {
      await store.appendCheckpoint(cp);
    } catch (error) {
      onError(
        new AuditLogError('STORE_UNAVAILABLE', 'could not store a checkpoint', { cause: error }),
      );
    }
    // Sinks may be slow (another machine): the write loop does not wait for them, but they get
    // the checkpoints one at a time, in order, so a sink's newest is always the newest signed.
    const send = () =>
      Promise.all(
        (options.sinks ?? []).map((sink) =>
          sink.publish(cp).catch((error: unknown) => {
            onError(
              new AuditLogError('STORE_UNAVAILABLE', `checkpoint sink ${sink.name} failed`, {
                cause: error,
              }),
            );
          }),
        ),
      );
    publishing = publishing.then(send, send);
    options.onCheckpoint?.(cp);
    return cp;
  }

  async function write(pending: Pending[]): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(retryDelayMs * 2 ** (attempt - 1));
      try {
        const sealed = await store.append(pending.map((p) => p.event));
        for (let i = 0; i < pending.length; i++) {
          const e = sealed[i] as SealedEvent;
          if (e.integrity.seq > headSeq) headSeq = e.integrity.seq;
          pending[i]?.resolve(e);
        }
        if (signer) tree.observe(sealed);
        return;
      } catch (error) {
        lastError = error;
        // A held lock or a corrupt file does not heal by retrying: the caller gets that code.
        if (isAuditLogError(error, 'STORE_LOCKED') || isAuditLogError(error, 'STORE_CORRUPT')) {
          for (const p of pending) p.reject(error);
          return;
        }
      }
    }
    const error = new AuditLogError(
      'STORE_UNAVAILABLE',
      `the ${store.kind} store failed ${retries + 1} times; ${pending.length} event(s) were not recorded`,
      { cause: lastError },
    );
    for (const p of pending) p.reject(error);
  }

  async function drain(): Promise<void> {
    // Yield once so that records issued together (Promise.all, one request's burst) share a write.
    await (maxWaitMs > 0 ? sleep(maxWaitMs) : Promise.resolve());
    while (queue.length > 0) {
      await write(queue.splice(0, maxSize));
      await checkpoint(false);
    }
  }

  function schedule(): void {
    if (draining) return;
    draining = drain().finally(() => {
      draining = undefined;
      if (queue.length > 0) schedule();
    });
  }

  const timer =
    signer && everyMs > 0
      ? setInterval(() => {
          if (!draining) void checkpoint(false).catch(onError);
        }, everyMs)
      : undefined;
  timer?.unref?.();

  let lastMs = 0;
  let lastIso = '';

  function prepare(input: RecordInput, recordOptions?: RecordOptions): UnsealedEvent {
    // Validated as given (no copy to add the app first); zod's output is a fresh object this
    // log owns, so the id, time and app are set on it directly.
    const parsed = parseInput(input);
    if (!parsed.success) {
      throw invalidInput('INVALID_EVENT', 'invalid audit event', parsed.issues);
    }
    const data = parsed.data as AuditEventInput;
    data.app ??= { ...appData };
    const event = data as UnsealedEvent;
    const given = recordOptions?.id;
    if (given === undefined) {
      const ms = Date.now();
      if (ms !== lastMs) {
        lastMs = ms;
        lastIso = new Date(ms).toISOString();
      }
      event.id = uuidv7(ms);
      event.time = lastIso;
    } else {
      if (typeof given !== 'string' || !UUIDV7_PATTERN.test(given)) {
        throw new AuditLogError('INVALID_EVENT', 'invalid audit event: `id` must be a UUIDv7', {
          issues: [{ code: 'invalid_format', path: ['id'], message: 'Expected a UUIDv7' }],
        });
      }
      event.id = given;
      event.time = new Date(uuidv7Time(given)).toISOString();
    }
    if (detailsPolicy.scrub) scrubMembers(event);
    if (data.details !== undefined) {
      const override = recordOptions?.detailsSchema;
      let details: Record<string, unknown> | undefined;
      try {
        details = redactDetails(
          data.details,
          override ? { ...detailsPolicy, schema: override } : detailsPolicy,
        );
      } catch (error) {
        const zodIssues = (error as { issues?: AuditIssue[] }).issues;
        const issues = Array.isArray(zodIssues)
          ? zodIssues
          : [{ code: 'custom', path: [], message: 'details do not match their schema' }];
        throw invalidInput('INVALID_EVENT', 'invalid audit event', issues, {
          pathPrefix: ['details'],
          cause: error,
        });
      }
      if (details === undefined) delete event.details;
      else event.details = details;
    }
    try {
      precanonicalize(event, given === undefined);
    } catch (error) {
      throw new AuditLogError(
        'INVALID_EVENT',
        `invalid audit event: not representable as JSON (${(error as Error).message})`,
        {
          cause: error,
          issues: [{ code: 'custom', path: [], message: 'not representable as canonical JSON' }],
        },
      );
    }
    const size = canonicalSize(event);
    if (size > maxEventBytes) {
      throw new AuditLogError(
        'EVENT_TOO_LARGE',
        `invalid audit event: ${size} bytes of canonical JSON, over the ${maxEventBytes} allowed (maxEventBytes); record ids, not records`,
        { issues: [{ code: 'too_big', path: [], message: `larger than ${maxEventBytes} bytes` }] },
      );
    }
    return event;
  }

  return {
    store,
    get lastCheckpoint() {
      return lastCheckpoint;
    },
    async checkpoint() {
      while (draining) await draining;
      const cp = await checkpoint(true);
      await publishing;
      return cp;
    },
    record(input, recordOptions) {
      if (closed) return Promise.reject(new AuditLogError('LOG_CLOSED', 'record() after close()'));
      let event: UnsealedEvent;
      try {
        event = prepare(input, recordOptions);
      } catch (error) {
        return Promise.reject(error);
      }
      if (queue.length >= maxQueue) {
        return Promise.reject(
          new AuditLogError(
            'QUEUE_FULL',
            `the audit queue holds ${maxQueue} unwritten events; the event was not accepted`,
          ),
        );
      }
      return new Promise<SealedEvent>((resolve, reject) => {
        queue.push({ event, resolve, reject });
        schedule();
      });
    },
    async flush() {
      while (draining) await draining;
    },
    close() {
      if (closing) return closing;
      closed = true;
      closing = (async () => {
        if (timer) clearInterval(timer);
        while (draining) await draining;
        await checkpoint(true);
        await publishing;
        if (options.closeStore !== false) await store.close();
      })();
      return closing;
    },
  };
}

/**
 * A new event id (UUIDv7, RFC 9562) for `record(event, { id })`: create it with the work the
 * event audits and keep it there, so a retry of the record is recognised as the same event.
 *
 * @example
 * ```ts
 * const id = createEventId(); // stored in the outbox row, in the same transaction as the change
 * await log.record(event, { id }); // a retry after a crash returns the stored event
 * ```
 */
export function createEventId(): string {
  return uuidv7();
}
