import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditLog,
  createEventId,
  signCheckpoint,
  signCheckpointNote,
  verify,
} from '../src/index';
import { canonicalize } from '../src/internal/canonical';
import type { SealedEvent } from '../src/internal/chain';
import { uuidv7 } from '../src/internal/uuidv7';
import { PLANTED, plantedDetails, sampleEvent, UNSIGNED } from './fixtures';
import { openTestDatabase, type TestDatabase } from './sql';
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
              `UPDATE $S.audit_events SET record = replace(record, '"outcome":"success"', '"outcome":"denied"') WHERE seq = $1`,
              [seq],
            ),
          remove: (seq) => asAttacker(schema, 'DELETE FROM $S.audit_events WHERE seq = $1', [seq]),
          insertAfter: (_after, forged: SealedEvent) =>
            asAttacker(
              schema,
              `INSERT INTO $S.audit_events (chain_id, seq, id, event_time, action, actor_id, outcome, hash, record)
               VALUES ('default', $1, $2, $3, $4, $5, $6, $7, $8)`,
              [
                forged.integrity.seq,
                forged.id,
                forged.time,
                forged.action,
                forged.actor.id,
                forged.outcome,
                forged.integrity.hash,
                JSON.stringify(forged),
              ],
            ),
          swap: (a, b) =>
            asAttacker(
              schema,
              'UPDATE $S.audit_events SET seq = CASE seq WHEN $1 THEN $2 ELSE $1 END WHERE seq IN ($1, $2)',
              [a, b],
            ),
          rewriteFrom: async (forged) => {
            const from = forged[0]?.integrity.seq as number;
            await asAttacker(schema, 'DELETE FROM $S.audit_events WHERE seq >= $1', [from]);
            for (const e of forged) {
              await asAttacker(
                schema,
                `INSERT INTO $S.audit_events (chain_id, seq, id, event_time, action, actor_id, target_type, target_id, outcome, hash, record)
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
            }
            const last = forged.at(-1) as SealedEvent;
            await asAttacker(schema, 'UPDATE $S.audit_chain_heads SET seq = $1, hash = $2', [
              last.integrity.seq,
              last.integrity.hash,
            ]);
          },
          truncate: async (keep) => {
            // A careful attacker also rewinds the recorded head; only the held checkpoint remains.
            await asAttacker(schema, 'DELETE FROM $S.audit_events WHERE seq > $1', [keep]);
            await asAttacker(
              schema,
              `UPDATE $S.audit_chain_heads SET seq = $1, hash = (SELECT hash FROM $S.audit_events WHERE seq = $1)`,
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
    await asAttacker(schema, 'DELETE FROM $S.audit_events WHERE seq > 4');
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

  it('grants the writer role INSERT and SELECT but not TRUNCATE, UPDATE or DELETE', async () => {
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
      `TRUNCATE "${schema}".audit_events`,
      `DELETE FROM "${schema}".audit_events`,
      `UPDATE "${schema}".audit_events SET outcome = 'x'`,
    ]) {
      await expect(asWriter(sql)).rejects.toThrow(/permission denied/);
    }
  });

  it('lets the writer role neither rewind the chain head nor store a checkpoint beyond it', async () => {
    const schema = db.newSchema();
    const store = db.store({ schema });
    const log = createAuditLog({ app: { name: 't' }, store, closeStore: false });
    for (let i = 0; i < 4; i++) await log.record(sampleEvent(i));
    await log.close();
    const asWriter = (sql: string, params: unknown[] = []) =>
      db.admin(async (c) => {
        await c.exec('BEGIN; SET LOCAL ROLE city_audit_writer;');
        try {
          return await c.query(sql.replaceAll('$S', `"${schema}"`), params);
        } finally {
          await c.exec('ROLLBACK');
        }
      });
    for (const [sql, why] of [
      ['UPDATE $S.audit_chain_heads SET seq = 2', /cannot move back/],
      [`UPDATE $S.audit_chain_heads SET hash = repeat('f', 64)`, /cannot move back/],
      [
        `UPDATE $S.audit_chain_heads SET seq = 9, hash = repeat('f', 64)`,
        /only move onto a stored event/,
      ],
      ['DELETE FROM $S.audit_chain_heads', /permission denied|cannot be deleted/],
      [
        `INSERT INTO $S.audit_chain_heads (chain_id, seq, hash) VALUES ('other', 5, 'x')`,
        /starts at seq 0/,
      ],
      [
        `INSERT INTO $S.audit_checkpoints (chain_id, size, head_hash, record) VALUES ('default', 99, 'x', '{}')`,
        /cannot cover more events/,
      ],
    ] as const) {
      await expect(asWriter(sql)).rejects.toThrow(why);
    }
    expect((await verify(store, UNSIGNED)).ok).toBe(true);
  });

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
