import type { NextFunction, Request, Response } from 'express';

/** The codes this app's API answers with; clients may rely on them. */
export const APP_ERROR_CODES = {
  invalid_body: 400,
  invalid_json: 400,
  body_too_large: 413,
  forbidden: 403,
  not_found: 404,
  internal_error: 500,
} as const;
/** One of the keys of {@link APP_ERROR_CODES}. */
export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** An API error with its code; the problem handler turns it into RFC 9457 problem+json. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;
  constructor(
    code: AppErrorCode,
    message: string,
    options: { issues?: { path: string; message: string }[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
  }
  get status(): number {
    return APP_ERROR_CODES[this.code];
  }
}

/** Any error to problem+json; never a stack trace or personal data in the answer or the log. */
export function problemHandler(error: unknown, req: Request, res: Response, _next: NextFunction) {
  const type = (error as { type?: string }).type;
  const e =
    error instanceof AppError
      ? error
      : type === 'entity.parse.failed'
        ? new AppError('invalid_json', 'The request body is not valid JSON')
        : type === 'entity.too.large'
          ? new AppError('body_too_large', 'The request body is larger than 16 kB')
          : new AppError('internal_error', 'Something went wrong on our side', { cause: error });
  if (e.code === 'internal_error') {
    console.error(`[app] ${req.method} ${req.path}: ${(error as Error)?.name ?? 'error'}`);
  }
  if (res.headersSent) return;
  res
    .status(e.status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: 'about:blank',
        status: e.status,
        title: e.message,
        code: e.code,
        instance: req.originalUrl.split('?')[0],
        ...(e.issues ? { errors: e.issues } : {}),
      }),
    );
}
