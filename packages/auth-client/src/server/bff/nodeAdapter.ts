// Node and Express: fetch `Request`s from `IncomingMessage`s, and `Response`s written back.
import type { NodeMiddleware, NodeRequestLike, NodeResponseLike } from '../createBff.types';
import type { BffContext } from './context';

/** Express middleware serving the auth routes under `basePath` and passing other paths on. */
export function authRoutesMiddleware(
  ctx: BffContext,
  handle: (request: Request) => Promise<Response>,
): NodeMiddleware {
  return (req, res, next) => {
    const path = (req.originalUrl ?? req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith(`${ctx.basePath}/`)) {
      next();
      return;
    }
    handle(toRequest(req, ctx.origin, true))
      .then((response) => writeResponse(res, response))
      .catch(next);
  };
}

export function appendHeader(res: NodeResponseLike, name: string, value: string): void {
  if (res.appendHeader) {
    res.appendHeader(name, value);
    return;
  }
  const existing = res.getHeader(name);
  const list =
    existing === undefined
      ? []
      : Array.isArray(existing)
        ? existing.map(String)
        : [String(existing)];
  res.setHeader(name, [...list, value]);
}

/** A fetch `Request` for a Node/Express request (body streamed unless a body parser consumed it). */
export function toRequest(req: NodeRequestLike, origin: string, withBody: boolean): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (withBody && method !== 'GET' && method !== 'HEAD') {
    if (req.readableEnded && req.body && typeof req.body === 'object') {
      init.body = new URLSearchParams(req.body as Record<string, string>).toString();
    } else {
      // Pulled on demand: only what a route reads is buffered, never the whole body.
      const it = req[Symbol.asyncIterator]();
      init.body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { done, value } = await it.next();
          if (done) controller.close();
          else
            controller.enqueue(
              typeof value === 'string' ? new TextEncoder().encode(value) : (value as Uint8Array),
            );
        },
        cancel() {
          // Discard the rest as it arrives, as Node does for an unread body: destroying the
          // request here would reset the socket before the 413 reaches the client.
          void (async () => {
            for (;;) if ((await it.next()).done) break;
          })().catch(() => {});
        },
      });
      init.duplex = 'half';
    }
  }
  return new Request(new URL(req.originalUrl ?? req.url ?? '/', origin), init);
}

export async function writeResponse(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  res.end(body);
}
