import { type AuditLog, createEventId, type RecordInput } from '@cityofboston/audit-log';
import { AuditEventInput } from '@cityofboston/standards-schema';
import type { Queryable } from './database';

/** How long a claimed entry stays with the instance that claimed it before another may retry it. */
const CLAIM_SECONDS = 60;

/**
 * A transactional outbox for the audit events of changes. A change and its audit event must
 * never part: the event is written into `audit_outbox` inside the same database transaction as
 * the change, so both are committed or neither is. After the commit the outbox hands the event
 * to the audit log and deletes the entry once the log has made it durable. When the log is down,
 * the entry waits and `drain()` (run on start and every few seconds) delivers it later, from this
 * instance or another one on the same database.
 *
 * Delivery is exactly once: each entry carries the event id it was given with the change
 * (`createEventId()`), and the log stores an id once, so an instance that crashed after the log
 * stored an event and before it deleted the entry sends it again harmlessly.
 */
export class AuditOutbox {
  readonly #db: Queryable;
  readonly #t: string;
  readonly #log: AuditLog;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #draining: Promise<number> | undefined;

  readonly #app: AuditEventInput['app'];

  constructor(
    db: Queryable,
    schema: string,
    log: AuditLog,
    app: AuditEventInput['app'],
    onError: (error: unknown) => void = () => {},
  ) {
    this.#app = app;
    this.#db = db;
    this.#t = `"${schema}".audit_outbox`;
    this.#log = log;
    this.#onError = onError;
  }

  /** Creates the table when missing. */
  async migrate(): Promise<void> {
    await this.#db.query(
      `CREATE TABLE IF NOT EXISTS ${this.#t} (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL,
        event jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz
      )`,
    );
  }

  /**
   * Adds `event` inside the caller's transaction `tx`; returns the entry id. The event is checked
   * against `AuditEventInput` first, so an event the log would refuse fails the transaction
   * (and with it the change) instead of waiting in the outbox forever. `eventId` (a UUIDv7) is
   * the id the event will have in the log, for records kept with it (the access index).
   */
  async add(tx: Queryable, event: RecordInput, eventId: string = createEventId()): Promise<string> {
    AuditEventInput.parse({ app: this.#app, ...event });
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO ${this.#t} (event_id, event) VALUES ($1, $2::jsonb) RETURNING id::text AS id`,
      [eventId, JSON.stringify(event)],
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('audit outbox: the insert returned no id');
    return id;
  }

  /**
   * Delivers one entry to the audit log now (after its transaction committed). Resolves with
   * `true` once the event is durable in the log and the entry is gone; `false` when the log could
   * not take it (the entry stays for `drain()`), or another instance holds it.
   */
  async deliver(id: string): Promise<boolean> {
    const claimed = await this.#claim('id = $1', [id]);
    if (claimed.length === 0) return false;
    return (await this.#send(claimed)) === 1;
  }

  /** Delivers every waiting entry, oldest first; resolves with how many were delivered. */
  drain(): Promise<number> {
    this.#draining ??= (async () => {
      let delivered = 0;
      try {
        for (;;) {
          const batch = await this.#claim('TRUE', [], 200);
          if (batch.length === 0) break;
          const sent = await this.#send(batch);
          delivered += sent;
          if (sent < batch.length) break;
        }
      } finally {
        this.#draining = undefined;
      }
      return delivered;
    })();
    return this.#draining;
  }

  /** How many entries wait for delivery. */
  async pending(): Promise<number> {
    const { rows } = await this.#db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${this.#t}`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Drains now and then every `intervalMs` until `stop()`. */
  start(intervalMs = 5000): void {
    this.stop();
    const tick = () => {
      this.drain().catch(this.#onError);
    };
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  // Claims entries for this instance for CLAIM_SECONDS, so two instances do not send the same
  // entry at once; an entry whose claim lapsed (its instance died) can be claimed again.
  async #claim(where: string, params: unknown[], limit = 1) {
    const { rows } = await this.#db.query<{ id: string; eventId: string; event: RecordInput }>(
      `UPDATE ${this.#t} SET claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS})
       WHERE id IN (
         SELECT id FROM ${this.#t}
         WHERE ${where} AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED
       )
       RETURNING id::text AS id, event_id AS "eventId", event`,
      params,
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  async #send(entries: { id: string; eventId: string; event: RecordInput }[]): Promise<number> {
    for (const [sent, entry] of entries.entries()) {
      try {
        await this.#log.record(entry.event, { id: entry.eventId });
      } catch (error) {
        // Release this claim and the ones after it so the next drain retries at once, and stop
        // here: order is kept.
        const unsent = entries.slice(sent).map((e) => e.id);
        await this.#db
          .query(`UPDATE ${this.#t} SET claimed_until = NULL WHERE id = ANY($1::bigint[])`, [
            unsent,
          ])
          .catch(() => {});
        this.#onError(error);
        return sent;
      }
      await this.#db.query(`DELETE FROM ${this.#t} WHERE id = $1`, [entry.id]);
    }
    return entries.length;
  }
}
