import { isIP } from 'node:net';
import type { RecordInput } from '../createAuditLog';
import { isAuditLogError } from '../errors';

export type Actor = RecordInput['actor'];

/** An IP the schema accepts: v4-mapped v6 becomes plain v4; anything else is left out. */
export function cleanIp(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const ip = raw.startsWith('::ffff:') && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw;
  return isIP(ip) ? ip : undefined;
}

/** The trace id of a W3C `traceparent` header, if well formed. */
export function traceIdOf(traceparent: string | undefined | null): string | undefined {
  const m = traceparent
    ? /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceparent.trim())
    : null;
  return m?.[1] && !/^0+$/.test(m[1]) ? m[1] : undefined;
}

export function outcomeOf(status: number): RecordInput['outcome'] {
  if (status === 401 || status === 403) return 'denied';
  return status < 400 ? 'success' : 'failure';
}

export const ANONYMOUS: Actor = { type: 'user', id: 'anonymous' };

export function httpEvent(input: {
  actor: Actor | undefined;
  method: string;
  path: string;
  route: string | undefined;
  status: number;
  ip: string | undefined;
  userAgent: string | undefined;
  traceparent: string | undefined;
  durationMs: number;
  action?: string;
  purpose?: string | undefined;
  reason?: string;
}): RecordInput {
  const method = input.method.toUpperCase();
  const ip = cleanIp(input.ip);
  const traceId = traceIdOf(input.traceparent);
  const source: NonNullable<RecordInput['source']> = {};
  if (ip) source.ip = ip;
  if (input.userAgent) source.userAgent = input.userAgent;
  return {
    actor: input.actor ?? ANONYMOUS,
    action: input.action ?? `api.${method.toLowerCase()}`,
    target: { type: 'route', id: input.route ?? input.path },
    outcome: outcomeOf(input.status),
    ...(Object.keys(source).length ? { source } : {}),
    ...(traceId ? { traceId } : {}),
    ...(input.purpose ? { purpose: input.purpose } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    details: {
      method,
      path: input.path,
      status: input.status,
      durationMs: Math.round(input.durationMs),
    },
  };
}

/**
 * The RFC 9457 problem both middlewares answer with (status 503) when they fail closed: the
 * request could not be recorded in the audit log, so its response is withheld. The `type` is a
 * URN per code, as the City's other packages spell theirs.
 */
export function auditProblem(error: unknown): {
  type: string;
  title: string;
  status: 503;
  detail: string;
  code: string;
} {
  const code = isAuditLogError(error) ? error.code : 'STORE_UNAVAILABLE';
  return {
    type: `urn:cityofboston:audit:${code}`,
    title: 'Audit log unavailable',
    status: 503,
    detail: 'The request could not be recorded in the audit log, so its response is withheld.',
    code,
  };
}
