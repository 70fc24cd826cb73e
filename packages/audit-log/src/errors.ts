/**
 * Every error code this package throws, as documented constants.
 *
 * - `INVALID_EVENT`: an event failed validation against `AuditEventInput` or is not JSON.
 * - `INVALID_OPTIONS`: a factory (`createAuditLog`, a store, `share`) got unusable options.
 * - `QUEUE_FULL`: the bounded queue is full; the event was not accepted (backpressure).
 * - `STORE_UNAVAILABLE`: the store kept failing after the bounded retries; the event is not
 *   recorded (the log fails closed, it never drops silently).
 * - `LOG_CLOSED`: `record()` after `close()`.
 * - `STORE_CORRUPT`: a store's bytes cannot be read back as a chain (not a torn last line,
 *   which is repaired).
 * - `CHAIN_CONFLICT`: the store's head moved under a writer that assumed it owned the chain.
 * - `INVALID_CHECKPOINT`: a checkpoint is malformed or its signature does not verify.
 * - `TRUST_REQUIRED`: `verify()` without a trusted key and a trusted checkpoint, and without
 *   `allowUnsigned`.
 * - `INVALID_SOURCE`: `verify()` or the CLI got a source it cannot read.
 * - `INVALID_CURSOR`: a `query()` cursor that this store did not issue.
 * - `INVALID_AGREEMENT`: a data-sharing agreement failed the `DataSharingAgreement` schema.
 * - `SHARE_PURPOSE_NOT_ALLOWED`: `share()` for a purpose the agreement does not list.
 * - `SHARE_AGREEMENT_NOT_YET_VALID` / `SHARE_AGREEMENT_EXPIRED`: outside the agreement's dates.
 * - `SHARE_WRONG_RECIPIENT`: the recipient is not the agreement's recipient.
 * - `SHARE_ABOVE_CEILING`: a field classified above the agreement's ceiling would be shared.
 * - `SHARE_DATASET_NOT_COVERED`: the dataset is not one the agreement covers.
 * - `SHARE_INVALID_RECORD`: a record failed the schema it is shared under.
 */
export const AUDIT_ERROR_CODES = [
  'INVALID_EVENT',
  'INVALID_OPTIONS',
  'QUEUE_FULL',
  'STORE_UNAVAILABLE',
  'LOG_CLOSED',
  'STORE_CORRUPT',
  'CHAIN_CONFLICT',
  'INVALID_CHECKPOINT',
  'TRUST_REQUIRED',
  'INVALID_SOURCE',
  'INVALID_CURSOR',
  'INVALID_AGREEMENT',
  'SHARE_PURPOSE_NOT_ALLOWED',
  'SHARE_AGREEMENT_NOT_YET_VALID',
  'SHARE_AGREEMENT_EXPIRED',
  'SHARE_WRONG_RECIPIENT',
  'SHARE_ABOVE_CEILING',
  'SHARE_DATASET_NOT_COVERED',
  'SHARE_INVALID_RECORD',
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
