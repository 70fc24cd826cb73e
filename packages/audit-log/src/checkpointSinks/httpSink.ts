import { AuditLogError } from '../errors';
import type { SignedCheckpoint } from '../note/checkpointNote';
import type { CheckpointSink } from './sink';

export interface HttpSinkOptions {
  /** Extra request headers (e.g. an Authorization header for the receiving service). */
  headers?: Record<string, string>;
  /** Give up after this long (default 10,000 ms). */
  timeoutMs?: number;
  /** A fetch implementation (default the global one). */
  fetch?: typeof fetch;
}

/**
 * A sink that POSTs each signed checkpoint note (`text/plain; charset=utf-8`) to `url`: a
 * service in another trust domain that keeps them, or a witness. Any 2xx answer is success; a
 * redirect is a failure (following it would send a GET without the note).
 *
 * @example
 * ```ts
 * httpSink('https://checkpoints.example.gov/audit/case-desk', { headers: { authorization: `Bearer ${token}` } });
 * ```
 */
export function httpSink(url: string, options: HttpSinkOptions = {}): CheckpointSink {
  let target: URL;
  try {
    target = new URL(url);
  } catch (error) {
    throw new AuditLogError('INVALID_OPTIONS', `httpSink: ${JSON.stringify(url)} is not a URL`, {
      cause: error,
    });
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new AuditLogError('INVALID_OPTIONS', 'httpSink: the URL must be http(s)');
  }
  const doFetch = options.fetch ?? fetch;
  return {
    name: `http:${target.origin}${target.pathname}`,
    async publish(cp: SignedCheckpoint) {
      const response = await doFetch(target, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8', ...options.headers },
        body: cp.note,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        // A redirect would turn the POST into a GET without the note (301, 302, 303) and its 2xx
        // would pass for success: the note would be lost. It is a failure, naming where to.
        redirect: 'manual',
      });
      await response.body?.cancel().catch(() => {});
      if (response.status >= 300 && response.status < 400) {
        throw new AuditLogError(
          'STORE_UNAVAILABLE',
          `checkpoint sink ${target.origin}${target.pathname} answered with a redirect (${response.status}${response.headers.get('location') ? ` to ${response.headers.get('location')}` : ''}); configure the sink with the final URL`,
        );
      }
      if (!response.ok) {
        throw new AuditLogError(
          'STORE_UNAVAILABLE',
          `checkpoint sink ${target.origin}${target.pathname} answered ${response.status}`,
        );
      }
    },
  };
}
