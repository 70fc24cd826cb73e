import type { AuditLog, RecordInput } from './createAuditLog';
import { type Actor, auditProblem, httpEvent } from './internal/httpEvent';

export interface WithAuditOptions {
  resolveActor: (request: Request) => Actor | undefined | Promise<Actor | undefined>;
  /** The action to record (default `api.<method>`). */
  action?: (request: Request) => string;
  purpose?: (request: Request) => string | undefined;
  /** The route pattern to record as the target (default: the path). */
  route?: (request: Request) => string | undefined;
  /** The client IP, which a fetch Request does not carry (e.g. from your server's socket). */
  clientIp?: (request: Request) => string | undefined;
  /**
   * When the event cannot be recorded, answer 503 (`application/problem+json`) instead of the
   * handler's response (default `true`): a response whose access cannot be accounted for is not
   * sent. A predicate fails closed only for the requests it picks (those that read or change
   * constituents' data).
   */
  failClosed?: boolean | ((request: Request) => boolean);
  onError?: (error: unknown, event: RecordInput) => void;
}

/**
 * Wraps a fetch-standard handler (`(request) => Response`, as in Hono, Next.js route handlers,
 * Deno, Bun, or Node's `Request`/`Response`) so every request records one API activity event
 * before the response is returned; fails closed with 503 when the log cannot record.
 *
 * @example
 * ```ts
 * export const GET = withAudit(log, async () => Response.json(await loadCase()), {
 *   resolveActor: async (req) => ({ type: 'user', id: await userIdFrom(req) }),
 * });
 * ```
 */
export function withAudit<Args extends unknown[]>(
  log: AuditLog,
  handler: (request: Request, ...rest: Args) => Response | Promise<Response>,
  options: WithAuditOptions,
): (request: Request, ...rest: Args) => Promise<Response> {
  const failClosed = options.failClosed ?? true;
  return async (request, ...rest) => {
    const started = performance.now();
    let response: Response | undefined;
    let thrown: unknown;
    try {
      response = await handler(request, ...rest);
    } catch (error) {
      thrown = error;
    }
    const url = new URL(request.url);
    let event: RecordInput | undefined;
    try {
      event = httpEvent({
        actor: await options.resolveActor(request),
        method: request.method,
        path: url.pathname,
        route: options.route?.(request),
        status: response?.status ?? 500,
        ip: options.clientIp?.(request),
        userAgent: request.headers.get('user-agent') ?? undefined,
        traceparent: request.headers.get('traceparent') ?? undefined,
        durationMs: performance.now() - started,
        ...(options.action ? { action: options.action(request) } : {}),
        purpose: options.purpose?.(request),
        ...(thrown === undefined ? {} : { reason: 'the handler threw' }),
      });
      await log.record(event);
    } catch (error) {
      options.onError?.(error, event as RecordInput);
      const closed = typeof failClosed === 'function' ? failClosed(request) : failClosed;
      if (closed && thrown === undefined) {
        return new Response(JSON.stringify(auditProblem(error)), {
          status: 503,
          headers: {
            'content-type': 'application/problem+json',
            'cache-control': 'no-store',
            'retry-after': '5',
          },
        });
      }
    }
    if (thrown !== undefined) throw thrown;
    return response as Response;
  };
}
