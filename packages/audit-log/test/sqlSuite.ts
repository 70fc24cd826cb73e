import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditLog,
  createEventId,
  generateCheckpointKeys,
  proveEvent,
  signCheckpoint,
  signCheckpointNote,
  verifierKey,
  verify,
  verifyEventProof,
} from '../src/index';
import { canonicalize } from '../src/internal/canonical';
import { EMPTY_HEAD, type SealedEvent, sealEvents } from '../src/internal/chain';
import { AuditEvent } from '../src/internal/schemas';
import { sealBatch } from '../src/internal/sealBatch';
import { MIGRATIONS, render } from '../src/internal/sql/migrations';
import type { SqlQueryable } from '../src/internal/sql/sqlStore';
import { uuidv7 } from '../src/internal/uuidv7';
import { postgresStore } from '../src/postgresStore';
import { PLANTED, plantedDetails, sampleEvent, UNSIGNED } from './fixtures';
import { openTestDatabase, type TestDatabase } from './sql';
import { stageWithoutSeal, unsealedEvent } from './stageWithoutSeal';
import { TAMPER_KEYS, tamperMatrix } from './tamperMatrix';

/** Every SQL-store test, against PostgreSQL (DATABASE_URL) or PGlite. */
export function sqlSuite(which: 'env' | 'pglite') {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(which);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  /** As a superuser with triggers off: what an attacker with database admin rights can do. */
  const asAttacker = (schema: string, sql: string, params: unknown[] = []) =>
    db.admin(async (c) => {
      await c.exec('BEGIN; SET LOCAL session_replication_role = replica;');
      try {
        await c.query(sql.replaceAll('$S', `"${schema}"`), params);
        await c.exec('COMMIT');
      } catch (error) {
        await c.exec('ROLLBACK');
        throw error;
      }
    });

  /** A row's position: its seq (format 1) or its batch's first seq plus its place (format 2). */
  const POS =
    'COALESCE(e.seq, (SELECT b.first_seq + e.batch_pos FROM $S.audit_batches b WHERE b.batch_id = e.batch_id))';

  /** The record a format-2 row stores: the canonical event with `integrity: { format, hash }`. */
  const recordOf = (e: SealedEvent) =>
    canonicalize({ ...e, integrity: { format: 2, hash: e.integrity.hash } });

  /** Writes `e` as a row of the former release: format 1, with its seq and no batch. */
  const insertFormat1Row = (c: SqlQueryable, schema: string, e: SealedEvent) =>
    c.query(
      `INSERT INTO "${schema}".audit_events (chain_id, seq, id, event_time, action, actor_id, target_type, target_id, outcome, hash, record)
       VALUES ('default', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.integrity.seq,
        e.id,
        e.time,
        e.action,
        e.actor.id,
        e.target?.type ?? null,
        e.target?.id ?? null,
        e.outcome,
        e.integrity.hash,
        canonicalize(e),
      ],
    );

  /** `events` sealed again in format 2, as a writer with the database's rights can seal. */
  const reseal = (events: readonly SealedEvent[]) =>
    sealBatch(events.map(({ integrity: _i, ...e }) => e)).sealed;

  /** Inserts `events` as one sealed batch from `first` on, moving the head onto its end. */
  const insertBatch = async (schema: string, first: number, events: readonly SealedEvent[]) => {
    const batchId = randomUUID();
    for (const [i, e] of events.entries()) {
      await asAttacker(
        schema,
        `INSERT INTO $S.audit_events (chain_id, batch_id, batch_pos, id, event_time, action, actor_id, target_type, target_id, outcome, hash, record)
         VALUES ('default', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          batchId,
          i,
          e.id,
          e.time,
          e.action,
          e.actor.id,
          e.target?.type ?? null,
          e.target?.id ?? null,
          e.outcome,
          e.integrity.hash,
          recordOf(e),
        ],
      );
    }
    const last = events.at(-1) as SealedEvent;
    await asAttacker(
      schema,
      `INSERT INTO $S.audit_batches (chain_id, first_seq, count, batch_id, last_hash) VALUES ('default', $1, $2, $3, $4)`,
      [first, events.length, batchId, last.integrity.hash],
    );
    await asAttacker(schema, 'UPDATE $S.audit_chain_heads SET seq = $1, hash = $2', [
      first + events.length - 1,
      last.integrity.hash,
    ]);
  };

  describe('tamper matrix', () => {
    tamperMatrix(async () => {
      const schema = db.newSchema();
      const store = db.store({ schema });
      return {
        store,
        reader: async () => store,
        cleanup: async () => {},
        tamper: {
          modify: (seq) =>
            asAttacker(
              schema,
              `UPDATE $S.audit_events e SET record = replace(record, '"outcome":"success"', '"outcome":"denied"') WHERE ${POS} = $1`,
              [seq],
            ),
          remove: (seq) =>
            asAttacker(schema, `DELETE FROM $S.audit_events e WHERE ${POS} = $1`, [seq]),
          insertAfter: async (after, given: SealedEvent) => {
            // Into the place of the event after `after`, sealed as this store seals.
            const forged = reseal([given])[0] as SealedEvent;
            await asAttacker(
              schema,
              `INSERT INTO $S.audit_events (chain_id, batch_id, batch_pos, id, event_time, action, actor_id, outcome, hash, record)
               SELECT 'default', e.batch_id, e.batch_pos, $2, $3, $4, $5, $6, $7, $8
                 FROM $S.audit_events e WHERE ${POS} = $1`,
              [
                after + 1,
                forged.id,
                forged.time,
                forged.action,
                forged.actor.id,
                forged.outcome,
                forged.integrity.hash,
                recordOf(forged),
              ],
            );
          },
          swap: async (a, b) => {
            const rows = await db.admin((c) =>
              c.query<{ id: string; batch_id: string; batch_pos: number; pos: string }>(
                `SELECT e.id, e.batch_id, e.batch_pos, ${POS} AS pos FROM $S.audit_events e WHERE ${POS} IN ($1, $2)`.replaceAll(
                  '$S',
                  `"${schema}"`,
                ),
                [a, b],
              ),
            );
            const [x, y] = rows.rows;
            if (!x || !y) throw new Error(`no events at ${a} and ${b}`);
            for (const [row, to] of [
              [x, y],
              [y, x],
            ] as const) {
              await asAttacker(
                schema,
                'UPDATE $S.audit_events SET batch_id = $2, batch_pos = $3 WHERE id = $1',
                [row.id, to.batch_id, to.batch_pos],
              );
            }
          },
          rewriteFrom: async (forged) => {
            const from = forged[0]?.integrity.seq as number;
            await asAttacker(schema, `DELETE FROM $S.audit_events e WHERE ${POS} >= $1`, [from]);
            await asAttacker(schema, 'DELETE FROM $S.audit_batches WHERE first_seq >= $1', [from]);
            await asAttacker(schema, 'UPDATE $S.audit_chain_heads SET seq = $1', [from - 1]);
            await insertBatch(schema, from, forged);
          },
          truncate: async (keep) => {
            // A careful attacker also rewinds the recorded head; only the held checkpoint remains.
            await asAttacker(schema, `DELETE FROM $S.audit_events e WHERE ${POS} > $1`, [keep]);
            await asAttacker(schema, 'DELETE FROM $S.audit_batches WHERE first_seq > $1', [keep]);
            await asAttacker(
              schema,
              `UPDATE $S.audit_chain_heads SET seq = $1, hash = (SELECT last_hash FROM $S.audit_batches WHERE first_seq + count - 1 = $1)`,
              [keep],
            );
          },
        },
      };
    });
  });

  it('detects truncation from the recorded chain head even without a checkpoint', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    await Promise.all(Array.from({ length: 6 }, (_, i) => log.record(sampleEvent(i))));
    await asAttacker(schema, `DELETE FROM $S.audit_events e WHERE ${POS} > 4`);
    expect((await verify(store, UNSIGNED)).firstBad).toMatchObject({ seq: 5, reason: 'truncated' });
    await log.close();
  });

  it('rejects UPDATE, DELETE and TRUNCATE of audit rows, even by the table owner', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    await log.record(sampleEvent(1));
    for (const sql of [
      `UPDATE "${schema}".audit_events SET outcome = 'denied'`,
      `DELETE FROM "${schema}".audit_events`,
      `TRUNCATE "${schema}".audit_events`,
    ]) {
      await expect(db.admin((c) => c.query(sql))).rejects.toThrow(/insert-only/);
    }
    // A partition truncated directly is refused too.
    const month = new Date().toISOString().slice(0, 7).replace('-', '_');
    await expect(
      db.admin((c) => c.query(`TRUNCATE "${schema}".audit_events_${month}`)),
    ).rejects.toThrow(/insert-only/);
    expect((await verify(store, UNSIGNED)).ok).toBe(true);
    await log.close();
  });

  it('grants the writer role SELECT and the append functions, but not INSERT, TRUNCATE, UPDATE or DELETE', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    await store.head(); // migrates
    const asWriter = (sql: string) =>
      db.admin(async (c) => {
        await c.exec('BEGIN; SET LOCAL ROLE city_audit_writer;');
        try {
          return await c.query(sql);
        } finally {
          await c.exec('ROLLBACK');
        }
      });
    await expect(
      asWriter(`SELECT "${schema}".audit_ensure_partition('2031-02')`),
    ).resolves.toBeDefined();
    await expect(asWriter(`SELECT count(*) FROM "${schema}".audit_events`)).resolves.toBeDefined();
    for (const sql of [
      `INSERT INTO "${schema}".audit_events (chain_id, seq, id, event_time, action, actor_id, outcome, hash, record)
       VALUES ('default', 1, '${uuidv7()}', now(), 'case.view', 'u-1', 'success', 'h', '{}')`,
      `TRUNCATE "${schema}".audit_events`,
      `DELETE FROM "${schema}".audit_events`,
      `UPDATE "${schema}".audit_events SET outcome = 'x'`,
    ]) {
      await expect(asWriter(sql)).rejects.toThrow(/permission denied/);
    }
  });

  it('lets the writer role write events, batches and the head only through the append functions, which refuse a batch that is not what it says, and no checkpoint beyond the head', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    for (let i = 0; i < 4; i++) await log.record(sampleEvent(i));
    await log.close();
    /** Runs the statements in one transaction as the writer role, then rolls it back. */
    const asWriter = (...statements: [string, unknown[]?][]) =>
      db.admin(async (c) => {
        await c.exec('BEGIN; SET LOCAL ROLE city_audit_writer;');
        try {
          let last: unknown;
          for (const [sql, params] of statements) {
            last = await c.query(sql.replaceAll('$S', `"${schema}"`), params ?? []);
          }
          return last;
        } finally {
          await c.exec('ROLLBACK');
        }
      });
    const batch = randomUUID();
    const now = new Date().toISOString();
    /** audit_append_batch for a batch of two rows (hashes h0, h1), said to hold `count`. */
    const append = (count: number, lastHash: string, chain = 'default'): [string, unknown[]] => [
      `SELECT $S.audit_append_batch($1, $2, $3, $4, $5::uuid[], $6::timestamptz[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13)`,
      [
        chain,
        batch,
        count,
        lastHash,
        [uuidv7(), uuidv7()],
        [now, now],
        ['case.view', 'case.view'],
        ['u-1', 'u-1'],
        [null, null],
        [null, null],
        ['success', 'success'],
        ['h0', 'h1'],
        '{}\n{}',
      ],
    ];
    for (const [statements, why] of [
      [[['UPDATE $S.audit_chain_heads SET seq = 2']], /permission denied/],
      [[[`UPDATE $S.audit_chain_heads SET seq = 9, hash = repeat('f', 64)`]], /permission denied/],
      [[['DELETE FROM $S.audit_chain_heads']], /permission denied/],
      [
        [[`INSERT INTO $S.audit_chain_heads (chain_id, seq, hash) VALUES ('other', 0, 'x')`]],
        /permission denied/,
      ],
      [
        [
          [
            `INSERT INTO $S.audit_batches (chain_id, first_seq, count, batch_id, last_hash) VALUES ('default', 5, 1, $1, 'x')`,
            [batch],
          ],
        ],
        /permission denied/,
      ],
      [
        [
          [
            `INSERT INTO $S.audit_pending (chain_id, batch_id, count, last_hash) VALUES ('default', $1, 1, 'x')`,
            [batch],
          ],
        ],
        /permission denied/,
      ],
      [
        [
          [
            `INSERT INTO $S.audit_events (chain_id, batch_id, batch_pos, id, event_time, action, actor_id, outcome, hash, record)
             VALUES ('default', $1, 0, $2, $3, 'case.view', 'u-1', 'success', 'h', '{}')`,
            [batch, uuidv7(), now],
          ],
        ],
        /permission denied/,
      ],
      [
        [
          [
            `INSERT INTO $S.audit_checkpoints (chain_id, size, head_hash, record) VALUES ('default', 99, 'x', '{}')`,
          ],
        ],
        /cannot cover more events/,
      ],
      // The append and seal functions check what they are given.
      [[append(3, 'h1')], /is said to hold 3 events, but 2 records and 2 ids were given/],
      [[append(2, 'h0')], /the last event of batch .* has hash h1, not h0/],
      [[append(0, 'h1')], /a count of at least 1/],
      [
        [['SELECT $S.audit_seal_batch($1, $2)', ['default', randomUUID()]]],
        /no batch .* is staged for chain default/,
      ],
      [
        [append(2, 'h1', 'other'), ['SELECT $S.audit_seal_batch($1, $2)', ['default', batch]]],
        /no batch .* is staged for chain default/,
      ],
    ] as const) {
      await expect(asWriter(...(statements as unknown as [string, unknown[]?][]))).rejects.toThrow(
        why,
      );
    }
    // Through the functions, the writer role appends: the batch goes after the head.
    const sealed = (await asWriter(append(2, 'h1'), [
      'SELECT $S.audit_seal_batch($1, $2) AS first',
      ['default', batch],
    ])) as { rows: { first: string | number }[] };
    expect(Number(sealed.rows[0]?.first)).toBe(5);
    // The head's guard binds the owner too (unless the owner disables triggers).
    for (const [sql, why] of [
      [`UPDATE "${schema}".audit_chain_heads SET seq = 2`, /cannot move back/],
      [`UPDATE "${schema}".audit_chain_heads SET hash = repeat('f', 64)`, /cannot move back/],
      [
        `UPDATE "${schema}".audit_chain_heads SET seq = 9, hash = repeat('f', 64)`,
        /only move onto a stored event/,
      ],
      [`UPDATE "${schema}".audit_batches SET count = 9`, /insert-only/],
      [`DELETE FROM "${schema}".audit_batches`, /insert-only/],
    ] as const) {
      await expect(db.admin((c) => c.query(sql))).rejects.toThrow(why);
    }
    expect((await verify(store, UNSIGNED)).ok).toBe(true);
  });

  /**
   * A schema as the release before format 2 left it: migrations 001 to 003 and `n` format-1
   * events written the way that release's append wrote them (seq column, chained hashes).
   */
  async function formerRelease(n: number) {
    const schema = db.newSchema();
    const events = sealEvents(
      Array.from({ length: n }, (_, i) => ({
        ...sampleEvent(i),
        app: { name: 'former' },
        id: uuidv7(),
        time: new Date().toISOString(),
      })),
      EMPTY_HEAD,
    ).sealed;
    await db.admin(async (c) => {
      await c.exec(`CREATE SCHEMA "${schema}"`);
      await c.exec(
        `CREATE TABLE "${schema}".audit_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      for (const m of MIGRATIONS.slice(0, 3)) {
        await c.exec(render(m.sql, schema, 'city_audit_writer'));
        await c.query(`INSERT INTO "${schema}".audit_migrations (id) VALUES ($1)`, [m.id]);
      }
      await c.query(`SELECT "${schema}".audit_ensure_partition($1)`, [
        new Date().toISOString().slice(0, 7),
      ]);
      await c.query(
        `INSERT INTO "${schema}".audit_chain_heads (chain_id, seq, hash) VALUES ('default', 0, $1)`,
        [EMPTY_HEAD.hash],
      );
      for (const e of events) {
        await insertFormat1Row(c, schema, e);
        await c.query(
          `UPDATE "${schema}".audit_chain_heads SET seq = $1, hash = $2 WHERE chain_id = 'default'`,
          [e.integrity.seq, e.integrity.hash],
        );
      }
    });
    return { schema, events };
  }

  it('keeps a log of the former release: its format-1 events, then format 2, verify against a signed checkpoint, proofs for both', async () => {
    const { schema, events: former } = await formerRelease(3);
    const store = db.store({ schema });
    const log = createAuditLog({
      app: { name: 't' },
      store,
      closeStore: false,
      signer: { privateKey: TAMPER_KEYS.privateKey, everyEvents: 2, everyMs: 0 },
    });
    const added: SealedEvent[] = [];
    for (let i = 0; i < 4; i++) added.push(await log.record(sampleEvent(10 + i)));
    await log.close();
    expect(added.map((e) => e.integrity)).toEqual(
      [4, 5, 6, 7].map((seq) => ({ format: 2, hash: expect.any(String), seq })),
    );
    const held = log.lastCheckpoint?.note as string;
    expect(log.lastCheckpoint?.size).toBe(7);
    const result = await verify(store, { publicKey: TAMPER_KEYS.publicKey, trusted: [held] });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, count: 7 });
    // Readers give both formats their seq, in order.
    const all: SealedEvent[] = [];
    for await (const e of store.read()) all.push(e);
    expect(all.map((e) => [e.integrity.seq, 'format' in e.integrity])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, true],
      [6, true],
      [7, true],
    ]);
    expect(all.slice(0, 3)).toEqual(former.map((e) => JSON.parse(canonicalize(e))));
    const after: number[] = [];
    for await (const e of store.readAfter?.(2) ?? []) after.push(e.integrity.seq);
    expect(after).toEqual([3, 4, 5, 6, 7]);
    const page = await store.query({ limit: 100 });
    expect(page.events.map((e) => e.integrity.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // A recipient holding only the verifier key checks an event of each format.
    const keys = [verifierKey('city-audit/default', TAMPER_KEYS.publicKey)];
    for (const e of [former[1], added[2]] as SealedEvent[]) {
      const proof = JSON.parse(JSON.stringify(await proveEvent(store, e.id)));
      expect(verifyEventProof(proof, { keys })).toMatchObject({ ok: true });
      const forged = { ...proof, event: { ...proof.event, outcome: 'denied' } };
      expect(verifyEventProof(forged, { keys }).ok).toBe(false);
    }
    // A format-2 hash is not a format-1 hash: relabelled as format 1, the event fails.
    const relabelled = { ...(added[0] as SealedEvent) } as SealedEvent;
    relabelled.integrity = {
      seq: 4,
      prevHash: (former[2] as SealedEvent).integrity.hash,
      hash: relabelled.integrity.hash,
    };
    const mixed = await verify([...former, relabelled], UNSIGNED);
    expect(mixed.firstBad).toMatchObject({ seq: 4, reason: 'hash-mismatch' });
    // A query column edited under a row of either format is reported against the hashed record.
    await asAttacker(
      schema,
      `UPDATE $S.audit_events e SET actor_id = 'someone-else' WHERE ${POS} IN (2, 6)`,
    );
    const edited = await verify(store, { publicKey: TAMPER_KEYS.publicKey, trusted: [held] });
    expect(edited.problems.map((p) => [p.seq, p.reason, p.message])).toEqual([
      [2, 'column-mismatch', 'event 2: the actor_id column differs from the hashed record'],
      [6, 'column-mismatch', 'event 6: the actor_id column differs from the hashed record'],
    ]);
  });

  it('refuses a format-1 event after format-2 events (an instance of the former release writing on)', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    for (let i = 0; i < 3; i++) await log.record(sampleEvent(i));
    await log.close();
    const head = await store.head();
    const [old] = sealEvents(
      [{ ...sampleEvent(9), app: { name: 'old' }, id: uuidv7(), time: new Date().toISOString() }],
      head,
    ).sealed;
    if (!old) throw new Error('nothing sealed');
    // The former release ran as the owner: its row and head update pass the grants and guards.
    await db.admin(async (c) => {
      await insertFormat1Row(c, schema, old);
      await c.query(`UPDATE "${schema}".audit_chain_heads SET seq = $1, hash = $2`, [
        old.integrity.seq,
        old.integrity.hash,
      ]);
    });
    const result = await verify(store, UNSIGNED);
    expect(result.problems).toEqual([
      expect.objectContaining({
        seq: 4,
        reason: 'malformed',
        message: expect.stringMatching(/format 1 after/),
      }),
    ]);
  });

  it('places a batch stored but never sealed (its writer died, or lost the reply) when its ids come again, and with the next seal', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    await log.record(sampleEvent(0));
    const stageOnly = (events: ReturnType<typeof unsealedEvent>[]) =>
      db.admin((c) => stageWithoutSeal(c, schema, events));
    const at = unsealedEvent;
    // Staged, not placed: readers do not see it yet.
    const lost = [at(1), at(2)];
    const before = Date.now();
    const staged = await stageOnly(lost);
    const waiting = await verify(store, UNSIGNED);
    expect(waiting).toMatchObject({ ok: true, count: 1 });
    // Not in the log, and not hidden: verify says they wait.
    expect(waiting.unplaced).toMatchObject({ batches: 1, events: 2 });
    expect(Date.parse(waiting.unplaced?.since as string)).toBeGreaterThanOrEqual(before - 1000);
    // The retry of that append finds its rows, places them and returns them as stored.
    const again = await store.append(lost);
    expect(again.map((e) => [e.id, e.integrity.hash, e.integrity.seq])).toEqual(
      staged.map((e, i) => [e.id, e.integrity.hash, 2 + i]),
    );
    // A batch whose writer died is placed by the next writer's seal, before that writer's own.
    expect(await verify(store, UNSIGNED)).not.toHaveProperty('unplaced');
    const orphan = await stageOnly([at(3)]);
    expect((await verify(store, UNSIGNED)).unplaced).toMatchObject({ batches: 1, events: 1 });
    const next = await log.record(sampleEvent(4));
    expect(next.integrity.seq).toBe(5);
    await log.close();
    const all: SealedEvent[] = [];
    for await (const e of store.read()) all.push(e);
    expect(all.map((e) => e.id)).toEqual([
      all[0]?.id,
      ...staged.map((e) => e.id),
      (orphan[0] as SealedEvent).id,
      next.id,
    ]);
    const placed = await verify(store, UNSIGNED);
    expect(placed).toMatchObject({ ok: true, count: 5 });
    expect(placed).not.toHaveProperty('unplaced');
  });

  it('refuses a batch id already placed, in this chain or another: nothing is added to a sealed batch and the log keeps taking events', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({
      app: { name: 't' },
      store,
      closeStore: false,
      signer: { privateKey: TAMPER_KEYS.privateKey, everyEvents: 3, everyMs: 0 },
    });
    for (let i = 0; i < 3; i++) await log.record(sampleEvent(i));
    const held = (await log.checkpoint())?.note as string;
    expect(held).toMatch(/\n3\n/);
    const placed = await db.admin(
      async (c) =>
        (
          await c.query<{ batch_id: string }>(
            `SELECT batch_id FROM "${schema}".audit_batches ORDER BY first_seq LIMIT 1`,
          )
        ).rows[0]?.batch_id as string,
    );
    for (const chain of ['default', 'another']) {
      await expect(
        db.admin((c) => stageWithoutSeal(c, schema, [unsealedEvent(90)], chain, placed)),
      ).rejects.toThrow(/batch .* is already placed in the log; a batch id is used once/);
    }
    // Nothing of those appends was stored, and the next events are placed as usual.
    const rows = await db.admin(
      async (c) =>
        (
          await c.query<{ n: number }>(
            `SELECT count(*)::integer AS n FROM "${schema}".audit_events WHERE batch_id = $1`,
            [placed],
          )
        ).rows[0]?.n,
    );
    expect(rows).toBe(1);
    const next = await log.record(sampleEvent(3));
    expect(next.integrity.seq).toBe(4);
    await log.close();
    const result = await verify(store, { publicKey: TAMPER_KEYS.publicKey, trusted: [held] });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, count: 4 });
    expect(result).not.toHaveProperty('unplaced');
  });

  it("reads a batch's rows of its own chain only", async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    for (let i = 0; i < 2; i++) await log.record(sampleEvent(i));
    await log.close();
    // The owner (who can write anything) puts a row of another chain under a placed batch id.
    await db.admin(async (c) => {
      const { rows } = await c.query<{ batch_id: string }>(
        `SELECT batch_id FROM "${schema}".audit_batches ORDER BY first_seq LIMIT 1`,
      );
      const e = unsealedEvent(50);
      await c.query(
        `INSERT INTO "${schema}".audit_events (chain_id, batch_id, batch_pos, id, event_time, action, actor_id, outcome, hash, record)
         VALUES ('another', $1, 0, $2, $3, 'case.view', 'intruder', 'success', $4, '{}')`,
        [rows[0]?.batch_id, e.id, e.time, '0'.repeat(64)],
      );
    });
    const read: string[] = [];
    for await (const e of store.read()) read.push(e.actor.id);
    expect(read).toHaveLength(2);
    expect(read).not.toContain('intruder');
    expect(await verify(store, UNSIGNED)).toMatchObject({ ok: true, count: 2 });
  });

  it('migration 006 drops a staged copy of a placed batch, which would stop every seal', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    await log.record(sampleEvent(0));
    // The state an append with a reused batch id left before migration 006.
    await db.admin(async (c) => {
      await c.exec(`DROP TRIGGER audit_pending_batch_once ON "${schema}".audit_pending`);
      await c.exec(`DROP FUNCTION "${schema}".audit_refuse_placed_batch()`);
      await c.query(`DELETE FROM "${schema}".audit_migrations WHERE id = '006_batch_ids_once'`);
      const { rows } = await c.query<{ batch_id: string }>(
        `SELECT batch_id FROM "${schema}".audit_batches LIMIT 1`,
      );
      await stageWithoutSeal(c, schema, [unsealedEvent(7)], 'default', rows[0]?.batch_id);
    });
    await expect(log.record(sampleEvent(1))).rejects.toThrow();
    await log.close();
    // Opened again, the store applies 006: the staged copy is gone and appends work.
    const reopened = db.store({ schema });
    const again = createAuditLog({ app: { name: 't' }, store: reopened });
    expect((await again.record(sampleEvent(2))).integrity.seq).toBeGreaterThanOrEqual(2);
    await again.close();
  });

  it('a checkpoint row the writer adds (not JSON, a root the log does not have, another key) neither breaks verify nor is served by prove', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const origin = 'city-audit/default';
    const log = createAuditLog({
      app: { name: 't' },
      store,
      closeStore: false,
      signer: { privateKey: TAMPER_KEYS.privateKey, everyEvents: 2, everyMs: 0 },
    });
    const events: SealedEvent[] = [];
    for (let i = 0; i < 5; i++) events.push(await log.record(sampleEvent(i)));
    const held = (await log.checkpoint())?.note as string;
    await log.close();
    const root5 = (await verify(store, UNSIGNED)).rootHash;
    const other = generateCheckpointKeys();
    const forge = (rootHash: string) =>
      JSON.stringify(
        signCheckpointNote({ origin, size: 6, rootHash }, [
          { name: origin, privateKey: other.privateKey },
        ]),
      );
    // One more event, so the forged notes at 6 are the newest the store holds.
    const sixth = await store.append([unsealedEvent(5)]);
    expect(sixth[0]?.integrity.seq).toBe(6);
    const root6 = (await verify(store, UNSIGNED)).rootHash;
    await db.admin(async (c) => {
      const rows = [
        'not json',
        forge(root5), // a root the log does not have at 6
        forge(root6), // the right root, signed by a key nobody trusts
      ];
      for (const [i, record] of rows.entries()) {
        await c.query(
          `INSERT INTO "${schema}".audit_checkpoints (chain_id, size, head_hash, record) VALUES ('default', 6, $1, $2)`,
          [`forged-${i}`, record],
        );
      }
    });
    const result = await verify(store, { publicKey: TAMPER_KEYS.publicKey, trusted: [held] });
    expect(result).toMatchObject({ ok: true, count: 6, problems: [] });
    expect(result.checkpointsIgnored).toBeGreaterThanOrEqual(2);
    const keys = [verifierKey(origin, TAMPER_KEYS.publicKey)];
    const target = events[1] as SealedEvent;
    // With the log's key, prove serves the newest checkpoint that key signed and the tree matches.
    const proof = await proveEvent(store, target.id, { keys });
    expect(proof.treeSize).toBe(5);
    expect(verifyEventProof(JSON.parse(JSON.stringify(proof)), { keys })).toMatchObject({
      ok: true,
    });
    // Without keys, a note whose root the log does not have is passed over all the same.
    expect((await proveEvent(store, target.id)).checkpoint).not.toBe(JSON.parse(forge(root5)).note);
  });

  // PGlite has one user: this needs a server that logs a second role in.
  const realServer = which === 'env' && Boolean(process.env.DATABASE_URL);
  (realServer ? it : () => {})(
    'a login in the writer role appends and verifies, and cannot move the head itself (real PostgreSQL)',
    async () => {
      const schema = db.newSchema();
      await db.store({ schema }).head(); // the owner migrates
      const login = `audit_login_${randomUUID().slice(0, 8)}`;
      await db.admin((c) => c.exec(`CREATE ROLE ${login} LOGIN IN ROLE city_audit_writer`));
      const url = new URL(process.env.DATABASE_URL as string);
      url.username = login;
      url.password = '';
      const store = postgresStore({ connectionString: url.toString(), schema, migrate: false });
      try {
        const log = createAuditLog({
          app: { name: 'w' },
          store,
          closeStore: false,
          signer: { privateKey: TAMPER_KEYS.privateKey, everyEvents: 3, everyMs: 0 },
        });
        const events = await Promise.all(
          Array.from({ length: 7 }, (_, i) => log.record(sampleEvent(i))),
        );
        await log.close();
        expect(events.map((e) => e.integrity.seq).sort((a, b) => a - b)).toEqual([
          1, 2, 3, 4, 5, 6, 7,
        ]);
        const held = log.lastCheckpoint?.note as string;
        expect(
          await verify(store, { publicKey: TAMPER_KEYS.publicKey, trusted: [held] }),
        ).toMatchObject({ ok: true, count: 7 });
        const raw = (store as unknown as { client(): Promise<SqlQueryable> }).client();
        await expect(
          (await raw).query(`UPDATE "${schema}".audit_chain_heads SET seq = 1`),
        ).rejects.toThrow(/permission denied/);
        await expect((await raw).query(`DELETE FROM "${schema}".audit_batches`)).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await store.close();
        await db.admin((c) => c.exec(`DROP ROLE ${login}`));
      }
    },
  );

  it('reads a log of many batches page by page, in seq order from any seq', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const at = (n: number) => ({
      ...sampleEvent(n),
      app: { name: 't' },
      id: uuidv7(),
      time: new Date().toISOString(),
    });
    // A batch larger than a page of rows, more batches than one query of batches reads, and
    // another large batch after them.
    await store.append(Array.from({ length: 2500 }, (_, i) => at(i)));
    for (let i = 0; i < 300; i++) await store.append([at(i)]);
    await store.append(Array.from({ length: 700 }, (_, i) => at(i)));
    const seqs = async (events: AsyncIterable<SealedEvent> | Iterable<SealedEvent>) => {
      const out: number[] = [];
      for await (const e of events) out.push(e.integrity.seq);
      return out;
    };
    const range = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(await seqs(store.read())).toEqual(range(1, 3500));
    for (const after of [0, 1234, 2500, 2650, 2800, 3499, 3500]) {
      expect(await seqs(store.readAfter?.(after) ?? [])).toEqual(range(after + 1, 3500));
    }
    expect(await verify(store, UNSIGNED)).toMatchObject({ ok: true, count: 3500 });
  }, 60_000);

  it('partitions by month, creating partitions as events arrive', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const base = { ...sampleEvent(1), app: { name: 't' } };
    await store.append([
      {
        ...base,
        id: uuidv7(Date.parse('2026-01-31T23:59:59.999Z')),
        time: '2026-01-31T23:59:59.999Z',
      },
      {
        ...base,
        id: uuidv7(Date.parse('2026-02-01T00:00:00.000Z')),
        time: '2026-02-01T00:00:00.000Z',
      },
      {
        ...base,
        id: uuidv7(Date.parse('2026-03-15T12:00:00.000Z')),
        time: '2026-03-15T12:00:00.000Z',
      },
    ]);
    const rows = await db.admin((c) =>
      c.query<{ part: string; n: string | number }>(
        `SELECT tableoid::regclass::text AS part, count(*) AS n FROM "${schema}".audit_events GROUP BY 1 ORDER BY 1`,
      ),
    );
    expect(
      rows.rows.map((r) => [
        r.part.replace(`"${schema}".`, '').replace(`${schema}.`, ''),
        Number(r.n),
      ]),
    ).toEqual([
      ['audit_events_2026_01', 1],
      ['audit_events_2026_02', 1],
      ['audit_events_2026_03', 1],
    ]);
    expect((await verify(store, UNSIGNED)).ok).toBe(true);
  });

  it('uses the event id as idempotency key: a retried batch is not written twice', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const event = {
      ...sampleEvent(1),
      app: { name: 't' },
      id: uuidv7(),
      time: new Date().toISOString(),
    };
    const [first] = await store.append([event]);
    const [again, other] = await store.append([event, { ...event, id: uuidv7() }]);
    expect(again).toEqual(first);
    expect(other?.integrity.seq).toBe(2);
    expect(await verify(store, UNSIGNED)).toMatchObject({ ok: true, count: 2 });
  });

  it('a caller id repeated inside one batch is stored once, and the rest of the batch with it', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const at = (n: number) => ({
      ...sampleEvent(n),
      app: { name: 't' },
      id: uuidv7(),
      time: new Date().toISOString(),
    });
    const [a, b] = [at(1), at(2)];
    const out = await store.append([a, b, { ...a }, at(3)]);
    expect(out.map((e) => e.integrity.seq)).toEqual([1, 2, 1, 3]);
    expect(out[2]).toEqual(out[0]);
    expect(await verify(store, UNSIGNED)).toMatchObject({ ok: true, count: 3 });
    // Through the log too: the same id twice in one burst resolves both records to one event.
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    const id = createEventId();
    const [x, y] = await Promise.all([
      log.record(sampleEvent(4), { id }),
      log.record(sampleEvent(4), { id }),
    ]);
    expect(y).toEqual(x);
    await log.close();
    expect(await verify(store, UNSIGNED)).toMatchObject({ ok: true, count: 4 });
  });

  it('two log instances writing one database concurrently form one valid chain', async () => {
    const schema = db.newSchema();
    const a = createAuditLog({
      app: { name: 'a' },
      store: db.store({ schema, chainId: 'shared' }),
    });
    const b = createAuditLog({
      app: { name: 'b' },
      store: db.store({ schema, chainId: 'shared' }),
    });
    const events = await Promise.all(
      Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? a : b).record(sampleEvent(i))),
    );
    const seqs = events.map((e) => e.integrity.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const reader = db.store({ schema, chainId: 'shared' });
    expect(await verify(reader, UNSIGNED)).toMatchObject({ ok: true, count: 120 });
    // What a reader gets back is an AuditEvent of the City's schema (format-2 integrity).
    for await (const stored of reader.read()) {
      expect(AuditEvent.parse(stored).integrity).toEqual({
        format: 2,
        seq: stored.integrity.seq,
        hash: stored.integrity.hash,
      });
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps separate chains apart in one schema', async () => {
    const schema = db.newSchema();
    const a = createAuditLog({ app: { name: 'a' }, store: db.store({ schema, chainId: 'one' }) });
    const b = createAuditLog({ app: { name: 'b' }, store: db.store({ schema, chainId: 'two' }) });
    await a.record(sampleEvent(1));
    const e = await b.record(sampleEvent(2));
    expect(e.integrity.seq).toBe(1);
    expect(await verify(db.store({ schema, chainId: 'one' }), UNSIGNED)).toMatchObject({
      ok: true,
      count: 1,
    });
    await Promise.all([a.close(), b.close()]);
  });

  it('queries by target, actor, action and time with a cursor', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => log.record(sampleEvent(i))));
    const want = all.filter((e) => e.target?.id === 'BCS-1003').map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.query({
        targetType: 'case',
        targetId: 'BCS-1003',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(want);
    const desc = await store.query({
      actor: 'u-2',
      action: 'case.view',
      limit: 100,
      order: 'desc',
    });
    expect(desc.events.length).toBeGreaterThan(0);
    expect(desc.events.every((e) => e.actor.id === 'u-2' && e.action === 'case.view')).toBe(true);
    const seqs = desc.events.map((e) => e.integrity.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    const future = await store.query({ from: new Date(Date.now() + 86_400_000), limit: 5 });
    expect(future.events).toEqual([]);
    // A cursor of the release that paged by seq is not one these stores issue now.
    const bySeq = Buffer.from(JSON.stringify({ s: 3 })).toString('base64url');
    await expect(store.query({ limit: 5, cursor: bySeq })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await log.close();
  });

  it('stores signed checkpoints and verifies them', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema, chainId: 'signed' });
    const log = createAuditLog({
      app: { name: 't' },
      store,
      closeStore: false,
      signer: { privateKey: TAMPER_KEYS.privateKey, everyEvents: 3, everyMs: 0 },
    });
    for (let i = 0; i < 7; i++) await log.record(sampleEvent(i));
    await log.close();
    expect((await store.checkpoints()).map((c) => c.size)).toEqual([3, 6, 7]);
    const held = log.lastCheckpoint?.note as string;
    expect(
      await verify(store, { publicKey: TAMPER_KEYS.publicKey, trusted: [held] }),
    ).toMatchObject({
      ok: true,
      checkpointsChecked: 4,
    });
    // A checkpoint the key signed over another root at size 7 (a fork) is refused.
    const forged = signCheckpointNote(
      { origin: 'city-audit/signed', size: 7, rootHash: Buffer.alloc(32, 0xff).toString('base64') },
      [{ name: 'city-audit/signed', privateKey: TAMPER_KEYS.privateKey }],
    );
    expect(
      (await verify(store, { publicKey: TAMPER_KEYS.publicKey, trusted: [forged] })).firstBad,
    ).toMatchObject({ seq: 7, reason: 'checkpoint-mismatch' });
    // The checkpoints of the release before notes (JSON, over the chain head) still verify.
    const events: SealedEvent[] = [];
    for await (const e of store.read()) events.push(e);
    const old = signCheckpoint(
      { chainId: 'signed', size: 7, headHash: (events[6] as SealedEvent).integrity.hash },
      TAMPER_KEYS.privateKey,
    );
    expect(
      await verify(store, { publicKey: TAMPER_KEYS.publicKey, checkpoints: [old] }),
    ).toMatchObject({ ok: true });
    const oldForged = signCheckpoint(
      { chainId: 'signed', size: 7, headHash: 'f'.repeat(64) },
      TAMPER_KEYS.privateKey,
    );
    expect(
      (await verify(store, { publicKey: TAMPER_KEYS.publicKey, checkpoints: [oldForged] }))
        .firstBad,
    ).toMatchObject({ seq: 7, reason: 'checkpoint-mismatch' });
  });

  it('never stores a planted SSN, phone or email in any column', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    await log.record(sampleEvent(1, { details: plantedDetails, reason: `SSN ${PLANTED.ssn}` }));
    const { rows } = await db.admin((c) =>
      c.query<{ t: string }>(
        `SELECT string_agg(e::text, ' ') AS t FROM "${schema}".audit_events e`,
      ),
    );
    const bytes = rows[0]?.t ?? '';
    expect(bytes).toContain('[redacted:ssn]');
    for (const v of [...Object.values(PLANTED), '555-0142']) expect(bytes).not.toContain(v);
    await log.close();
  });

  it('rejects a schema name that is not a plain identifier with INVALID_OPTIONS', () => {
    expect(() => db.store({ schema: 'x"; DROP TABLE y; --' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
}
