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
