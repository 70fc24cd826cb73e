import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditLog, RecordInput } from './createAuditLog';
import { type Actor, httpEvent } from './internal/httpEvent';

/** The parts of an Express request the middleware reads (no Express import needed). */
export type AuditRequest = IncomingMessage & {
  originalUrl?: string | undefined;
  path?: string | undefined;
  ip?: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: Express types `route` as any.
  route?: any;
};

export interface AuditMiddlewareOptions<Req> {
  /** Who made the request (from your session or token); `undefined` records `anonymous`. */
  resolveActor: (req: Req) => Actor | undefined | Promise<Actor | undefined>;
  /** The action to record (default `api.<method>`, e.g. `api.get`). */
  action?: (req: Req) => string;
  /** Why the data is accessed (purpose limitation), e.g. from a header. */
  purpose?: (req: Req) => string | undefined;
  /** Record this request at all (default: every request). */
  filter?: (req: Req) => boolean;
  /** A record that failed (store down): the response is already sent, so log or alert here. */
  onError?: (error: unknown, event: RecordInput) => void;
}

type Next = (error?: unknown) => void;

function pathOf(req: AuditRequest): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const q = url.indexOf('?'); // query strings often carry personal data: never recorded
  return q >= 0 ? url.slice(0, q) : url;
}

/**
 * Express (4 and 5) middleware that records one API activity event per request when the
 * response finishes: the actor from your resolver, `api.<method>` on the route, the outcome from
 * the status (401/403 are `denied`), client IP, user agent, W3C trace id. Query strings are
 * never recorded.
 *
 * @example
 * ```ts
 * app.use(auditMiddleware(log, { resolveActor: (req) => req.user && { type: 'user', id: req.user.sub } }));
 * ```
 */
export function auditMiddleware<Req extends AuditRequest = AuditRequest>(
  log: AuditLog,
  options: AuditMiddlewareOptions<Req>,
): (req: Req, res: ServerResponse, next: Next) => void {
  const onError =
    options.onError ??
    ((error: unknown) => console.error('[audit-log] could not record a request', error));
  return (req, res, next) => {
    if (options.filter && !options.filter(req)) {
      next();
      return;
    }
    const started = performance.now();
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      void (async () => {
        let event: RecordInput | undefined;
        try {
          const actor = await options.resolveActor(req);
          event = httpEvent({
            actor,
            method: req.method ?? 'GET',
            path: pathOf(req),
            route: typeof req.route?.path === 'string' ? req.route.path : undefined,
            status: aborted ? 499 : res.statusCode,
            ip: req.ip ?? req.socket?.remoteAddress,
            userAgent: req.headers['user-agent'],
            traceparent: req.headers.traceparent as string | undefined,
            durationMs: performance.now() - started,
            ...(options.action ? { action: options.action(req) } : {}),
            purpose: options.purpose?.(req),
            ...(aborted
              ? { reason: 'client closed the connection before the response finished' }
              : {}),
          });
          await log.record(event);
        } catch (error) {
          onError(error, event as RecordInput);
        }
      })();
    };
    res.once('finish', () => finish(false));
    res.once('close', () => finish(!res.writableFinished));
    next();
  };
}
