import type { AuditStore } from '@cityofboston/audit-log';
import type { ServiceRequest } from '@cityofboston/standards-schema';
import type { Database, Queryable } from '../database';
import type { ShareManifests } from '../sharing/ShareManifests';
import { reporterPseudonyms } from './residentPseudonyms';

/** Who acted, as the audit event names them. */
export interface IndexedActor {
  id: string;
  name?: string | undefined;
  department?: string | undefined;
}

/** One access as the index keeps it: its audit event, and the resident's cases it touched. */
export interface IndexedAccess {
  eventId: string;
  time: string;
  action: string;
  actor: IndexedActor;
  caseIds: string[];
  agreementId?: string | undefined;
  recipient?: string | undefined;
}

/** An access to index: the audit event's id and what it showed, changed or sent. */
export interface AccessEntry {
  /** The audit event's id (UUIDv7, `createEventId()`): the event is recorded with this id. */
  eventId: string;
  action: string;
  actor: IndexedActor;
  /** The cases whose personal data the access showed, changed or sent, with their contact. */
  cases: readonly Pick<ServiceRequest, 'service_request_id' | 'contact'>[];
  agreementId?: string | undefined;
  recipient?: string | undefined;
}

/** The actions the index holds (those the access report lists). */
const INDEXED_ACTIONS = new Set([
  'case.list',
  'case.view',
  'case.update',
  'case.close',
  'case.reopen',
  'share.export',
]);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The time a UUIDv7 carries (its first 48 bits, milliseconds since 1970). */
export function timeOfEventId(id: string): Date {
  return new Date(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16));
}

/**
 * "Who accessed my record" without reading the whole log: one row per resident key and access,
 * the key being a keyed pseudonym of the reporter's name, email or phone (`s:`) or a case number
 * (`c:`). Rows are written before the event they point to is recorded (list and view), or in the
 * change's own transaction beside its outbox entry (updates), so every access the log holds is
 * in the index; the report looks the resident's keys up (a primary-key range scan), however
 * long the log.
 */
export class AccessIndex {
  readonly #db: Database;
  readonly #t: string;

  constructor(db: Database, schema: string) {
    this.#db = db;
    this.#t = `"${schema}".access_index`;
  }

