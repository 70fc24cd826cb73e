// The SQL migrations PGlite and PostgreSQL share. `{{s}}` is the schema as a quoted identifier,
// `{{sl}}` the same name as a string literal, `{{role}}` the writer role (quoted identifier) and
// `{{rolel}}` its literal. Names are checked against a strict pattern before substitution.

import { BATCH_IDS_ONCE } from './batchIdsOnce';
import { BATCH_SEALING } from './batchSealing';
import { UNPLACED_BATCHES } from './unplacedBatches';

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
  BATCH_SEALING,
  UNPLACED_BATCHES,
  BATCH_IDS_ONCE,
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
