// Migration 006: a batch id is used once.
//
// audit_append_batch stored rows under whatever batch id it was given. A writer-role login that
// reused the id of a batch already placed (the writer can read audit_batches) added rows to a
// sealed, checkpointed batch, and its staged copy made every later seal fail on the unique batch
// id: the log stopped taking events until the owner stepped in. Now staging a batch whose id is
// already placed (in any chain) is refused, so nothing of that append is stored.
//
// The check runs AFTER the staging row is inserted: that insert waits for a seal that is placing
// the same id (audit_pending.batch_id is unique, and the seal deletes the row it places), and in
// READ COMMITTED the trigger's query then sees what that seal committed.
import type { Migration } from './migrations';

export const BATCH_IDS_ONCE: Migration = {
  id: '006_batch_ids_once',
  sql: `
CREATE FUNCTION {{s}}.audit_refuse_placed_batch() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM {{s}}.audit_batches b WHERE b.batch_id = NEW.batch_id) THEN
    RAISE EXCEPTION 'audit_append_batch: batch % is already placed in the log; a batch id is used once',
      NEW.batch_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER audit_pending_batch_once AFTER INSERT ON {{s}}.audit_pending
  FOR EACH ROW EXECUTE FUNCTION {{s}}.audit_refuse_placed_batch();

-- A staged copy of a placed batch (left by such an append before this migration) would make
-- every seal fail: it is dropped. Its rows stay in audit_events, where verify reports them.
DELETE FROM {{s}}.audit_pending p
 WHERE EXISTS (SELECT 1 FROM {{s}}.audit_batches b WHERE b.batch_id = p.batch_id);
`,
};
