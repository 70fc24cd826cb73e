// Migration 005: readers may see the queue of stored batches that wait for a place.
//
// A writer that stops between storing a batch (audit_append_batch) and sealing it leaves the
// batch staged: its rows are stored, not yet in the log, and the next writer's seal places them.
// Until then `verify` says so (`unplaced`), and a verifier in the writer role must be able to
// read the queue to say it. The queue holds batch ids, counts and hashes, nothing of the events.
import type { UnplacedEvents } from '../../store';
import type { Migration } from './migrations';
import type { SqlQueryable } from './sqlStore';

export const UNPLACED_BATCHES: Migration = {
  id: '005_unplaced_batches',
  sql: `
GRANT SELECT ON {{s}}.audit_pending TO {{role}};
COMMENT ON TABLE {{s}}.audit_pending IS 'Format-2 batches whose rows are stored and that wait for a place in the log (audit_seal_batch empties it). A row that stays is a batch whose writer stopped before its seal: the next seal places it.';
`,
};

/**
 * The batches of `chainId` stored and not yet placed, or undefined when there are none (or the
 * database is older than migration 004, which has no such queue).
 */
export async function unplacedBatches(
  db: SqlQueryable,
  s: string,
  chainId: string,
): Promise<UnplacedEvents | undefined> {
  type Row = { batches: number; events: string | number | null; since: Date | string | null };
  let rows: Row[];
  try {
    ({ rows } = await db.query<Row>(
      `SELECT count(*)::integer AS batches, sum(count) AS events, min(staged_at) AS since
         FROM ${s}.audit_pending WHERE chain_id = $1`,
      [chainId],
    ));
  } catch (error) {
    // 42P01: no queue (a database before migration 004): nothing can be waiting.
    if ((error as { code?: unknown } | null)?.code === '42P01') return undefined;
    throw error;
  }
  const row = rows[0];
  if (!row || row.batches === 0 || row.since === null) return undefined;
  return {
    batches: row.batches,
    events: Number(row.events),
    since: new Date(row.since).toISOString(),
  };
}
