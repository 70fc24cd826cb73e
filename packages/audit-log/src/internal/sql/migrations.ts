// The SQL migrations PGlite and PostgreSQL share. `{{s}}` is the schema as a quoted identifier,
// `{{sl}}` the same name as a string literal, `{{role}}` the writer role (quoted identifier) and
// `{{rolel}}` its literal. Names are checked against a strict pattern before substitution.

export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '001_audit_events',
    sql: `
CREATE TABLE {{s}}.audit_events (
  chain_id    text        NOT NULL,
  seq         bigint      NOT NULL,
  id          uuid        NOT NULL,
  event_time  timestamptz NOT NULL,
  action      text        NOT NULL,
  actor_id    text        NOT NULL,
  target_type text,
  target_id   text,
  outcome     text        NOT NULL,
  hash        text        NOT NULL,
  record      text        NOT NULL,
  PRIMARY KEY (id, event_time)
) PARTITION BY RANGE (event_time);
COMMENT ON TABLE {{s}}.audit_events IS 'City audit events: insert-only, hash-chained per chain_id, partitioned by month. record is the canonical (RFC 8785) JSON the hash covers.';
CREATE INDEX audit_events_chain_seq ON {{s}}.audit_events (chain_id, seq, id);
CREATE INDEX audit_events_target ON {{s}}.audit_events (target_type, target_id, seq);
CREATE INDEX audit_events_actor ON {{s}}.audit_events (actor_id, seq);
CREATE INDEX audit_events_action ON {{s}}.audit_events (action, seq);

CREATE TABLE {{s}}.audit_chain_heads (
  chain_id   text        PRIMARY KEY,
  seq        bigint      NOT NULL,
  hash       text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE {{s}}.audit_checkpoints (
  chain_id   text        NOT NULL,
  size       bigint      NOT NULL,
  head_hash  text        NOT NULL,
  record     text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chain_id, size, head_hash)
);

CREATE FUNCTION {{s}}.audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit table %.% is insert-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE TRIGGER audit_events_insert_only BEFORE UPDATE OR DELETE ON {{s}}.audit_events
  FOR EACH ROW EXECUTE FUNCTION {{s}}.audit_reject_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON {{s}}.audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.audit_reject_change();
CREATE TRIGGER audit_checkpoints_insert_only BEFORE UPDATE OR DELETE ON {{s}}.audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION {{s}}.audit_reject_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON {{s}}.audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.audit_reject_change();

-- Creates the partition for one month ('YYYY-MM', UTC). SECURITY DEFINER so the writer role,
-- which owns nothing, can still write into a new month.
CREATE FUNCTION {{s}}.audit_ensure_partition(p_month text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  part  text;
  lower date;
BEGIN
  IF p_month !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
    RAISE EXCEPTION 'audit_ensure_partition: bad month %', p_month;
  END IF;
  part  := 'audit_events_' || replace(p_month, '-', '_');
  lower := to_date(p_month || '-01', 'YYYY-MM-DD');
  PERFORM pg_advisory_xact_lock(hashtext({{sl}} || '.audit_partitions'));
  IF to_regclass(format('%I.%I', {{sl}}, part)) IS NULL THEN
    EXECUTE format(
      'CREATE TABLE %I.%I PARTITION OF %I.audit_events FOR VALUES FROM (%L) TO (%L)',
      {{sl}}, part, {{sl}},
      lower::text || ' 00:00:00+00', (lower + interval '1 month')::date::text || ' 00:00:00+00');
    EXECUTE format(
      'CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON %I.%I FOR EACH STATEMENT EXECUTE FUNCTION %I.audit_reject_change()',
      {{sl}}, part, {{sl}});
  END IF;
END
$fn$;
REVOKE ALL ON FUNCTION {{s}}.audit_ensure_partition(text) FROM PUBLIC;
`,
  },
  {
    id: '002_writer_role',
    sql: `
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {{rolel}}) THEN
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', {{rolel}});
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another migrator created it first
    END;
  END IF;
END
$do$;
GRANT USAGE ON SCHEMA {{s}} TO {{role}};
GRANT SELECT, INSERT ON {{s}}.audit_events, {{s}}.audit_checkpoints TO {{role}};
GRANT SELECT, INSERT, UPDATE ON {{s}}.audit_chain_heads TO {{role}};
GRANT EXECUTE ON FUNCTION {{s}}.audit_ensure_partition(text) TO {{role}};
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {{s}}.audit_events, {{s}}.audit_checkpoints FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {{s}}.audit_events, {{s}}.audit_checkpoints FROM {{role}};
`,
  },
  {
    // The chain head moves only the way the append path moves it: forward, onto an event that is
    // stored with that seq and hash, in the same transaction. A new chain's head starts at 0.
    // A checkpoint row cannot claim more events than the head. Triggers bind the writer role;
    // the owner can still disable them (see the README: exported checkpoints reveal it).
    id: '003_head_and_checkpoint_guards',
    sql: `
CREATE FUNCTION {{s}}.audit_guard_head() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
  IF NEW.seq > OLD.seq AND NOT EXISTS (
    SELECT 1 FROM {{s}}.audit_events e
     WHERE e.chain_id = NEW.chain_id AND e.seq = NEW.seq AND e.hash = NEW.hash) THEN
    RAISE EXCEPTION 'audit chain head % can only move onto a stored event (seq %)', NEW.chain_id, NEW.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER audit_chain_heads_guard BEFORE INSERT OR UPDATE OR DELETE ON {{s}}.audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION {{s}}.audit_guard_head();
CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON {{s}}.audit_chain_heads
  FOR EACH STATEMENT EXECUTE FUNCTION {{s}}.audit_reject_change();

CREATE FUNCTION {{s}}.audit_guard_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.size > COALESCE((SELECT h.seq FROM {{s}}.audit_chain_heads h WHERE h.chain_id = NEW.chain_id), 0) THEN
    RAISE EXCEPTION 'an audit checkpoint cannot cover more events than chain % holds', NEW.chain_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER audit_checkpoints_guard BEFORE INSERT ON {{s}}.audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION {{s}}.audit_guard_checkpoint();
REVOKE DELETE, TRUNCATE ON {{s}}.audit_chain_heads FROM PUBLIC;
REVOKE DELETE, TRUNCATE ON {{s}}.audit_chain_heads FROM {{role}};
`,
  },
  {
    // Format 2: a writer inserts its batch's rows without a position (batch_id, batch_pos; no
    // seq), and only then, last in its transaction, seals the batch: audit_seal_batch locks the
    // head, records the batch's leaf range in audit_batches and moves the head. The head lock
    // is held from there to the commit, so batches commit in first_seq order and readers never
    // see a gap. Rows of format 1 keep their seq. The writer role can no longer write the head
    // itself: only the seal function moves it, onto a batch it has just checked.
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
        WHERE b.chain_id = NEW.chain_id AND b.first_seq = OLD.seq + 1
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

-- Seals a batch whose rows this transaction inserted: checks them, then takes the head (held
-- until the transaction ends), records the batch's leaf range and moves the head. Returns the
-- batch's first seq. SECURITY DEFINER: the writer role cannot write the head or audit_batches.
CREATE FUNCTION {{s}}.audit_seal_batch(p_chain text, p_batch uuid, p_count integer, p_last_hash text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  n         bigint;
  positions bigint;
  lo        integer;
  hi        integer;
  chains    bigint;
  last      text;
  head      bigint;
BEGIN
  IF p_chain IS NULL OR p_batch IS NULL OR p_count IS NULL OR p_count < 1 OR p_last_hash IS NULL THEN
    RAISE EXCEPTION 'audit_seal_batch: chain, batch, a count of at least 1 and the last hash are required'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT count(*), count(DISTINCT e.batch_pos), min(e.batch_pos), max(e.batch_pos),
         count(*) FILTER (WHERE e.chain_id <> p_chain)
    INTO n, positions, lo, hi, chains
    FROM {{s}}.audit_events e WHERE e.batch_id = p_batch;
  IF n <> p_count OR positions <> p_count OR lo <> 0 OR hi <> p_count - 1 THEN
    RAISE EXCEPTION 'audit_seal_batch: batch % holds % event rows at % positions, not % (0 to %)',
      p_batch, n, positions, p_count, p_count - 1 USING ERRCODE = 'check_violation';
  END IF;
  IF chains <> 0 THEN
    RAISE EXCEPTION 'audit_seal_batch: batch % has rows of another chain than %', p_batch, p_chain
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT e.hash INTO last FROM {{s}}.audit_events e
   WHERE e.batch_id = p_batch AND e.batch_pos = p_count - 1;
  IF last IS DISTINCT FROM p_last_hash THEN
    RAISE EXCEPTION 'audit_seal_batch: the last event of batch % has hash %, not %', p_batch, last, p_last_hash
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT h.seq INTO head FROM {{s}}.audit_chain_heads h WHERE h.chain_id = p_chain FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO {{s}}.audit_chain_heads (chain_id, seq, hash) VALUES (p_chain, 0, repeat('0', 64))
      ON CONFLICT (chain_id) DO NOTHING;
    SELECT h.seq INTO head FROM {{s}}.audit_chain_heads h WHERE h.chain_id = p_chain FOR UPDATE;
  END IF;
  INSERT INTO {{s}}.audit_batches (chain_id, first_seq, count, batch_id, last_hash)
    VALUES (p_chain, head + 1, p_count, p_batch, p_last_hash);
  UPDATE {{s}}.audit_chain_heads SET seq = head + p_count, hash = p_last_hash, updated_at = now()
   WHERE chain_id = p_chain;
  RETURN head + 1;
END
$fn$;
REVOKE ALL ON FUNCTION {{s}}.audit_seal_batch(text, uuid, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION {{s}}.audit_seal_batch(text, uuid, integer, text) TO {{role}};
GRANT SELECT ON {{s}}.audit_batches TO {{role}};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {{s}}.audit_batches FROM PUBLIC;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {{s}}.audit_batches FROM {{role}};
REVOKE INSERT, UPDATE ON {{s}}.audit_chain_heads FROM PUBLIC;
REVOKE INSERT, UPDATE ON {{s}}.audit_chain_heads FROM {{role}};
`,
  },
];

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkName(what: string, name: string): string {
  if (!NAME.test(name)) {
    throw new TypeError(
      `${what} must match ${NAME} (lower-case letters, digits, underscores), got ${JSON.stringify(name)}`,
    );
  }
  return name;
}

export function render(sql: string, schema: string, role: string): string {
  return sql
    .replaceAll('{{sl}}', `'${schema}'`)
    .replaceAll('{{s}}', `"${schema}"`)
    .replaceAll('{{rolel}}', `'${role}'`)
    .replaceAll('{{role}}', `"${role}"`);
}
