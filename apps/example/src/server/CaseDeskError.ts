/**
 * The error codes the Case Desk API answers with, as the `code` member of its RFC 9457
 * problem+json bodies. Security-relevant refusals have their own code so tests and audit
 * readers can tell them apart.
 */
export const CASE_DESK_ERROR_CODES = [
  'invalid_json',
  'invalid_body',
  'invalid_query',
  'invalid_path',
  'body_too_large',
  'not_found',
  'close_forbidden',
  'forbidden',
  'version_conflict',
  'invalid_transition',
  'idempotency_key_reused',
  'invalid_header',
  'rate_limited',
  'share_refused',
  'field_not_shared',
  'unknown_agreement',
  'invalid_configuration',
  'audit_unverifiable',
  'internal_error',
] as const;

/** One of {@link CASE_DESK_ERROR_CODES}. */
export type CaseDeskErrorCode = (typeof CASE_DESK_ERROR_CODES)[number];

const STATUS: Record<CaseDeskErrorCode, number> = {
  invalid_json: 400,
  invalid_body: 400,
  invalid_query: 400,
  invalid_path: 400,
  body_too_large: 413,
  not_found: 404,
  close_forbidden: 403,
  forbidden: 403,
  version_conflict: 412,
  invalid_transition: 409,
  idempotency_key_reused: 422,
  invalid_header: 400,
  rate_limited: 429,
  share_refused: 403,
  field_not_shared: 403,
  unknown_agreement: 404,
  invalid_configuration: 500,
  audit_unverifiable: 503,
  internal_error: 500,
};

/** A field-level problem, as listed in a problem+json `errors` member. */
export interface ProblemIssue {
  /** Where, e.g. `note` or `status`. */
  path: string;
  message: string;
}

/** The app's one error class: a `code`, the HTTP status it maps to, issues and a `cause`. */
export class CaseDeskError extends Error {
  readonly code: CaseDeskErrorCode;
  readonly status: number;
  readonly issues: ProblemIssue[];
  /** Extra members of the problem body (e.g. the current `version` of a conflicting case). */
  readonly extra: Record<string, unknown>;
  /** Response headers that go with the problem (e.g. `ETag`, `Retry-After`). */
  readonly headers: Record<string, string>;

  constructor(
    code: CaseDeskErrorCode,
    message: string,
    options: {
      cause?: unknown;
      issues?: ProblemIssue[];
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CaseDeskError';
    this.code = code;
    this.status = STATUS[code];
    this.issues = options.issues ?? [];
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  /** The RFC 9457 problem details body. */
  toProblem(instance?: string): Record<string, unknown> {
    return {
      type: `https://city-sdk.boston.gov/problems/${this.code}`,
      title: this.message,
      status: this.status,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...(this.issues.length > 0 ? { errors: this.issues } : {}),
      ...this.extra,
    };
  }
}
