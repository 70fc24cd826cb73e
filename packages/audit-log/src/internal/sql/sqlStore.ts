import { AuditLogError } from '../../errors';
import type { AuditQuery, AuditQueryPage, AuditStore } from '../../store';
import type { StoredCheckpoint } from '../../verifyTrust';
import { EMPTY_HEAD, markStored, type SealedEvent, type UnsealedEvent } from '../chain';
import { allMinted, appendBatch } from './appendBatch';
import { checkName, MIGRATIONS, render } from './migrations';
import { queryEvents } from './queryEvents';
import { readEvents } from './readEvents';
import { unplacedBatches } from './unplacedBatches';

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
  /**
   * The role the app logs in as (default `city_audit_writer`): SELECT, checkpoint rows, and the
   * append functions; no other write.
   */
  writerRole?: string;
}

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

/** A primary-key clash with a concurrent writer's row, or a deadlock: the batch is retried. */
function retryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === '40P01';
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

  async function* readFrom(afterSeq: number): AsyncGenerator<SealedEvent> {
    yield* readEvents(await open(), s, chainId, afterSeq);
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
      for (let attempt = 1; ; attempt++) {
        try {
          // A retry looks ids up whatever they are: the clash may be this very batch, stored
          // by an attempt whose reply the connection lost (then it is placed, if not yet, and
          // returned as stored).
          const lookup = attempt > 1 || !allMinted(batch);
          const { events, fresh } = await appendBatch(client, s, chainId, batch, lookup);
          for (const e of fresh) markStored(e);
          return events;
        } catch (error) {
          // A concurrent writer stored one of these ids first (its row was not committed when
          // this batch looked): the batch is retried as a whole and then finds it.
          if (attempt < 4 && retryable(error)) continue;
          throw error;
        }
      }
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
      return readFrom(-1);
    },
    readAfter(afterSeq: number) {
      return readFrom(afterSeq);
    },
    async query(query: AuditQuery): Promise<AuditQueryPage> {
      return queryEvents(await open(), s, chainId, query);
    },
    async appendCheckpoint(cp: StoredCheckpoint) {
      const client = await open();
      await client.query(
        `INSERT INTO ${s}.audit_checkpoints (chain_id, size, head_hash, record) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [chainId, cp.size, 'note' in cp ? cp.rootHash : cp.headHash, JSON.stringify(cp)],
      );
    },
    async unplaced() {
      return unplacedBatches(await open(), s, chainId);
    },
    async checkpoints() {
      const client = await open();
      const { rows } = await client.query<{ record: string }>(
        `SELECT record FROM ${s}.audit_checkpoints WHERE chain_id = $1 ORDER BY size`,
        [chainId],
      );
      // The writer role may insert checkpoint rows: one that is not JSON is not a checkpoint
      // (as a torn line of a JSONL store's checkpoint file), and verify relies only on
      // checkpoints a trusted key signed anyway.
      const out: StoredCheckpoint[] = [];
      for (const r of rows) {
        try {
          const cp: unknown = JSON.parse(r.record);
          if (cp !== null && typeof cp === 'object') out.push(cp as StoredCheckpoint);
        } catch {
          // not a checkpoint
        }
      }
      return out;
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
