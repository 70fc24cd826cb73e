import { AuditLogError } from '../../errors';
import type { AuditQuery, AuditQueryPage, AuditStore } from '../../store';
import { COLUMN_MISMATCH, type EventColumns, mismatchedColumn } from '../../verifyColumns';
import type { StoredCheckpoint } from '../../verifyTrust';
import {
  type ChainHead,
  EMPTY_HEAD,
  GENESIS_HASH,
  type SealedEvent,
  sealEvents,
  type UnsealedEvent,
} from '../chain';
import { encodeCursor, normalizeQuery } from '../query';
import { checkName, MIGRATIONS, render } from './migrations';

/** The little a store needs from PGlite or a `pg` pool. */
export interface SqlQueryable {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs several statements without parameters. */
  exec(text: string): Promise<void>;
}

export interface SqlClient extends SqlQueryable {
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Options both SQL stores share. */
export interface SqlStoreOptions {
  /** Schema for the audit tables (default `city_audit`). */
  schema?: string;
  /** Chain this store writes (default `default`). Instances sharing a chain id form one chain. */
  chainId?: string;
  /** Apply migrations on open (default true). Turn off when an admin migrates separately. */
  migrate?: boolean;
  /** The role granted INSERT and SELECT only (default `city_audit_writer`). */
  writerRole?: string;
}

const PAGE = 2000;

const monthOf = (time: string) => time.slice(0, 7);

/** Applies pending migrations under an advisory lock, so concurrent openers do not race. */
export async function migrate(client: SqlClient, schema: string, role: string): Promise<string[]> {
  const applied: string[] = [];
  await client.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch(async (error: unknown) => {
    // Two openers racing on CREATE SCHEMA IF NOT EXISTS can still collide; the loser retries once.
    await client.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch(() => {
      throw error;
    });
  });
  await client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.audit_migrations`]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS "${schema}".audit_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await tx.query<{ id: string }>(`SELECT id FROM "${schema}".audit_migrations`)).rows.map(
        (r) => r.id,
      ),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await tx.exec(render(m.sql, schema, role));
      await tx.query(`INSERT INTO "${schema}".audit_migrations (id) VALUES ($1)`, [m.id]);
      applied.push(m.id);
    }
  });
  return applied;
}

function parseRecord(text: string): SealedEvent {
  try {
    return JSON.parse(text) as SealedEvent;
  } catch {
    return { malformed: text.slice(0, 80) } as unknown as SealedEvent;
  }
}

/** An AuditStore over any SqlClient (PGlite or PostgreSQL). */
export function sqlStore(
  kind: string,
  connect: () => Promise<SqlClient>,
  options: SqlStoreOptions,
): AuditStore & { client(): Promise<SqlClient>; readonly schema: string } {
  let schema: string;
  let role: string;
  try {
    schema = checkName('schema', options.schema ?? 'city_audit');
    role = checkName('writerRole', options.writerRole ?? 'city_audit_writer');
  } catch (error) {
    throw new AuditLogError('INVALID_OPTIONS', `${kind}Store: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const chainId = options.chainId ?? 'default';
  const s = `"${schema}"`;
  const months = new Set<string>();
  let ready: Promise<SqlClient> | undefined;

  function open(): Promise<SqlClient> {
    ready ??= (async () => {
      const client = await connect();
      if (options.migrate !== false) await migrate(client, schema, role);
      return client;
    })();
    ready.catch(() => {
      ready = undefined; // let the next call retry a failed open
    });
    return ready;
  }

  async function ensurePartitions(client: SqlClient, events: readonly UnsealedEvent[]) {
    for (const e of events) {
      const m = monthOf(e.time);
      if (months.has(m)) continue;
      await client.query(`SELECT ${s}.audit_ensure_partition($1)`, [m]);
      months.add(m);
    }
  }

  /**
   * The events after `afterSeq` in (seq, id) order, a page at a time. The query columns are read
   * too: an event whose columns differ from its hashed record is marked for `verify`.
   */
  async function* readRows(afterSeq: number): AsyncGenerator<SealedEvent> {
    const client = await open();
    let seq = afterSeq;
    let id = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    if (afterSeq < 0) id = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await client.query<
        EventColumns & { seq: string | number; id: string; record: string }
      >(
        `SELECT seq, id, record, event_time, action, actor_id, target_type, target_id, outcome
           FROM ${s}.audit_events
          WHERE chain_id = $1 AND (seq, id) > ($2, $3::uuid)
          ORDER BY seq, id LIMIT ${PAGE}`,
        [chainId, seq, id],
      );
      for (const row of rows) {
        const event = parseRecord(row.record);
        const bad = mismatchedColumn(row, event);
        if (bad !== undefined) Object.defineProperty(event, COLUMN_MISMATCH, { value: bad });
        yield event;
      }
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      seq = Number(last.seq);
      id = last.id;
    }
  }

