import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';

/** The app's JSON logger: one line per event, to `write` (default standard output). */
export function createLogger(write?: (line: string) => void) {
  return pino(
    { base: { app: '311-case-desk' }, timestamp: pino.stdTimeFunctions.isoTime },
    write ? { write: (chunk: string) => write(chunk.trimEnd()) } : undefined,
  );
}
/** The app's logger. */
export type Logger = ReturnType<typeof createLogger>;

const SAFE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * One JSON line per request with its request id (the caller's `X-Request-Id` when it is a plain
 * token, else a new UUID, echoed back in the response). Paths only: query strings, headers and
 * bodies can carry personal data, so they are not logged.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessMessage: (req, res, ms) =>
      `${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode} ${Math.round(ms)}ms`,
    customErrorMessage: (req, res) =>
      `${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode}`,
  });
}
