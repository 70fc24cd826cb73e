/** Why `create-app` refused; each code is documented in the README. */
export const CREATE_APP_ERROR_CODES = [
  'invalid_name',
  'unknown_department',
  'unknown_template',
  'unknown_database',
  'target_not_empty',
  'missing_option',
  'cancelled',
] as const;

/** One of {@link CREATE_APP_ERROR_CODES}. */
export type CreateAppErrorCode = (typeof CREATE_APP_ERROR_CODES)[number];

/** The one error `create-app` throws: a code for scripts and a message for people. */
export class CreateAppError extends Error {
  readonly code: CreateAppErrorCode;
  constructor(code: CreateAppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CreateAppError';
    this.code = code;
  }
}
