import { AuditLogError } from '../errors';
import type { AuditQuery } from '../store';
import type { SealedEvent } from './chain';

export interface NormalizedQuery {
  actor?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  fromMs?: number;
  toMs?: number;
  limit: number;
  afterSeq?: number;
  /** The last event id of the previous page (stores that page by id: the SQL stores). */
  afterId?: string;
  order: 'asc' | 'desc';
}

function toMs(value: string | Date, where: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new AuditLogError('INVALID_OPTIONS', `query: ${where} is not a date: ${String(value)}`);
  }
  return ms;
}

export function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ s: seq })).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof parsed.s === 'number' && Number.isSafeInteger(parsed.s) && parsed.s >= 0) {
      return parsed.s;
    }
  } catch {
    // fall through to the error below
  }
  throw new AuditLogError(
    'INVALID_CURSOR',
    `query: cursor ${JSON.stringify(cursor)} is not one this store issued`,
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A cursor after the event with this id (the SQL stores page in id order). */
export function encodeIdCursor(id: string): string {
  return Buffer.from(JSON.stringify({ i: id })).toString('base64url');
}

export function decodeIdCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { i?: unknown };
    if (typeof parsed.i === 'string' && UUID.test(parsed.i)) return parsed.i;
  } catch {
    // fall through to the error below
  }
  throw new AuditLogError(
    'INVALID_CURSOR',
    `query: cursor ${JSON.stringify(cursor)} is not one this store issued`,
  );
}

/**
 * Checks a query and decodes its cursor: a seq cursor by default (memory and JSONL stores page
 * in seq order), an id cursor with `byId` (SQL stores page in id order).
 */
export function normalizeQuery(query: AuditQuery, byId = false): NormalizedQuery {
  const { limit } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      `query: limit must be an integer from 1 to 10000, got ${String(limit)}`,
    );
  }
  const out: NormalizedQuery = { limit, order: query.order ?? 'asc' };
  if (query.actor !== undefined) out.actor = query.actor;
  if (query.targetType !== undefined) out.targetType = query.targetType;
  if (query.targetId !== undefined) out.targetId = query.targetId;
  if (query.action !== undefined) out.action = query.action;
  if (query.from !== undefined) out.fromMs = toMs(query.from, 'from');
  if (query.to !== undefined) out.toMs = toMs(query.to, 'to');
  if (query.cursor !== undefined) {
    if (byId) out.afterId = decodeIdCursor(query.cursor);
    else out.afterSeq = decodeCursor(query.cursor);
  }
  return out;
}

export function matches(event: SealedEvent, q: NormalizedQuery): boolean {
  if (q.actor !== undefined && event.actor.id !== q.actor) return false;
  if (q.action !== undefined && event.action !== q.action) return false;
  if (q.targetType !== undefined && event.target?.type !== q.targetType) return false;
  if (q.targetId !== undefined && event.target?.id !== q.targetId) return false;
  if (q.fromMs !== undefined || q.toMs !== undefined) {
    const t = Date.parse(event.time);
    if (q.fromMs !== undefined && t < q.fromMs) return false;
    if (q.toMs !== undefined && t >= q.toMs) return false;
  }
  if (q.afterSeq !== undefined) {
    const seq = event.integrity.seq;
    if (q.order === 'asc' ? seq <= q.afterSeq : seq >= q.afterSeq) return false;
  }
  return true;
}

/** Pages through events already in memory (memory and JSONL stores). */
export function queryArray(events: readonly SealedEvent[], query: AuditQuery) {
  const q = normalizeQuery(query);
  const out: SealedEvent[] = [];
  const n = events.length;
  let more = false;
  for (let k = 0; k < n; k++) {
    const event = events[q.order === 'asc' ? k : n - 1 - k];
    if (event === undefined || !matches(event, q)) continue;
    if (out.length === q.limit) {
      more = true;
      break;
    }
    out.push(event);
  }
  const last = out.at(-1);
  return more && last
    ? { events: out, nextCursor: encodeCursor(last.integrity.seq) }
    : { events: out };
}
