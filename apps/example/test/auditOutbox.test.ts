// The audit events of changes commit with the change, and reach the audit log even when it was
// down at the time: the outbox on a real database (PGlite in memory, or PostgreSQL when
// DATABASE_URL is set), with an audit store that can be switched off.
import { randomBytes } from 'node:crypto';
import {
  type AuditStore,
  createAuditLog,
  generateCheckpointKeys,
  memoryStore,
  verifierKey,
  verify,
} from '@cityofboston/audit-log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditOutbox } from '../src/server/AuditOutbox';
import { type Database, openPglite, openPostgres } from '../src/server/database';

const APP = { name: '311-case-desk', version: 'test', department: 'PWD' };
const ORIGIN = 'boston.gov/audit/311-case-desk/outbox-test';
const KEYS = generateCheckpointKeys();
const event = (n: number) => ({
  actor: { type: 'user' as const, id: 'u-manager' },
  action: 'case.update',
  target: { type: 'ServiceRequest', id: `case-${n}` },
  outcome: 'success' as const,
  details: { version: n },
});

/** A memory store that refuses every write while `down` is set, as a store whose disk or server is gone. */
function switchableStore() {
  const inner = memoryStore();
  const state = { down: false };
  const store: AuditStore = {
    kind: 'switchable',
    chainId: inner.chainId,
    append: (events) =>
      state.down ? Promise.reject(new Error('store unavailable')) : inner.append(events),
    head: () => inner.head(),
    read: () => inner.read(),
    query: (q) => inner.query(q),
    appendCheckpoint: (c) => inner.appendCheckpoint(c),
    checkpoints: () => inner.checkpoints(),
    close: () => inner.close(),
  };
  return { store, inner, state };
}

let db: Database;
let schema: string;
beforeEach(async () => {
  schema = `outbox_t_${randomBytes(4).toString('hex')}`;
  db = process.env.DATABASE_URL
    ? await openPostgres(process.env.DATABASE_URL)
    : await openPglite('memory');
  await db.query(`CREATE SCHEMA "${schema}"`);
  await db.query(`CREATE TABLE "${schema}".things (id int PRIMARY KEY, v int NOT NULL)`);
});
afterEach(async () => {
  await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.close();
});

function setup() {
  const switchable = switchableStore();
  const log = createAuditLog({
    app: APP,
    store: switchable.store,
    batch: { retries: 0, retryDelayMs: 1 },
    signer: { privateKey: KEYS.privateKey, origin: ORIGIN },
  });
  const errors: unknown[] = [];
  const outbox = new AuditOutbox(db, schema, log, APP, (e) => errors.push(e));
  return { ...switchable, log, outbox, errors };
}

async function change(outbox: AuditOutbox, n: number, fail = false) {
  return db.transaction(async (tx) => {
    await tx.query(`INSERT INTO "${schema}".things (id, v) VALUES ($1, $1)`, [n]);
    const entry = await outbox.add(tx, event(n));
    if (fail) throw new Error('the change failed after its event was queued');
    return entry;
  });
}

describe('AuditOutbox', () => {
  it('delivers the event of a committed change to the log and leaves nothing behind', async () => {
    const { outbox, inner, log } = setup();
    await outbox.migrate();
    const entry = await change(outbox, 1);
    expect(await outbox.deliver(entry)).toBe(true);
    expect(await outbox.pending()).toBe(0);
    expect(inner.events).toHaveLength(1);
    expect(inner.events[0]).toMatchObject({
      action: 'case.update',
      target: { id: 'case-1' },
      details: { version: 1 },
    });
    await log.close();
  });

  it('keeps no event of a change that rolled back', async () => {
    const { outbox, log } = setup();
    await outbox.migrate();
    await expect(change(outbox, 2, true)).rejects.toThrow(/change failed/);
    expect(await outbox.pending()).toBe(0);
    const { rows } = await db.query(`SELECT * FROM "${schema}".things`);
    expect(rows).toEqual([]);
    await log.close();
  });

  it('refuses an event the log would refuse, inside the transaction, so the change is not made', async () => {
    const { outbox, log } = setup();
    await outbox.migrate();
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO "${schema}".things (id, v) VALUES (3, 3)`);
        await outbox.add(tx, { ...event(3), outcome: 'maybe' as never });
      }),
    ).rejects.toThrow(/outcome/);
    expect((await db.query(`SELECT * FROM "${schema}".things`)).rows).toEqual([]);
    expect(await outbox.pending()).toBe(0);
    await log.close();
  });

  it('keeps the events while the log is down and delivers them, in order and once, when it is back', async () => {
    const { outbox, inner, state, log, errors } = setup();
    await outbox.migrate();
    state.down = true;
    const entries = [await change(outbox, 4), await change(outbox, 5), await change(outbox, 6)];
    for (const entry of entries) expect(await outbox.deliver(entry)).toBe(false);
    expect(errors.length).toBeGreaterThan(0);
    expect(await outbox.pending()).toBe(3);
    // The changes themselves are committed.
    expect((await db.query(`SELECT id FROM "${schema}".things ORDER BY id`)).rows).toHaveLength(3);
    expect(await outbox.drain()).toBe(0);

    state.down = false;
    expect(await outbox.drain()).toBe(3);
    expect(await outbox.pending()).toBe(0);
    expect(inner.events.map((e) => e.target?.id)).toEqual(['case-4', 'case-5', 'case-6']);
    expect(await outbox.drain()).toBe(0);
    expect(inner.events).toHaveLength(3);
    // What an auditor holds: the verifier key and a checkpoint signed now.
    const checkpoint = await log.checkpoint();
    const result = await verify(inner, {
      keys: [verifierKey(ORIGIN, KEYS.publicKey)],
      trusted: [checkpoint?.note ?? ''],
      origin: ORIGIN,
    });
    expect(result.ok).toBe(true);
    expect(result.count).toBe(3);
    await log.close();
  });

  it('sends an entry delivered again after a crash (before its deletion) to the log only once', async () => {
    const { outbox, inner, log } = setup();
    await outbox.migrate();
    const entry = await change(outbox, 8);
    // The crash: the log stored the event, the instance died before deleting the entry, and
    // the entry's claim lapsed.
    const { rows } = await db.query<{ event_id: string; event: never }>(
      `SELECT event_id, event FROM "${schema}".audit_outbox WHERE id = $1`,
      [entry],
    );
    const row = rows[0];
    if (!row) throw new Error('no outbox entry');
    await log.record(row.event, { id: row.event_id });
    expect(inner.events).toHaveLength(1);
    expect(await outbox.drain()).toBe(1);
    expect(await outbox.pending()).toBe(0);
    expect(inner.events).toHaveLength(1);
    expect(inner.events[0]?.id).toBe(row.event_id);
    await log.close();
  });

  it('lets only one of two instances deliver an entry', async () => {
    const { outbox, inner, log } = setup();
    await outbox.migrate();
    const other = new AuditOutbox(db, schema, log, APP);
    const entry = await change(outbox, 7);
    const results = await Promise.all([outbox.deliver(entry), other.deliver(entry)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(inner.events).toHaveLength(1);
    await log.close();
  });
});
