import { createHmac } from 'node:crypto';
import { isAtMost, type Principal, redact, ServiceRequest } from '@cityofboston/standards-schema';
import type { CaseUpdate } from '../../shared/schemas';
import { ROLES } from '../../shared/schemas';
import { CaseDeskError } from '../CaseDeskError';
import type { ApiContext } from '../context';
import { actorOf } from '../http/handler';
import { IdempotencyKeys } from '../http/IdempotencyKeys';
import { parseInput } from '../http/parseInput';
import type { CaseFilter } from './CaseRepository';

/** Lists, shows and changes cases; owns the transaction of a change and its audit event. */
export class CaseService {
  readonly #ctx: ApiContext;
  readonly #keys: IdempotencyKeys;

  constructor(ctx: ApiContext) {
    this.#ctx = ctx;
    this.#keys = new IdempotencyKeys(ctx.db, ctx.cases.schema);
  }

  /** What `p` may see of `record`: fields above their clearance redacted. */
  view(p: Principal, record: ServiceRequest) {
    const key = this.#ctx.pseudonymKey;
    const hash = (value: string) =>
      createHmac('sha256', key).update(value).digest('base64url').slice(0, 16);
    return redact(ServiceRequest, record, { clearance: p.clearance, hash });
  }

  /** A page of cases, audited as a list event. */
  async list(p: Principal, filter: CaseFilter, page: number, pageSize: number) {
    const result = await this.#ctx.cases.list(filter, page, pageSize);
    const contactRevealed = isAtMost('confidential', p.clearance);
    await this.#ctx.log.record({
      actor: actorOf(p),
      action: 'case.list',
      target: {
        type: 'ServiceRequest',
        id: 'list',
        classification: contactRevealed ? 'confidential' : 'internal',
      },
      outcome: 'success',
      details: { count: result.records.length, page, contactRevealed },
    });
    return { ...result, records: result.records.map((r) => this.view(p, r)), contactRevealed };
  }

  /** One case, audited as a view. */
  async show(p: Principal, id: string) {
    const found = await this.#ctx.cases.get(id);
    if (!found) throw new CaseDeskError('not_found', `There is no case ${id}`);
    const contactRevealed = isAtMost('confidential', p.clearance) && !!found.record.contact;
    await this.#ctx.log.record({
      actor: actorOf(p),
      action: 'case.view',
      target: {
        type: 'ServiceRequest',
        id,
        classification: contactRevealed ? 'confidential' : 'internal',
      },
      outcome: 'success',
      details: { contactRevealed },
    });
    return { record: this.view(p, found.record), version: found.version, contactRevealed };
  }

  /**
   * Applies `update` to case `id`, read, checked and written in one transaction with the case's
   * row locked, so concurrent changes queue instead of overwriting each other: each note is
   * appended to what the previous change wrote. With `expected` (the client's `If-Match`) a case
   * that changed since the client read it is refused with 412 and its current version.
   *
   * The change and its audit event commit together: the event goes into the outbox in the same
   * transaction, then to the audit log. If the log cannot take it now, the committed event waits
   * in the outbox and is delivered later. With an idempotency key, a retry of an applied change
   * gets the first answer and applies nothing.
   */
  async update(
    p: Principal,
    id: string,
    update: CaseUpdate,
    options: { expected?: number | undefined; idempotencyKey?: string | undefined } = {},
  ): Promise<{ status: number; body: UpdateAnswer }> {
    const { cases, db, outbox } = this.#ctx;
    const denied: { action: string; reason: string }[] = [];
    const done = await db
      .transaction(async (tx) => {
        if (options.idempotencyKey) {
          const replay = await this.#keys.claim(tx, p.sub, options.idempotencyKey, { id, update });
          if (replay) return { replay: replay as { status: number; body: UpdateAnswer } };
        }
        const found = await cases.lock(tx, id);
        if (!found) throw new CaseDeskError('not_found', `There is no case ${id}`);
        if (options.expected !== undefined && options.expected !== found.version) {
          throw conflict(id, found.version);
        }
        const before = found.record;
        const statusChange = update.status !== undefined && update.status !== before.status;
        if (update.status !== undefined && !statusChange) {
          throw new CaseDeskError(
            'invalid_transition',
            `Case ${id} is already ${before.status}; nothing was changed`,
            { extra: { version: found.version, caseStatus: before.status } },
          );
        }
        const action = !statusChange
          ? 'case.update'
          : update.status === 'closed'
            ? 'case.close'
            : 'case.reopen';
        if (statusChange && !ROLES.closeCases.some((r) => p.roles.includes(r))) {
          denied.push({
            action,
            reason: 'close_forbidden: only case managers change a case status',
          });
          throw new CaseDeskError(
            'close_forbidden',
            'Only case managers may close or reopen a case',
          );
        }
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const next: ServiceRequest = { ...before, updated_datetime: now };
        const activities = [...(before.activities ?? [])];
        if (update.note !== undefined) {
          activities.push({ datetime: now, type: 'note', actor: p.sub, note: update.note });
        }
        if (statusChange && update.status) {
          next.status = update.status;
          activities.push({
            datetime: now,
            type: update.status === 'closed' ? 'closed' : 'reopened',
            actor: p.sub,
          });
          if (update.status === 'closed') {
            next.closure = { closed_datetime: now, reason: 'Case Resolved' };
          } else {
            delete next.closure;
          }
        }
        next.activities = activities;
        const checked = parseInput(ServiceRequest, next, 'invalid_body');
        const version = await cases.save(tx, checked, found.version);
        if (version === undefined) throw conflict(id, found.version);
        // What changed, field by field; a note's text is personal free text and stays out of the
        // log (the log says a note was added, and where it is).
        const changes: { field: string; from?: string; to?: string }[] = [];
        if (statusChange)
          changes.push({ field: 'status', from: before.status, to: checked.status });
        if (update.note !== undefined) {
          changes.push({ field: `activities[${activities.length - 1}].note`, to: '(note added)' });
        }
        const entry = await outbox.add(tx, {
          actor: actorOf(p),
          action,
          target: { type: 'ServiceRequest', id },
          outcome: 'success',
          details: {
            status: checked.status,
            noteAdded: update.note !== undefined,
            version,
            changes,
          },
        });
        const body: UpdateAnswer = { record: this.view(p, checked), version, audit: 'pending' };
        if (options.idempotencyKey) {
          await this.#keys.remember(tx, p.sub, options.idempotencyKey, { status: 200, body });
        }
        return { entry, body };
      })
      .catch(async (error: unknown) => {
        for (const d of denied) {
          await this.#ctx.log.record({
            actor: actorOf(p),
            action: d.action,
            target: { type: 'ServiceRequest', id },
            outcome: 'denied',
            reason: d.reason,
          });
        }
        throw error;
      });
    if ('replay' in done) {
      return { status: done.replay.status, body: { ...done.replay.body, replayed: true } };
    }
    const audited = await outbox.deliver(done.entry).catch(() => false);
    return { status: 200, body: { ...done.body, audit: audited ? 'recorded' : 'pending' } };
  }
}

/** The answer to a case update. */
export interface UpdateAnswer {
  record: unknown;
  version: number;
  audit: 'recorded' | 'pending';
  /** Present when this answer repeats an earlier one for the same idempotency key. */
  replayed?: true;
}

/** The 412 for a stale `If-Match`: carries the case's current version and its ETag. */
function conflict(id: string, version: number): CaseDeskError {
  return new CaseDeskError(
    'version_conflict',
    `Case ${id} was changed by someone else since you opened it; reload it and apply your change again`,
    { extra: { version }, headers: { etag: etagOf(version) } },
  );
}

/** The ETag of a case version (a strong validator: the version number is exact). */
export const etagOf = (version: number): string => `"${version}"`;
