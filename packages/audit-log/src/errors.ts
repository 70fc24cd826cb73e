/**
 * Every error code this package throws, as documented constants.
 *
 * - `INVALID_EVENT`: an event failed validation against `AuditEventInput` or is not JSON (a
 *   circular reference, nesting deeper than 64 levels).
 * - `EVENT_TOO_LARGE`: an event's canonical JSON is larger than the log's `maxEventBytes`
 *   (default 64 KiB); record references (ids, at most a page of them), not the records.
 * - `INVALID_OPTIONS`: a factory (`createAuditLog`, a store, `share`) got unusable options.
 * - `QUEUE_FULL`: the bounded queue is full; the event was not accepted (backpressure).
 * - `STORE_UNAVAILABLE`: the store kept failing after the bounded retries; the event is not
 *   recorded (the log fails closed, it never drops silently). A PostgreSQL connection lost
 *   mid-write (a terminated backend, a cut network) also rejects with it; the pool reconnects
 *   for later records, and the app keeps running.
 * - `LOG_CLOSED`: `record()` after `close()`.
 * - `STORE_CORRUPT`: a store's bytes cannot be read back as a chain (not a torn last line,
 *   which is repaired). A JSONL file whose last complete line is not a valid event is not opened
 *   for writing; the message names the repair command (`city-audit repair --store jsonl:<file>`).
 * - `STORE_LOCKED`: another process (or another store in this process) is writing that JSONL
 *   file; one writer per file. A lock left by a process that is gone is recovered on its own.
 * - `CHAIN_CONFLICT`: the store's head moved under a writer that assumed it owned the chain.
 * - `INVALID_CHECKPOINT`: a checkpoint is malformed or its signature does not verify.
 * - `TRUST_REQUIRED`: `verify()` without a trusted key and a trusted checkpoint, and without
 *   `allowUnsigned`.
 * - `INVALID_SOURCE`: `verify()` or the CLI got a source it cannot read.
 * - `VERIFY_WORKER_FAILED`: a worker thread of a parallel `verify()` could not start, threw or
 *   exited; nothing was concluded about the log (verify with `threads: 1` to check in one thread).
 * - `INVALID_CURSOR`: a `query()` cursor that this store did not issue.
 * - `INVALID_AGREEMENT`: a data-sharing agreement failed the `DataSharingAgreement` schema.
 * - `SHARE_PURPOSE_NOT_ALLOWED`: `share()` for a purpose the agreement does not list.
 * - `SHARE_AGREEMENT_NOT_YET_VALID` / `SHARE_AGREEMENT_EXPIRED`: outside the agreement's dates.
 * - `SHARE_WRONG_RECIPIENT`: the recipient is not the agreement's recipient.
 * - `SHARE_ABOVE_CEILING`: a field classified above the agreement's ceiling would be shared.
 * - `SHARE_DATASET_NOT_COVERED`: the dataset is not one the agreement covers.
 * - `SHARE_INVALID_RECORD`: a record failed the schema it is shared under.
 * - `SHARE_WRONG_DEPARTMENT`: the actor is not in the agreement's provider department (or, for
 *   `planShare` with an actor, the recipient), nor a data steward; or a record belongs to
 *   another department than the provider.
 * - `SHARE_RESHARING_FORBIDDEN`: the input was received under an agreement with `noResharing`.
 * - `SHARE_UNTAGGED_FIELD`: a schema field has no classification metadata (deny by default).
 * - `SHARE_SCHEMA_MISMATCH`: the schema is named like a standard record but classifies a field
 *   lower than the standard does.
 * - `SHARE_KEY_REFUSED`: the pseudonym key is missing where a rule needs it, or under 32 bytes.
 */
export const AUDIT_ERROR_CODES = [
  'INVALID_EVENT',
  'EVENT_TOO_LARGE',
  'INVALID_OPTIONS',
  'QUEUE_FULL',
  'STORE_UNAVAILABLE',
  'LOG_CLOSED',
  'STORE_CORRUPT',
  'STORE_LOCKED',
  'CHAIN_CONFLICT',
  'INVALID_CHECKPOINT',
  'TRUST_REQUIRED',
  'INVALID_SOURCE',
  'VERIFY_WORKER_FAILED',
  'INVALID_CURSOR',
  'INVALID_AGREEMENT',
  'SHARE_PURPOSE_NOT_ALLOWED',
  'SHARE_AGREEMENT_NOT_YET_VALID',
  'SHARE_AGREEMENT_EXPIRED',
  'SHARE_WRONG_RECIPIENT',
  'SHARE_ABOVE_CEILING',
  'SHARE_DATASET_NOT_COVERED',
  'SHARE_INVALID_RECORD',
  'SHARE_WRONG_DEPARTMENT',
  'SHARE_RESHARING_FORBIDDEN',
  'SHARE_UNTAGGED_FIELD',
  'SHARE_SCHEMA_MISMATCH',
  'SHARE_KEY_REFUSED',
] as const;

/** One of {@link AUDIT_ERROR_CODES}. */
export type AuditErrorCode = (typeof AUDIT_ERROR_CODES)[number];

/** A validation problem, shaped like a zod issue (`path` says where). */
export interface AuditIssue {
  code: string;
  path: PropertyKey[];
  message: string;
}

/**
 * The one error class of `@cityofboston/audit-log`. Switch on `code`, never on the message.
 *
 * @example
 * ```ts
 * try {
 *   await log.record(event);
 * } catch (error) {
 *   if (error instanceof AuditLogError && error.code === 'STORE_UNAVAILABLE') {
 *     // refuse the operation that needed an audit trail
 *   }
 * }
 * ```
 */
export class AuditLogError extends Error {
  override readonly name = 'AuditLogError';
  /** What went wrong, one of {@link AUDIT_ERROR_CODES}. */
  readonly code: AuditErrorCode;
  /** Validation issues, for `INVALID_EVENT`, `INVALID_AGREEMENT` and `SHARE_INVALID_RECORD`. */
  readonly issues: readonly AuditIssue[];

  constructor(
    code: AuditErrorCode,
    message: string,
    options: { cause?: unknown; issues?: readonly AuditIssue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/** True when `error` is an {@link AuditLogError}, optionally with the given code. */
export function isAuditLogError(error: unknown, code?: AuditErrorCode): error is AuditLogError {
  return error instanceof AuditLogError && (code === undefined || error.code === code);
}