  return {
    kind,
    chainId,
    schema,
    client: open,
    async append(batch: readonly UnsealedEvent[]) {
      if (batch.length === 0) return [];
      const client = await open();
      await ensurePartitions(client, batch);
      return client.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO ${s}.audit_chain_heads (chain_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain_id) DO NOTHING`,
          [chainId, GENESIS_HASH],
        );
        const headRow = (
          await tx.query<{ seq: string | number; hash: string }>(
            `SELECT seq, hash FROM ${s}.audit_chain_heads WHERE chain_id = $1 FOR UPDATE`,
            [chainId],
          )
        ).rows[0];
        const head: ChainHead = headRow
          ? { seq: Number(headRow.seq), hash: headRow.hash }
          : EMPTY_HEAD;
        // Idempotency: an id already stored (a retry after an ambiguous failure) is not written again.
        const times = batch.map((e) => e.time).sort();
        const existing = new Map<string, SealedEvent>();
        const found = await tx.query<{ record: string }>(
          `SELECT record FROM ${s}.audit_events WHERE id = ANY($1::uuid[]) AND event_time BETWEEN $2 AND $3`,
          [batch.map((e) => e.id), times[0], times.at(-1)],
        );
        for (const row of found.rows) {
          const e = parseRecord(row.record);
          existing.set(e.id, e);
        }
        // A caller id repeated inside the batch is written once; every copy resolves to it.
        const seen = new Set<string>();
        const fresh = batch.filter((e) => {
          if (existing.has(e.id) || seen.has(e.id)) return false;
          seen.add(e.id);
          return true;
        });
        const { sealed, bytes, head: next } = sealEvents(fresh, head);
        if (sealed.length > 0) {
          const cols: unknown[][] = [[], [], [], [], [], [], [], [], []];
          for (let j = 0; j < sealed.length; j++) {
            const e = sealed[j] as SealedEvent;
            const values = [
              e.integrity.seq,
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
          // The records go as one text of canonical lines (a canonical line holds no newline)
          // rather than as an array literal, which the driver would escape quote by quote and
          // the server unescape, both while this batch holds the chain head.
          await tx.query(
            `INSERT INTO ${s}.audit_events
               (chain_id, seq, id, event_time, action, actor_id, target_type, target_id, outcome, hash, record)
             SELECT $1, * FROM unnest($2::bigint[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[],
                                      $7::text[], $8::text[], $9::text[], $10::text[],
                                      string_to_array($11::text, E'\\n'))`,
            [chainId, ...cols, bytes.toString('utf8', 0, bytes.length - 1)],
          );
          await tx.query(
            `UPDATE ${s}.audit_chain_heads SET seq = $2, hash = $3, updated_at = now() WHERE chain_id = $1`,
            [chainId, next.seq, next.hash],
          );
        }
        const bySeal = new Map(sealed.map((e) => [e.id, e]));
        return batch.map((e) => (bySeal.get(e.id) ?? existing.get(e.id)) as SealedEvent);
      });
    },
    async head() {
      const client = await open();
      const row = (
        await client.query<{ seq: string | number; hash: string }>(
          `SELECT seq, hash FROM ${s}.audit_chain_heads WHERE chain_id = $1`,
          [chainId],
        )
      ).rows[0];
      return row ? { seq: Number(row.seq), hash: row.hash } : EMPTY_HEAD;
    },
    read() {
      return readRows(-1);
    },
    readAfter(afterSeq: number) {
      return readRows(afterSeq);
    },
    async query(query: AuditQuery): Promise<AuditQueryPage> {
      const q = normalizeQuery(query);
      const client = await open();
      const where = ['chain_id = $1'];
      const params: unknown[] = [chainId];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (q.actor !== undefined) add('actor_id = ?', q.actor);
      if (q.action !== undefined) add('action = ?', q.action);
      if (q.targetType !== undefined) add('target_type = ?', q.targetType);
      if (q.targetId !== undefined) add('target_id = ?', q.targetId);
      if (q.fromMs !== undefined) add('event_time >= ?', new Date(q.fromMs).toISOString());
      if (q.toMs !== undefined) add('event_time < ?', new Date(q.toMs).toISOString());
      if (q.afterSeq !== undefined) add(q.order === 'asc' ? 'seq > ?' : 'seq < ?', q.afterSeq);
      const dir = q.order === 'asc' ? 'ASC' : 'DESC';
      const { rows } = await client.query<{ record: string }>(
        `SELECT record FROM ${s}.audit_events WHERE ${where.join(' AND ')} ORDER BY seq ${dir}, id ${dir} LIMIT ${q.limit + 1}`,
        params,
      );
      const events = rows.slice(0, q.limit).map((r) => parseRecord(r.record));
      const last = events.at(-1);
      return rows.length > q.limit && last
        ? { events, nextCursor: encodeCursor(last.integrity.seq) }
        : { events };
    },
    async appendCheckpoint(cp: StoredCheckpoint) {
      const client = await open();
      await client.query(
        `INSERT INTO ${s}.audit_checkpoints (chain_id, size, head_hash, record) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [chainId, cp.size, 'note' in cp ? cp.rootHash : cp.headHash, JSON.stringify(cp)],
      );
    },
    async checkpoints() {
      const client = await open();
      const { rows } = await client.query<{ record: string }>(
        `SELECT record FROM ${s}.audit_checkpoints WHERE chain_id = $1 ORDER BY size`,
        [chainId],
      );
      return rows.map((r) => JSON.parse(r.record) as StoredCheckpoint);
    },
    async close() {
      if (!ready) return;
      const pending = ready;
      ready = undefined;
      const client = await pending.catch(() => undefined);
      await client?.close();
    },
  };
}
