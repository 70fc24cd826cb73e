/**
 * Every `code` a {@link StandardsSchemaError} can carry.
 *
 * - `UNKNOWN_CLASSIFICATION`: a value that is not one of the four classification levels.
 * - `INVALID_FIELD_META`: `classified()` was given metadata that does not match `FieldMeta`.
 * - `INVALID_CLEARANCE`: `redact()` was given a clearance that is not a classification level.
 * - `INVALID_OPTIONS`: a function was given options it cannot use (a negative count, a bad seed).
 * - `UNSUPPORTED_SCHEMA`: a helper met a zod schema kind it cannot handle (e.g. `fake` of a
 *   custom refinement with no generator).
 * - `UNKNOWN_SCHEMA`: a schema name (CLI, JSON Schema lookup) that this package does not export.
 * - `AMBIGUOUS_LOCAL_TIME`: a local America/New_York time that occurs twice (the autumn hour).
 * - `NONEXISTENT_LOCAL_TIME`: a local America/New_York time skipped by the spring change.
 * - `INVALID_DATE_TIME`: a string that is not an RFC 3339 date-time or a local date-time.
 * - `PROJECTION_FAILED`: a coordinate that cannot be converted between WGS84 and state plane.
 * - `INVALID_INPUT`: input data that cannot be read at all (bad JSON, CSV with no header).
 */
export const STANDARDS_SCHEMA_ERROR_CODES = [
  'UNKNOWN_CLASSIFICATION',
  'INVALID_FIELD_META',
  'INVALID_CLEARANCE',
  'INVALID_OPTIONS',
  'UNSUPPORTED_SCHEMA',
  'UNKNOWN_SCHEMA',
  'AMBIGUOUS_LOCAL_TIME',
  'NONEXISTENT_LOCAL_TIME',
  'INVALID_DATE_TIME',
  'PROJECTION_FAILED',
  'INVALID_INPUT',
] as const;

/** One of {@link STANDARDS_SCHEMA_ERROR_CODES}. */
export type StandardsSchemaErrorCode = (typeof STANDARDS_SCHEMA_ERROR_CODES)[number];

/**
 * The one error class this package throws (validation itself returns zod issues instead).
 * Branch on `code`, never on the message.
 *
 * @example
 * ```ts
 * try {
 *   redact(Principal, principal, { clearance: 'secret' as Classification });
 * } catch (error) {
 *   if (error instanceof StandardsSchemaError && error.code === 'INVALID_CLEARANCE') {
 *     // ...
 *   }
 * }
 * ```
 */
export class StandardsSchemaError extends Error {
  /** What went wrong, as a stable constant. */
  readonly code: StandardsSchemaErrorCode;

  constructor(code: StandardsSchemaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StandardsSchemaError';
    this.code = code;
  }
}
