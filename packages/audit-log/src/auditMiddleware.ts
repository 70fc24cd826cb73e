import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditLog, RecordInput } from './createAuditLog';
import { type Actor, auditProblem, httpEvent } from './internal/httpEvent';

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
  /**
   * Hold the response until its event is recorded, and answer 503 (`application/problem+json`)
   * instead when it cannot be (default `true`, for every request): a response whose access cannot
   * be accounted for is not sent. Pass a predicate to fail closed only for some requests (those
   * that read or change constituents' data); the others are recorded after they finish, and a
   * failure then only reaches `onError`.
   */
  failClosed?: boolean | ((req: Req) => boolean);
  /** A record that failed (store down); with fail-closed the client got a 503. Log or alert here. */
  onError?: (error: unknown, event: RecordInput) => void;
}

type Next = (error?: unknown) => void;

function pathOf(req: AuditRequest): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const q = url.indexOf('?'); // query strings often carry personal data: never recorded
  return q >= 0 ? url.slice(0, q) : url;
}

type Method = (...args: unknown[]) => unknown;

/**
 * Express (4 and 5) middleware that records one API activity event per request: the actor from
 * your resolver, `api.<method>` on the route, the outcome from the status (401/403 are
 * `denied`), client IP, user agent, W3C trace id. Query strings are never recorded.
 *
 * By default it fails closed: when the handler starts its response (the status is known then),
 * the response is held until the event is durable, and if the log cannot record it (the store
 * is down, the queue is full) the client gets `503` with an `application/problem+json` body
 * instead of the handler's response. The handler has run by then, so a change it made stands;
 * the 503 and `onError` say it is unaudited.
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
  const failClosed = options.failClosed ?? true;
  return (req, res, next) => {
    if (options.filter && !options.filter(req)) {
      next();
      return;
    }
    const started = performance.now();
    let event: RecordInput | undefined;

    const build = async (status: number, aborted: boolean): Promise<RecordInput> => {
      const actor = await options.resolveActor(req);
      event = httpEvent({
        actor,
        method: req.method ?? 'GET',
        path: pathOf(req),
        route: typeof req.route?.path === 'string' ? req.route.path : undefined,
        status,
        ip: req.ip ?? req.socket?.remoteAddress,
        userAgent: req.headers['user-agent'],
        traceparent: req.headers.traceparent as string | undefined,
        durationMs: performance.now() - started,
        ...(options.action ? { action: options.action(req) } : {}),
        purpose: options.purpose?.(req),
        ...(aborted ? { reason: 'client closed the connection before the response finished' } : {}),
      });
      return event;
    };

    const closed = typeof failClosed === 'function' ? failClosed(req) : failClosed;
    if (!closed) {
      // Recorded after the fact: the response is already out, so a failure only reaches onError.
      let done = false;
      const finish = (aborted: boolean) => {
        if (done) return;
        done = true;
        void build(aborted ? 499 : res.statusCode, aborted)
          .then((e) => log.record(e))
          .catch((error: unknown) => onError(error, event as RecordInput));
      };
      res.once('finish', () => finish(false));
      res.once('close', () => finish(!res.writableFinished));
      next();
      return;
    }

    // Fail closed: the first call that would send the status line (writeHead, write, end,
    // flushHeaders) opens a gate; it and every call after it wait until the event is recorded,
    // then run in order. If recording fails, they are dropped and a 503 goes out instead.
    const target = res as unknown as Record<string, Method>;
    const original = {
      writeHead: target.writeHead as Method,
      write: target.write as Method,
      end: target.end as Method,
      flushHeaders: target.flushHeaders as Method,
    };
    type Name = keyof typeof original;
    let state: 'open' | 'waiting' | 'passed' | 'refused' = 'open';
    const queued: Array<[Name, unknown[]]> = [];
    const restore = () => {
      for (const name of Object.keys(original) as Name[]) target[name] = original[name];
    };
    const gate = (name: Name) =>
      function (this: ServerResponse, ...args: unknown[]): unknown {
        if (state === 'passed') return original[name].apply(res, args);
        if (state === 'refused') return name === 'write' ? false : res;
        queued.push([name, args]);
        if (state === 'open') {
          state = 'waiting';
          // writeHead(status) names the status itself; otherwise it is what the handler set.
          const status =
            name === 'writeHead' && typeof args[0] === 'number' ? args[0] : res.statusCode;
          void build(status, false)
            .then((e) => log.record(e))
            .then(
              () => {
                state = 'passed';
                restore();
                for (const [n, a] of queued.splice(0)) original[n].apply(res, a);
              },
              (error: unknown) => {
                state = 'refused';
                restore();
                queued.length = 0;
                onError(error, event as RecordInput);
                refuse(res, error);
              },
            );
        }
        return name === 'write' ? true : res;
      };
    for (const name of Object.keys(original) as Name[]) target[name] = gate(name);
    // A client that leaves before any response still leaves a trace (best effort: no one to tell).
    res.once('close', () => {
      if (state !== 'open') return;
      state = 'passed';
      restore();
      void build(499, true)
        .then((e) => log.record(e))
        .catch((error: unknown) => onError(error, event as RecordInput));
    });
    next();
  };
}

/** The fail-closed answer: 503 problem+json, with none of the handler's headers. */
function refuse(res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  const body = JSON.stringify(auditProblem(error));
  res.writeHead(503, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'retry-after': '5',
  });
  res.end(body);
}
