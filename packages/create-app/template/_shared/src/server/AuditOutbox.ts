import { type AuditLog, createEventId, type RecordInput } from '@cityofboston/audit-log';
import type { Queryable } from './database';

/**
 * The transactional outbox for the audit events of changes: an event is written in the same
 * transaction as its change, so both commit or neither does, then handed to the audit log. When
 * the log cannot take it, the entry waits and `drain()` (on start and every few seconds) delivers
 * it later. Each entry keeps the event id it was given, and the log stores an id once, so a
 * retry after a crash never records an event twice.
 */
export class AuditOutbox {
  readonly #db: Queryable;
  readonly #log: AuditLog;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #draining: Promise<number> | undefined;

  constructor(db: Queryable, log: AuditLog, onError: (error: unknown) => void = () => {}) {
    this.#db = db;
    this.#log = log;
    this.#onError = onError;
  }

  async migrate(): Promise<void> {
    await this.#db.query(
      `CREATE TABLE IF NOT EXISTS audit_outbox (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL,
        event jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
  }

  /** Adds `event` inside the caller's transaction; returns the entry id. */
  async add(tx: Queryable, event: RecordInput): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO audit_outbox (event_id, event) VALUES ($1, $2::jsonb) RETURNING id::text AS id',
      [createEventId(), JSON.stringify(event)],
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('audit outbox: the insert returned no id');
    return id;
  }

  /** Delivers every waiting entry, oldest first, stopping at the first the log refuses. */
  drain(): Promise<number> {
    this.#draining ??= (async () => {
      let delivered = 0;
      try {
        const { rows } = await this.#db.query<{ id: string; eventId: string; event: RecordInput }>(
          'SELECT id::text AS id, event_id AS "eventId", event FROM audit_outbox ORDER BY id LIMIT 500',
        );
        for (const row of rows) {
          await this.#log.record(row.event, { id: row.eventId });
          await this.#db.query('DELETE FROM audit_outbox WHERE id = $1', [row.id]);
          delivered++;
        }
      } catch (error) {
        this.#onError(error);
      } finally {
        this.#draining = undefined;
      }
      return delivered;
    })();
    return this.#draining;
  }

  /** How many entries wait. */
  async pending(): Promise<number> {
    const { rows } = await this.#db.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM audit_outbox',
    );
    return Number(rows[0]?.n ?? 0);
  }

  start(intervalMs = 5000): void {
    this.stop();
    void this.drain();
    this.#timer = setInterval(() => void this.drain(), intervalMs);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
