/** The codes this app's API answers with; clients may rely on them. */
export const APP_ERROR_CODES = {
  invalid_body: 400,
  invalid_json: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  forbidden: 403,
  not_found: 404,
  internal_error: 500,
} as const;
/** One of the keys of {@link APP_ERROR_CODES}. */
export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** An API error with its code; {@link problemResponse} turns it into RFC 9457 problem+json. */
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
export function problemResponse(error: unknown, request: Request): Response {
  const e =
    error instanceof AppError
      ? error
      : new AppError('internal_error', 'Something went wrong on our side', { cause: error });
  const path = new URL(request.url).pathname;
  if (e.code === 'internal_error') {
    console.error(`[app] ${request.method} ${path}: ${(error as Error)?.name ?? 'error'}`);
  }
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      status: e.status,
      title: e.message,
      code: e.code,
      instance: path,
      ...(e.issues ? { errors: e.issues } : {}),
    }),
    {
      status: e.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    },
  );
}

/** The JSON body of a request, at most `limit` bytes; problems as {@link AppError}s. */
export async function readJson(request: Request, limit = 16 * 1024): Promise<unknown> {
  if (!/^application\/json\b/.test(request.headers.get('content-type') ?? '')) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit)
    throw new AppError('body_too_large', 'The request body is larger than 16 kB');
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > limit) {
    throw new AppError('body_too_large', 'The request body is larger than 16 kB');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
}
