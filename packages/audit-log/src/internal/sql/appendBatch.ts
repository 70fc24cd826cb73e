// One append of a SQL store, in one transaction: the idempotency lookup, the INSERT of the
// batch's rows (format 2: no position yet, so writers insert side by side), and last the seal
// (audit_seal_batch takes the chain head, records the batch's leaf range and moves the head),
// so the head is held only for the seal and the commit.
import { randomUUID } from 'node:crypto';
import { AuditLogError } from '../../errors';
import { isMinted, type SealedEvent, type UnsealedEvent } from '../chain';
import { sealBatch } from '../sealBatch';
import { placeRecord, seqOf } from './rows';
import type { SqlQueryable } from './sqlStore';

/**
 * Appends `batch` (idempotent by event id) and returns the stored events in the order given.
 * `lookup` false skips the idempotency lookup: only when every event's id was minted by the log
 * and never handed to a store (no store can hold it).
 */
export async function appendBatch(
  tx: SqlQueryable,
  s: string,
  chainId: string,
  batch: readonly UnsealedEvent[],
  lookup: boolean,
): Promise<{ events: SealedEvent[]; fresh: UnsealedEvent[] }> {
  const existing = new Map<string, SealedEvent>();
  if (lookup) {
    let lo = batch[0]?.time as string;
    let hi = lo;
    for (const e of batch) {
      if (e.time < lo) lo = e.time;
      if (e.time > hi) hi = e.time;
    }
    const found = await tx.query<{ id: string; record: string; seq: string | number | null }>(
      `SELECT e.id, e.record, COALESCE(e.seq, b.first_seq + e.batch_pos) AS seq
         FROM ${s}.audit_events e LEFT JOIN ${s}.audit_batches b ON b.batch_id = e.batch_id
        WHERE e.id = ANY($1::uuid[]) AND e.event_time BETWEEN $2 AND $3`,
      [batch.map((e) => e.id), lo, hi],
    );
    for (const row of found.rows) {
      const seq = seqOf(row.seq);
      if (seq === null) {
        throw new AuditLogError(
          'STORE_CORRUPT',
          `event ${row.id} is stored without a position (a row the append path did not write)`,
        );
      }
      existing.set(row.id, placeRecord(row.record, seq));
    }
  }
  // A caller id repeated inside the batch is written once; every copy resolves to it.
  const seen = new Set<string>();
  const fresh = batch.filter((e) => {
    if (existing.has(e.id) || seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  const placed = new Map<string, SealedEvent>();
  if (fresh.length > 0) {
    const { sealed, bytes } = sealBatch(fresh);
    const n = sealed.length;
    const cols: unknown[][] = [[], [], [], [], [], [], [], [], []];
    for (let j = 0; j < n; j++) {
      const e = sealed[j] as SealedEvent;
      const values = [
        j,
        e.id,
        e.time,
        e.action,
        e.actor.id,
        e.target?.type ?? null,
        e.target?.id ?? null,
        e.outcome,
        e.integrity.hash,
      ];
      for (let i = 0; i < values.length; i++) cols[i]?.push(values[i]);
    }
    const batchId = randomUUID();
    // The records go as one text of canonical lines (a canonical line holds no newline) rather
    // than as an array literal, which the driver would escape quote by quote.
    await tx.query(
      `INSERT INTO ${s}.audit_events
         (chain_id, batch_id, batch_pos, id, event_time, action, actor_id, target_type, target_id, outcome, hash, record)
       SELECT $1, $2::uuid, * FROM unnest($3::int[], $4::uuid[], $5::timestamptz[], $6::text[], $7::text[],
                                      $8::text[], $9::text[], $10::text[], $11::text[],
                                      string_to_array($12::text, E'\\n'))`,
      [chainId, batchId, ...cols, bytes.toString('utf8', 0, bytes.length - 1)],
    );
    const last = sealed[n - 1] as SealedEvent;
    const { rows } = await tx.query<{ first: string | number }>(
      `SELECT ${s}.audit_seal_batch($1, $2::uuid, $3, $4) AS first`,
      [chainId, batchId, n, last.integrity.hash],
    );
    const first = seqOf(rows[0]?.first) as number;
    for (let j = 0; j < n; j++) {
      const e = sealed[j] as SealedEvent;
      e.integrity.seq = first + j;
      placed.set(e.id, e);
    }
  }
  return {
    events: batch.map((e) => (placed.get(e.id) ?? existing.get(e.id)) as SealedEvent),
    fresh,
  };
}

/** True when the log minted every id of `batch` and no store has taken any of them yet. */
export function allMinted(batch: readonly UnsealedEvent[]): boolean {
  for (const e of batch) if (!isMinted(e)) return false;
  return true;
}