  /** Creates the table when missing; resolves `true` when it did (a backfill may be due). */
  async migrate(): Promise<boolean> {
    const { rows } = await this.#db.query<{ found: string | null }>(
      `SELECT to_regclass($1)::text AS found`,
      [this.#t],
    );
    await this.#db.query(
      `CREATE TABLE IF NOT EXISTS ${this.#t} (
        key text NOT NULL,
        event_id text NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor jsonb NOT NULL,
        case_ids text[] NOT NULL,
        agreement_id text,
        recipient text,
        PRIMARY KEY (key, event_id)
      )`,
    );
    return !rows[0]?.found;
  }

  /**
   * Indexes the accesses a log already holds (once, when the index is new on an existing log):
   * list and view events under the case numbers whose contact they showed and their reporters'
   * pseudonyms (which pseudonym went with which case is not in the event; the case rows say),
   * changes under their case, shares under the cases and pseudonyms of their manifests.
   * Idempotent; resolves with how many events it indexed.
   */
  async backfill(store: AuditStore, manifests: ShareManifests): Promise<number> {
    let cursor: string | undefined;
    let indexed = 0;
    for (;;) {
      const page = await store.query({ limit: 1000, order: 'asc', ...(cursor ? { cursor } : {}) });
      for (const e of page.events) {
        if (e.outcome !== 'success' || !INDEXED_ACTIONS.has(e.action)) continue;
        const details = (e.details ?? {}) as Record<string, unknown>;
        const byKey = new Map<string, Set<string>>();
        const put = (k: string, caseId?: string) => {
          const set = byKey.get(k) ?? new Set<string>();
          if (caseId) set.add(caseId);
          byKey.set(k, set);
        };
        for (const id of strings(details.contactShown)) put(`c:${id}`, id);
        for (const subject of strings(details.subjects)) put(`s:${subject}`);
        const target = e.target?.type === 'ServiceRequest' ? e.target.id : undefined;
        if (target && target !== 'list' && !e.action.startsWith('case.list')) {
          put(`c:${target}`, target);
        }
        if (e.action === 'share.export') {
          for (const c of (await manifests.casesOf(e.id)) ?? []) {
            put(`c:${c.id}`, c.id);
            for (const subject of c.subjects) put(`s:${subject}`, c.id);
          }
        }
        if (byKey.size === 0) continue;
        await this.#insert(
          this.#db,
          {
            eventId: e.id,
            action: e.action,
            actor: { id: e.actor.id, name: e.actor.name, department: e.actor.department },
            cases: [],
            agreementId: e.agreementId,
            recipient: typeof details.recipient === 'string' ? details.recipient : undefined,
          },
          [...byKey.keys()],
          byKey,
          e.time,
        );
        indexed++;
      }
      if (!page.nextCursor || page.events.length === 0) return indexed;
      cursor = page.nextCursor;
    }
  }

  /**
   * Indexes `entry` under each case number and reporter pseudonym of its cases, in `tx` when
   * given (the change's transaction), else on its own.
   */
  async add(entry: AccessEntry, key: string, tx: Queryable = this.#db): Promise<void> {
    const byKey = new Map<string, Set<string>>();
    const put = (k: string, caseId: string) => {
      const set = byKey.get(k) ?? new Set<string>();
      set.add(caseId);
      byKey.set(k, set);
    };
    for (const c of entry.cases) {
      put(`c:${c.service_request_id}`, c.service_request_id);
      for (const s of reporterPseudonyms(key, c.contact)) put(`s:${s}`, c.service_request_id);
    }
    if (byKey.size === 0) return;
    const keys = [...byKey.keys()];
    const insert = (q: Queryable) => this.#insert(q, entry, keys, byKey);
    if (tx !== this.#db) return insert(tx);
    // On its own (before a list or view event), the insert need not wait for its own flush to
    // disk: the event is then recorded with a synchronous commit on the same server, which
    // flushes the log up to and past this row, so an event that is durable has its index row.
    await this.#db.transaction(async (t) => {
      if (this.#db.kind === 'postgres') await t.query('SET LOCAL synchronous_commit TO OFF');
      await insert(t);
    });
  }

  async #insert(
    tx: Queryable,
    entry: AccessEntry,
    keys: string[],
    byKey: Map<string, Set<string>>,
    at: string = timeOfEventId(entry.eventId).toISOString(),
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.#t} (key, event_id, at, action, actor, case_ids, agreement_id, recipient)
       SELECT k.key, $2, $3::timestamptz, $4, $5::jsonb, k.case_ids, $6, $7
       FROM jsonb_to_recordset($1::jsonb) AS k(key text, case_ids text[])
       ON CONFLICT (key, event_id) DO NOTHING`,
      [
        JSON.stringify(keys.map((k) => ({ key: k, case_ids: [...(byKey.get(k) ?? [])] }))),
        entry.eventId,
        at,
        entry.action,
        JSON.stringify(entry.actor),
        entry.agreementId ?? null,
        entry.recipient ?? null,
      ],
    );
  }

  /**
   * The accesses under any of `subjects` (pseudonyms) or `caseIds`, newest first, one per event
   * with the resident's cases it touched.
   */
  async find(subjects: readonly string[], caseIds: readonly string[]): Promise<IndexedAccess[]> {
    const keys = [...subjects.map((s) => `s:${s}`), ...caseIds.map((c) => `c:${c}`)];
    if (keys.length === 0) return [];
    const { rows } = await this.#db.query<{
      event_id: string;
      at: string | Date;
      action: string;
      actor: IndexedActor | string;
      case_ids: string[];
      agreement_id: string | null;
      recipient: string | null;
    }>(
      `SELECT event_id, at, action, actor, case_ids, agreement_id, recipient
       FROM ${this.#t} WHERE key = ANY($1::text[])`,
      [keys],
    );
    // One access per event, with every case of the resident it touched.
    const byEvent = new Map<string, IndexedAccess>();
    for (const r of rows) {
      const seen = byEvent.get(r.event_id);
      if (seen) {
        seen.caseIds = [...new Set([...seen.caseIds, ...r.case_ids])].sort();
        continue;
      }
      byEvent.set(r.event_id, {
        eventId: r.event_id,
        time: new Date(r.at).toISOString(),
        action: r.action,
        actor: typeof r.actor === 'string' ? (JSON.parse(r.actor) as IndexedActor) : r.actor,
        caseIds: [...r.case_ids].sort(),
        agreementId: r.agreement_id ?? undefined,
        recipient: r.recipient ?? undefined,
      });
    }
    return [...byEvent.values()].sort((a, b) =>
      a.time === b.time ? b.eventId.localeCompare(a.eventId) : b.time.localeCompare(a.time),
    );
  }
}
