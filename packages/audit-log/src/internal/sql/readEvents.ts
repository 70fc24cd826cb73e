// Every event of a chain after a seq, in seq order, a page at a time: format-1 rows by their seq
// column, format-2 rows batch by batch (a batch's leaf range from audit_batches, its rows by
// batch id), the two streams merged by (seq, id). Both walk indexes, never the whole table.
import { COLUMN_MISMATCH, type EventColumns, mismatchedColumn } from '../../verifyColumns';
import type { SealedEvent } from '../chain';
import { placeRecord, seqOf } from './rows';
import type { SqlQueryable } from './sqlStore';

const PAGE = 2000;
/** At most this many batches per round trip (and at least one, however large). */
const BATCHES = 256;
const COLUMNS =
  'e.id, e.record, e.event_time, e.action, e.actor_id, e.target_type, e.target_id, e.outcome';

type Row = EventColumns & { id: string; record: string };
interface Placed {
  seq: number;
  id: string;
  event: SealedEvent;
}

/** The event of a row, marked for `verify` when a query column differs from its record. */
function eventOf(row: Row, seq: number | null, lastHash?: string): SealedEvent {
  const event = placeRecord(row.record, seq);
  let bad = mismatchedColumn(row, event);
  // The last event of a batch must be the one the batch was sealed with: a row moved or
  // replaced inside the table (rather than rewritten with its batch) shows here.
  if (bad === undefined && lastHash !== undefined && event.integrity?.hash !== lastHash) {
    bad = 'audit_batches.last_hash';
  }
  if (bad !== undefined) Object.defineProperty(event, COLUMN_MISMATCH, { value: bad });
  return event;
}

async function* chained(db: SqlQueryable, s: string, chainId: string, afterSeq: number) {
  let seq = afterSeq;
  let id =
    afterSeq < 0 ? '00000000-0000-0000-0000-000000000000' : 'ffffffff-ffff-ffff-ffff-ffffffffffff';
  for (;;) {
    const { rows } = await db.query<Row & { seq: string | number }>(
      `SELECT e.seq, ${COLUMNS} FROM ${s}.audit_events e
        WHERE e.chain_id = $1 AND e.seq IS NOT NULL AND (e.seq, e.id) > ($2, $3::uuid)
        ORDER BY e.seq, e.id LIMIT ${PAGE}`,
      [chainId, seq, id],
    );
    for (const row of rows) {
      yield { seq: Number(row.seq), id: row.id, event: eventOf(row, null) } satisfies Placed;
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    seq = Number(last.seq);
    id = last.id;
  }
}

async function* batched(db: SqlQueryable, s: string, chainId: string, afterSeq: number) {
  // The first batch to read is the one holding afterSeq + 1 (or the chain's first).
  let next = `first_seq >= COALESCE((SELECT max(first_seq) FROM ${s}.audit_batches
                 WHERE chain_id = $1 AND first_seq <= $2), 0)`;
  let bound: number = Math.max(afterSeq, 0) + 1;
  for (;;) {
    const { rows: batches } = await db.query<{
      first_seq: string | number;
      count: number;
      batch_id: string;
      last_hash: string;
    }>(
      `SELECT first_seq, count, batch_id, last_hash FROM ${s}.audit_batches
        WHERE chain_id = $1 AND ${next} ORDER BY first_seq LIMIT ${BATCHES}`,
      [chainId, bound],
    );
    if (batches.length === 0) return;
    // Enough batches for about a page of events.
    const take: typeof batches = [];
    let events = 0;
    for (const b of batches) {
      if (take.length > 0 && events + b.count > PAGE) break;
      take.push(b);
      events += b.count;
    }
    const byId = new Map(take.map((b) => [b.batch_id, b]));
    const { rows } = await db.query<Row & { batch_id: string; batch_pos: number }>(
      `SELECT e.batch_id, e.batch_pos, ${COLUMNS} FROM ${s}.audit_events e
        WHERE e.batch_id = ANY($1::uuid[]) AND e.chain_id = $2`,
      [take.map((b) => b.batch_id), chainId],
    );
    const placed: (Placed & { row: Row; last?: string })[] = [];
    for (const row of rows) {
      const b = byId.get(row.batch_id);
      if (!b) continue;
      const seq = (seqOf(b.first_seq) as number) + row.batch_pos;
      if (seq <= afterSeq) continue;
      const entry: Placed & { row: Row; last?: string } = {
        seq,
        id: row.id,
        row,
        event: undefined as unknown as SealedEvent,
      };
      if (row.batch_pos === b.count - 1) entry.last = b.last_hash;
      placed.push(entry);
    }
    placed.sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const p of placed) {
      p.event = eventOf(p.row, p.seq, p.last);
      yield { seq: p.seq, id: p.id, event: p.event } satisfies Placed;
    }
    next = 'first_seq > $2';
    bound = seqOf((take.at(-1) as (typeof take)[number]).first_seq) as number;
  }
}

/** The chain's events after seq `afterSeq` (all of them for a negative one), in (seq, id) order. */
export async function* readEvents(
  db: SqlQueryable,
  s: string,
  chainId: string,
  afterSeq: number,
): AsyncGenerator<SealedEvent> {
  const a = chained(db, s, chainId, afterSeq);
  const b = batched(db, s, chainId, afterSeq);
  let x = await a.next();
  let y = await b.next();
  while (!x.done || !y.done) {
    if (
      y.done ||
      (!x.done &&
        (x.value.seq < y.value.seq || (x.value.seq === y.value.seq && x.value.id <= y.value.id)))
    ) {
      yield (x.value as Placed).event;
      x = await a.next();
    } else {
      yield y.value.event;
      y = await b.next();
    }
  }
}
