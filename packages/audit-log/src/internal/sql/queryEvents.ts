// Filtered pages for viewers and reports. Pages are in event id order: ids are UUIDv7, so that
// is the order of the time the log gave each event, what a viewer expects, and it is the same
// for rows of either format (format-2 rows have no seq column to sort by). Each filter has an
// index ending in id, so a page reads about `limit` rows, whatever the table holds.
import type { AuditQuery, AuditQueryPage } from '../../store';
import { encodeIdCursor, normalizeQuery } from '../query';
import { placeRecord, seqOf } from './rows';
import type { SqlQueryable } from './sqlStore';

export async function queryEvents(
  db: SqlQueryable,
  s: string,
  chainId: string,
  query: AuditQuery,
): Promise<AuditQueryPage> {
  const q = normalizeQuery(query, true);
  // A row counts once it has a position: a format-1 seq, or a sealed batch.
  const where = ['e.chain_id = $1', '(e.seq IS NOT NULL OR b.first_seq IS NOT NULL)'];
  const params: unknown[] = [chainId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.actor !== undefined) add('e.actor_id = ?', q.actor);
  if (q.action !== undefined) add('e.action = ?', q.action);
  if (q.targetType !== undefined) add('e.target_type = ?', q.targetType);
  if (q.targetId !== undefined) add('e.target_id = ?', q.targetId);
  if (q.fromMs !== undefined) add('e.event_time >= ?', new Date(q.fromMs).toISOString());
  if (q.toMs !== undefined) add('e.event_time < ?', new Date(q.toMs).toISOString());
  if (q.afterId !== undefined)
    add(q.order === 'asc' ? 'e.id > ?::uuid' : 'e.id < ?::uuid', q.afterId);
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const { rows } = await db.query<{ id: string; record: string; seq: string | number | null }>(
    `SELECT e.id, e.record, COALESCE(e.seq, b.first_seq + e.batch_pos) AS seq
       FROM ${s}.audit_events e LEFT JOIN ${s}.audit_batches b ON b.batch_id = e.batch_id
      WHERE ${where.join(' AND ')} ORDER BY e.id ${dir} LIMIT ${q.limit + 1}`,
    params,
  );
  const events = rows.slice(0, q.limit).map((r) => placeRecord(r.record, seqOf(r.seq)));
  const last = rows[q.limit - 1];
  return rows.length > q.limit && last
    ? { events, nextCursor: encodeIdCursor(last.id) }
    : { events };
}
