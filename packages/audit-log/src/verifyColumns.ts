// A SQL store reads the columns that queries and the access report use (actor, target, action,
// time) beside the hashed record. When a column differs from the record, the store marks the
// event it yields with the name of that column under this symbol (not enumerable, never stored),
// and `verify` reports it: a row whose index columns were edited would otherwise mislead every
// query while its record still verifies. The last event of a format-2 batch is also checked
// against the batch's recorded last hash (`audit_batches.last_hash`): a row moved to another
// place shows there.
import type { SealedEvent } from './internal/chain';

export const COLUMN_MISMATCH: unique symbol = Symbol.for('@cityofboston/audit-log.column-mismatch');

/** The row's query columns as stored. */
export interface EventColumns {
  event_time: string | Date;
  action: string;
  actor_id: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
}

/** The first column of `row` that differs from the hashed `event`, or undefined. */
export function mismatchedColumn(row: EventColumns, event: SealedEvent): string | undefined {
  if (row.action !== event.action) return 'action';
  if (row.actor_id !== event.actor?.id) return 'actor_id';
  if (row.target_type !== (event.target?.type ?? null)) return 'target_type';
  if (row.target_id !== (event.target?.id ?? null)) return 'target_id';
  if (row.outcome !== event.outcome) return 'outcome';
  const stored =
    row.event_time instanceof Date ? row.event_time.getTime() : Date.parse(row.event_time);
  if (typeof event.time !== 'string' || stored !== Date.parse(event.time)) return 'event_time';
  return undefined;
}
