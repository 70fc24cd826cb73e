import type { NextFunction, Request, Response } from 'express';
import { CaseDeskError } from '../CaseDeskError';

/** Turns any error into RFC 9457 problem+json; never leaks a stack or personal data. */
export function problemHandler(
  error: unknown,
  req: Request,
  res: Response,
  _next: NextFunction,
): void {
  let e: CaseDeskError;
  if (error instanceof CaseDeskError) e = error;
  else if ((error as { type?: string }).type === 'entity.parse.failed') {
    e = new CaseDeskError('invalid_json', 'The request body is not valid JSON', { cause: error });
  } else if ((error as { type?: string }).type === 'entity.too.large') {
    e = new CaseDeskError('body_too_large', 'The request body is larger than 16 kB', {
      cause: error,
    });
  } else if (
    (error as { status?: number }).status === 400 ||
    (error as { status?: number }).status === 415
  ) {
    e = new CaseDeskError('invalid_body', 'The request body could not be read', { cause: error });
  } else {
    e = new CaseDeskError('internal_error', 'Something went wrong on our side', { cause: error });
    // Name and code only: a message or stack can carry the personal data of the request.
    const line = `${req.method} ${req.path}: ${(error as Error)?.name ?? 'error'} ${(error as { code?: string }).code ?? ''}`;
    const log = (req as { log?: { error(msg: string): void } }).log;
    if (log) log.error(line);
    else console.error(`[case-desk] ${line}`);
  }
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(e.headers)) res.setHeader(name, value);
  res
    .status(e.status)
    .type('application/problem+json')
    .send(JSON.stringify(e.toProblem(req.originalUrl.split('?')[0])));
}
