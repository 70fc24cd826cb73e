// Migration 004: format 2, batches sequenced in the database.
//
// A writer appends in two statements, each its own transaction:
// 1. `audit_append_batch` inserts the batch's rows without a position (batch_id, batch_pos; no
//    seq) and stages the batch (audit_pending). Its commit flushes the rows; writers do this
//    side by side, holding nothing shared.
// 2. `audit_seal_batch` takes the chain head and places every staged batch of the chain (its
//    own and any other writer's) after it, in staging order: one audit_batches row per batch
//    (its leaf range and last hash), the head moved onto the end. The head is held only inside
//    that one statement, for a few small rows and their commit, so batches are placed in the
//    order they commit and readers never see a gap. A writer that finds its batch placed by
//    another returns at once: concurrent writers share one seal.
// Rows of format 1 keep their seq. The writer role can no longer write audit_events, the head
// or the batches itself: only these two functions do, and they check what they are given.
import type { Migration } from './migrations';

export const BATCH_SEALING: Migration = {
  id: '004_batch_sealing',
  sql: `
ALTER TABLE {{s}}.audit_events ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE {{s}}.audit_events ADD COLUMN batch_id uuid, ADD COLUMN batch_pos integer;
ALTER TABLE {{s}}.audit_events ADD CONSTRAINT audit_events_one_position CHECK (
  (seq IS NOT NULL AND batch_id IS NULL AND batch_pos IS NULL)
  OR (seq IS NULL AND batch_id IS NOT NULL AND batch_pos >= 0));
COMMENT ON TABLE {{s}}.audit_events IS 'City audit events: insert-only, partitioned by month. record is the canonical (RFC 8785) JSON the hash covers. A format-1 row has its seq; a format-2 row has its batch (audit_batches) and its place in it.';

-- Readers page by seq (format 1) or by batch (format 2); queries page by id (UUIDv7: time order).
DROP INDEX {{s}}.audit_events_chain_seq;
CREATE INDEX audit_events_chain_seq ON {{s}}.audit_events (chain_id, seq, id) WHERE seq IS NOT NULL;
CREATE INDEX audit_events_batch ON {{s}}.audit_events (batch_id, batch_pos) WHERE batch_id IS NOT NULL;
DROP INDEX {{s}}.audit_events_target;
CREATE INDEX audit_events_target ON {{s}}.audit_events (target_type, target_id, id);
DROP INDEX {{s}}.audit_events_actor;
CREATE INDEX audit_events_actor ON {{s}}.audit_events (actor_id, id);
DROP INDEX {{s}}.audit_events_action;
CREATE INDEX audit_events_action ON {{s}}.audit_events (action, id);

CREATE TABLE {{s}}.audit_batches (
  chain_id  text        NOT NULL,
  first_seq bigint      NOT NULL CHECK (first_seq >= 1),
  count     integer     NOT NULL CHECK (count >= 1),
  batch_id  uuid        NOT NULL UNIQUE,
  last_hash text        NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chain_id, first_seq)
);
COMMENT ON TABLE {{s}}.audit_batches IS 'The leaf range of each format-2 batch: events first_seq .. first_seq + count - 1, the last one with hash last_hash. Insert-only; written by audit_seal_batch alone.';
CREATE TRIGGER audit_batches_insert_only BEFORE UPDATE OR DELETE ON {{s}}.audit_batches
  FOR EACH ROW EXECUTE FUNCTION {{s}}.audit_reject_change();
CREATE TRIGGER audit_batches_no_truncate BEFORE TRUNCATE ON {{s}}.audit_batches
  FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.audit_reject_change();

-- Batches whose rows are stored and that wait for a place (a work queue, emptied by the seal).
CREATE TABLE {{s}}.audit_pending (
  staged    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_id  text        NOT NULL,
  batch_id  uuid        NOT NULL UNIQUE,
  count     integer     NOT NULL CHECK (count >= 1),
  last_hash text        NOT NULL,
  staged_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_pending_chain ON {{s}}.audit_pending (chain_id, staged);

-- The head moves forward onto a stored event (format 1) or onto the end of a recorded batch.
CREATE OR REPLACE FUNCTION {{s}}.audit_guard_head() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit chain heads cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.seq <> 0 THEN
      RAISE EXCEPTION 'a new audit chain head starts at seq 0' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.chain_id <> OLD.chain_id OR NEW.seq < OLD.seq
     OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
    RAISE EXCEPTION 'audit chain head % cannot move back from % to %', OLD.chain_id, OLD.seq, NEW.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.seq > OLD.seq
     AND NOT EXISTS (
       SELECT 1 FROM {{s}}.audit_batches b
        WHERE b.chain_id = NEW.chain_id AND b.first_seq > OLD.seq AND b.first_seq <= NEW.seq
          AND b.first_seq + b.count - 1 = NEW.seq AND b.last_hash = NEW.hash)
     AND NOT EXISTS (
       SELECT 1 FROM {{s}}.audit_events e
        WHERE e.chain_id = NEW.chain_id AND e.seq = NEW.seq AND e.hash = NEW.hash) THEN
    RAISE EXCEPTION 'audit chain head % can only move onto a stored event (seq %)', NEW.chain_id, NEW.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$;

-- Stores a batch's rows (positions 0 .. count - 1, no seq) and stages the batch. The arrays are
-- the rows' columns; p_records their canonical records, one per line. SECURITY DEFINER: the
-- writer role has no INSERT on audit_events.
CREATE FUNCTION {{s}}.audit_append_batch(
  p_chain text, p_batch uuid, p_count integer, p_last_hash text,
  p_id uuid[], p_time timestamptz[], p_action text[], p_actor text[], p_target_type text[],
  p_target_id text[], p_outcome text[], p_hash text[], p_records text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  records text[] := string_to_array(p_records, E'\\n');
BEGIN
  IF p_chain IS NULL OR p_batch IS NULL OR p_count IS NULL OR p_count < 1 OR p_last_hash IS NULL THEN
    RAISE EXCEPTION 'audit_append_batch: chain, batch, a count of at least 1 and the last hash are required'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF cardinality(p_id) IS DISTINCT FROM p_count OR cardinality(p_time) IS DISTINCT FROM p_count
     OR cardinality(p_action) IS DISTINCT FROM p_count OR cardinality(p_actor) IS DISTINCT FROM p_count
     OR cardinality(p_target_type) IS DISTINCT FROM p_count OR cardinality(p_target_id) IS DISTINCT FROM p_count
     OR cardinality(p_outcome) IS DISTINCT FROM p_count OR cardinality(p_hash) IS DISTINCT FROM p_count
     OR cardinality(records) IS DISTINCT FROM p_count THEN
    RAISE EXCEPTION 'audit_append_batch: batch % is said to hold % events, but % records and % ids were given',
      p_batch, p_count, cardinality(records), cardinality(p_id) USING ERRCODE = 'check_violation';
  END IF;
  IF p_hash[p_count] IS DISTINCT FROM p_last_hash THEN
    RAISE EXCEPTION 'audit_append_batch: the last event of batch % has hash %, not %',
      p_batch, p_hash[p_count], p_last_hash USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO {{s}}.audit_events
    (chain_id, batch_id, batch_pos, id, event_time, action, actor_id, target_type, target_id, outcome, hash, record)
  SELECT p_chain, p_batch, (r.n - 1)::integer, r.id, r.t, r.action, r.actor, r.target_type, r.target_id,
         r.outcome, r.hash, r.record
    FROM unnest(p_id, p_time, p_action, p_actor, p_target_type, p_target_id, p_outcome, p_hash, records)
         WITH ORDINALITY AS r(id, t, action, actor, target_type, target_id, outcome, hash, record, n);
  INSERT INTO {{s}}.audit_pending (chain_id, batch_id, count, last_hash)
    VALUES (p_chain, p_batch, p_count, p_last_hash);
END
$fn$;

-- Places batch p_batch (staged by audit_append_batch) and every other batch of the chain staged
-- before this call, and returns p_batch's first seq. A batch already placed returns its place.
CREATE FUNCTION {{s}}.audit_seal_batch(p_chain text, p_batch uuid) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  placed   bigint;
  head     bigint;
  new_head bigint;
  new_hash text;
BEGIN
  SELECT b.first_seq INTO placed FROM {{s}}.audit_batches b
   WHERE b.batch_id = p_batch AND b.chain_id = p_chain;
  IF FOUND THEN
    RETURN placed;
  END IF;
  PERFORM 1 FROM {{s}}.audit_pending p WHERE p.batch_id = p_batch AND p.chain_id = p_chain;
  IF NOT FOUND THEN
    -- Another writer's seal may have placed it (and emptied the queue) since the first look.
    SELECT b.first_seq INTO placed FROM {{s}}.audit_batches b
     WHERE b.batch_id = p_batch AND b.chain_id = p_chain;
    IF FOUND THEN
      RETURN placed;
    END IF;
    RAISE EXCEPTION 'audit_seal_batch: no batch % is staged for chain % (audit_append_batch stages it)',
      p_batch, p_chain USING ERRCODE = 'no_data_found';
  END IF;
  SELECT h.seq INTO head FROM {{s}}.audit_chain_heads h WHERE h.chain_id = p_chain FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO {{s}}.audit_chain_heads (chain_id, seq, hash) VALUES (p_chain, 0, repeat('0', 64))
      ON CONFLICT (chain_id) DO NOTHING;
    SELECT h.seq INTO head FROM {{s}}.audit_chain_heads h WHERE h.chain_id = p_chain FOR UPDATE;
  END IF;
  -- Another writer's seal may have placed it while this one waited for the head.
  SELECT b.first_seq INTO placed FROM {{s}}.audit_batches b
   WHERE b.batch_id = p_batch AND b.chain_id = p_chain;
  IF FOUND THEN
    RETURN placed;
  END IF;
  WITH staged AS (
    DELETE FROM {{s}}.audit_pending p WHERE p.chain_id = p_chain
    RETURNING p.staged, p.batch_id, p.count, p.last_hash
  )
  INSERT INTO {{s}}.audit_batches (chain_id, first_seq, count, batch_id, last_hash)
  SELECT p_chain, head + sum(s.count) OVER (ORDER BY s.staged) - s.count + 1, s.count, s.batch_id, s.last_hash
    FROM staged s;
  SELECT b.first_seq + b.count - 1, b.last_hash INTO new_head, new_hash FROM {{s}}.audit_batches b
   WHERE b.chain_id = p_chain ORDER BY b.first_seq DESC LIMIT 1;
  UPDATE {{s}}.audit_chain_heads SET seq = new_head, hash = new_hash, updated_at = now()
   WHERE chain_id = p_chain;
  SELECT b.first_seq INTO placed FROM {{s}}.audit_batches b
   WHERE b.batch_id = p_batch AND b.chain_id = p_chain;
  RETURN placed;
END
$fn$;

REVOKE ALL ON FUNCTION {{s}}.audit_append_batch(text, uuid, integer, text, uuid[], timestamptz[], text[], text[], text[], text[], text[], text[], text) FROM PUBLIC;
REVOKE ALL ON FUNCTION {{s}}.audit_seal_batch(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION {{s}}.audit_append_batch(text, uuid, integer, text, uuid[], timestamptz[], text[], text[], text[], text[], text[], text[], text) TO {{role}};
GRANT EXECUTE ON FUNCTION {{s}}.audit_seal_batch(text, uuid) TO {{role}};
GRANT SELECT ON {{s}}.audit_batches TO {{role}};
REVOKE ALL ON {{s}}.audit_pending FROM PUBLIC;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {{s}}.audit_batches FROM PUBLIC;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {{s}}.audit_batches FROM {{role}};
REVOKE INSERT, UPDATE ON {{s}}.audit_chain_heads FROM PUBLIC;
REVOKE INSERT, UPDATE ON {{s}}.audit_chain_heads FROM {{role}};
REVOKE INSERT ON {{s}}.audit_events FROM PUBLIC;
REVOKE INSERT ON {{s}}.audit_events FROM {{role}};
`,
};
