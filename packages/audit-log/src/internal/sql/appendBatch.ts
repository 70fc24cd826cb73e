// One append of a SQL store, as two short transactions (see batchSealing.ts): the batch's rows
// are stored and staged (audit_append_batch), then placed (audit_seal_batch: the chain head is
// held inside that one statement only, and one seal places every writer's staged batches).
// Before them, unless every id is fresh from the log, the idempotency lookup.
import { randomUUID } from 'node:crypto';
import { isMinted, type SealedEvent, type UnsealedEvent } from '../chain';
import { sealBatch } from '../sealBatch';
import { placeRecord, seqOf } from './rows';
import type { SqlQueryable } from './sqlStore';

/** The events of `batch` already stored, by id, with their seq. */
async function lookup(
  db: SqlQueryable,
  s: string,
  chainId: string,
  batch: readonly UnsealedEvent[],
): Promise<Map<string, SealedEvent>> {
  let lo = batch[0]?.time as string;
  let hi = lo;
  for (const e of batch) {
    if (e.time < lo) lo = e.time;
    if (e.time > hi) hi = e.time;
  }
  const find = () =>
    db.query<{ id: string; record: string; seq: string | number | null; batch_id: string | null }>(
      `SELECT e.id, e.record, COALESCE(e.seq, b.first_seq + e.batch_pos) AS seq, e.batch_id
         FROM ${s}.audit_events e LEFT JOIN ${s}.audit_batches b ON b.batch_id = e.batch_id
        WHERE e.id = ANY($1::uuid[]) AND e.event_time BETWEEN $2 AND $3`,
      [batch.map((e) => e.id), lo, hi],
    );
  let { rows } = await find();
  // A batch stored but not placed yet (its writer is about to seal it, or died first): place
  // it (with whatever else is staged) and look again.
  const staged = new Set(rows.filter((r) => r.seq === null && r.batch_id).map((r) => r.batch_id));
  if (staged.size > 0) {
    for (const batchId of staged) await seal(db, s, chainId, batchId as string);
    ({ rows } = await find());
  }
  const existing = new Map<string, SealedEvent>();
  for (const row of rows) {
    const seq = seqOf(row.seq);
    if (seq !== null) existing.set(row.id, placeRecord(row.record, seq));
  }
  return existing;
}

async function seal(db: SqlQueryable, s: string, chainId: string, batchId: string) {
  const { rows } = await db.query<{ first: string | number }>(
    `SELECT ${s}.audit_seal_batch($1, $2::uuid) AS first`,
    [chainId, batchId],
  );
  return seqOf(rows[0]?.first) as number;
}

/**
 * Stores the rows of a sealed batch without a position and stages it (`audit_append_batch`):
 * the first of an append's two transactions. `bytes` are the batch's canonical lines.
 */
export async function stageBatch(
  db: SqlQueryable,
  s: string,
  chainId: string,
  batchId: string,
  sealed: readonly SealedEvent[],
  bytes: Buffer,
): Promise<void> {
  const cols: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const e of sealed) {
    const values = [
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
  const last = sealed[sealed.length - 1] as SealedEvent;
  // The records go as one text of canonical lines (a canonical line holds no newline) rather
  // than as an array literal, which the driver would escape quote by quote.
  await db.query(
    `SELECT ${s}.audit_append_batch($1, $2::uuid, $3, $4, $5::uuid[], $6::timestamptz[], $7::text[],
       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text)`,
    [
      chainId,
      batchId,
      sealed.length,
      last.integrity.hash,
      ...cols,
      bytes.toString('utf8', 0, bytes.length - 1),
    ],
  );
}

/**
 * Appends `batch` (idempotent by event id) and returns the stored events in the order given,
 * with the events it stored. `lookFirst` false skips the idempotency lookup: only when every
 * event's id was minted by the log and never handed to a store (no store can hold it).
 */
export async function appendBatch(
  db: SqlQueryable,
  s: string,
  chainId: string,
  batch: readonly UnsealedEvent[],
  lookFirst: boolean,
): Promise<{ events: SealedEvent[]; fresh: UnsealedEvent[] }> {
  const existing = lookFirst ? await lookup(db, s, chainId, batch) : new Map<string, SealedEvent>();
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
    const batchId = randomUUID();
    await stageBatch(db, s, chainId, batchId, sealed, bytes);
    const first = await seal(db, s, chainId, batchId);
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
