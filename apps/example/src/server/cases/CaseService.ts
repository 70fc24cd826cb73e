import { createHmac } from 'node:crypto';
import { createEventId } from '@cityofboston/audit-log';
import { planShare, share } from '@cityofboston/audit-log/sharing';
import {
  type Classification,
  type DataSharingAgreement,
  fieldsOf,
  isAtMost,
  type Principal,
  redact,
  ServiceRequest,
} from '@cityofboston/standards-schema';
import type { CaseUpdate } from '../../shared/schemas';
import { can, readableAgreements } from '../access/policy';
import { reporterPseudonyms } from '../access/residentPseudonyms';
import { CaseDeskError } from '../CaseDeskError';
import type { ApiContext } from '../context';
import { actorOf } from '../http/handler';
import { IdempotencyKeys } from '../http/IdempotencyKeys';
import { parseInput } from '../http/parseInput';
import type { CaseCursor, CaseFilter, CasePosition } from './CaseRepository';
import { encodeCursor } from './caseCursor';
import type { CaseSort } from './caseSort';

/** A field hidden from the viewer, and why (for `RedactedValue`). */
export interface HiddenField {
  path: string;
  classification: Classification;
  /** e.g. "confidential, your clearance is internal". */
  reason: string;
}

const FIELDS = fieldsOf(ServiceRequest);
const caseResource = (department: string, agreement?: string) => ({
  type: 'ServiceRequest',
  department,
  ...(agreement ? { agreement } : {}),
});

/** The record field each list filter reads. */
const FILTER_FIELD: Record<string, string> = {
  status: 'status',
  service: 'service_code',
  neighborhood: 'neighborhood',
  from: 'requested_datetime',
  to: 'requested_datetime',
  id: 'service_request_id',
};
/** The record field each order sorts by. */
const SORT_FIELD: Record<CaseSort['key'], string> = {
  requested: 'requested_datetime',
  id: 'service_request_id',
  status: 'status',
  service: 'service_name',
  neighborhood: 'neighborhood',
};

/** Lists, shows and changes cases; owns the transaction of a change and its audit event. */
export class CaseService {
  readonly #ctx: ApiContext;
  readonly #keys: IdempotencyKeys;

  constructor(ctx: ApiContext) {
    this.#ctx = ctx;
    this.#keys = new IdempotencyKeys(ctx.db, ctx.cases.schema);
  }

  /**
   * What `p` may see of a case of their own department: fields above their clearance redacted,
   * except the notes they wrote themselves.
   */
  view(p: Principal, record: ServiceRequest) {
    const key = this.#ctx.pseudonymKey;
    const hash = (value: string) =>
      createHmac('sha256', key).update(value).digest('base64url').slice(0, 16);
    const out = redact(ServiceRequest, record, { clearance: p.clearance, hash });
    if (record.activities && Array.isArray(out.activities)) {
      out.activities = out.activities.map((a, i) => {
        const own = record.activities?.[i];
        // Boston's work-plan steps have no author; an app's history entry has.
        if (!own || !('datetime' in own)) return a;
        return own.actor === p.sub && own.note !== undefined ? { ...a, note: own.note } : a;
      });
    }
    return out;
  }

  /** The fields `p`'s clearance hides, each with the reason a page shows. */
  hidden(p: Principal): HiddenField[] {
    return FIELDS.filter((f) => !isAtMost(f.meta.classification, p.clearance)).map((f) => ({
      path: f.path,
      classification: f.meta.classification,
      reason: `${f.meta.classification}, your clearance is ${p.clearance}`,
    }));
  }

  /** The agreement `id` under which `p` reads another department's cases, or a 403. */
  #agreementFor(p: Principal, id: string): DataSharingAgreement {
    const agreement = readableAgreements(p).find((a) => a.id === id);
    if (!agreement) {
      throw new CaseDeskError(
        'forbidden',
        `Your department has no data-sharing agreement ${id} in force for these cases`,
      );
    }
    return agreement;
  }

  /**
   * `records` (each with the department that owns it) de-identified by `share()` under
   * `agreement`, for `p` of the recipient department. The read is checked as one under the
   * agreement (`planShare` with `p` as actor and their department as recipient); the share itself
   * leaves the provider, so this app, which serves the provider, makes it on the provider's
   * behalf. A refusal is a 403 `share_refused`, never a 500.
   */
  async #shared(
    p: Principal,
    agreement: DataSharingAgreement,
    records: { record: ServiceRequest; department: string }[],
  ) {
    const purpose = agreement.purposes[0] ?? 'unspecified';
    const refused = (message: string, cause?: unknown) =>
      new CaseDeskError('share_refused', message, cause === undefined ? {} : { cause });
    const plan = planShare(ServiceRequest, agreement, {
      recipient: p.department,
      purpose,
      actor: actorOf(p),
    });
    if (plan.refusal) throw refused(plan.refusal.message);
    const { app } = this.#ctx;
    try {
      const result = await share(
        records.map((r) => ({ ...r.record, department: r.department })),
        {
          schema: ServiceRequest,
          agreement,
          recipient: p.department,
          purpose,
          audit: this.#ctx.log,
          actor: { type: 'service', id: app.name, department: app.department },
          pseudonymKey: this.#ctx.pseudonymKey,
        },
      );
      return result.records;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SHARE_')) {
        throw refused((error as Error).message, error);
      }
      throw error;
    }
  }

  /**
   * Records which cases' personal data a list or view showed, with keyed pseudonyms of their
   * reporters, so "who accessed my record" finds list views too.
   */
  async #recordAccess(
    p: Principal,
    action: 'case.list' | 'case.view',
    targetId: string,
    shown: { record: ServiceRequest; out: { contact?: unknown } }[],
    extra: Record<string, unknown>,
  ) {
    const withContact = shown.filter(
      (s) => s.out.contact && Object.keys(s.out.contact as object).length > 0,
    );
    const key = this.#ctx.pseudonymKey;
    // The index first, under the id the event will have: an access in the log is always found.
    const eventId = createEventId();
    await this.#ctx.accessIndex.add(
      {
        eventId,
        action,
        actor: actorOf(p),
        // A view is an access to the case whatever it showed; a list, to the cases whose
        // reporters it showed.
        cases: (action === 'case.view' ? shown : withContact).map((s) => s.record),
        agreementId: typeof extra.agreementId === 'string' ? extra.agreementId : undefined,
      },
      key,
    );
    await this.#ctx.log.record(
      {
        actor: actorOf(p),
        action,
        target: {
          type: 'ServiceRequest',
          id: targetId,
          classification: withContact.length > 0 ? 'confidential' : 'internal',
        },
        outcome: 'success',
        details: {
          count: shown.length,
          contactShown: withContact.map((s) => s.record.service_request_id),
          subjects: [
            ...new Set(withContact.flatMap((s) => reporterPseudonyms(key, s.record.contact))),
          ],
          ...extra,
        },
      },
      { id: eventId },
    );
  }

  /**
   * A page of cases: the principal's own department's, or, with `agreement`, a provider's cases
   * de-identified as that agreement says. Audited with the cases whose contact details it showed.
   */
  async list(
    p: Principal,
    filter: CaseFilter,
    position: CasePosition,
    pageSize: number,
    agreementId?: string,
    sort?: CaseSort,
  ) {
    const page = 'page' in position ? position.page : undefined;
    if (agreementId) {
      const agreement = this.#agreementFor(p, agreementId);
      // An order or a filter on a field the agreement does not share would reveal it.
      const used: [string, string][] = [
        ...Object.entries(filter)
          .filter(([k, v]) => v !== undefined && k !== 'department')
          .map(([k]) => [k, FILTER_FIELD[k] ?? k] as [string, string]),
        ...(sort ? [['sort', SORT_FIELD[sort.key]] as [string, string]] : []),
      ];
      const allowed = agreement.allowedFields;
      const unshared = allowed ? used.filter(([, field]) => !allowed.includes(field)) : [];
      if (unshared.length > 0) {
        throw new CaseDeskError(
          'field_not_shared',
          `Agreement ${agreement.id} does not share ${unshared.map(([, f]) => f).join(', ')}; these cases cannot be sorted or filtered by it`,
          {
            issues: unshared.map(([param, field]) => ({
              path: param,
              message: `Not shared under ${agreement.id}: ${field}`,
            })),
          },
        );
      }
      const result = await this.#ctx.cases.list(
        { ...filter, department: agreement.provider },
        position,
        pageSize,
        sort,
      );
      // The rows were selected by the provider's department; that is what each record carries.
      const records = await this.#shared(
        p,
        agreement,
        result.records.map((record) => ({ record, department: agreement.provider })),
      );
      await this.#recordAccess(
        p,
        'case.list',
        'list',
        result.records.map((record, i) => ({ record, out: records[i] ?? {} })),
        { ...(page ? { page } : {}), agreementId: agreement.id },
      );
      return {
        ...withCursors(result),
        records,
        contactRevealed: false,
        sharedUnder: { id: agreement.id, title: agreement.title, provider: agreement.provider },
        hidden: [],
      };
    }
    if (!can(p, 'read', caseResource(p.department))) {
      throw new CaseDeskError('forbidden', 'Your roles do not include reading cases');
    }
    const result = await this.#ctx.cases.list(
      { ...filter, department: p.department },
      position,
      pageSize,
      sort,
    );
    const records = result.records.map((r) => this.view(p, r));
    await this.#recordAccess(
      p,
      'case.list',
      'list',
      result.records.map((record, i) => ({ record, out: records[i] ?? {} })),
      page ? { page } : {},
    );
    return {
      ...withCursors(result),
      records,
      contactRevealed: isAtMost('confidential', p.clearance),
      hidden: this.hidden(p),
    };
  }

  /** One case, if `p` may read it (own department, or under an agreement); audited as a view. */
  async show(p: Principal, id: string) {
    const found = await this.#ctx.cases.get(id);
    if (found && can(p, 'read', caseResource(found.department))) {
      const record = this.view(p, found.record);
      await this.#recordAccess(p, 'case.view', id, [{ record: found.record, out: record }], {});
      return {
        record,
        // The history says who acted: staff names by id (a person's name is theirs to see).
        actors: await this.#actorNames(found.record),
        version: found.version,
        contactRevealed: isAtMost('confidential', p.clearance) && !!found.record.contact,
        hidden: this.hidden(p),
      };
    }
    const agreement = found
      ? readableAgreements(p).find((a) => a.provider === found.department)
      : undefined;
    if (!found || !agreement) {
      // Not "forbidden": whether another department's case exists is itself need-to-know.
      throw new CaseDeskError('not_found', `There is no case ${id} you may see`);
    }
    const [record = {}] = await this.#shared(p, agreement, [
      { record: found.record, department: found.department },
    ]);
    await this.#recordAccess(p, 'case.view', id, [{ record: found.record, out: record }], {
      agreementId: agreement.id,
    });
    return {
      record,
      version: found.version,
      contactRevealed: false,
      sharedUnder: { id: agreement.id, title: agreement.title, provider: agreement.provider },
      hidden: [],
    };
  }

  /** The names of the staff who acted in `record`'s history, by id. */
  #actorNames(record: ServiceRequest): Promise<Record<string, string>> {
    const ids = (record.activities ?? []).flatMap((a) =>
      'datetime' in a && typeof a.actor === 'string' ? [a.actor] : [],
    );
    return this.#ctx.people.names(ids);
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
        if (!found || !readableBy(p, found.department)) {
          throw new CaseDeskError('not_found', `There is no case ${id} you may see`);
        }
        const resource = caseResource(found.department);
        if (!can(p, 'note', resource)) {
          denied.push({
            action: 'case.update',
            reason: `forbidden: cases of ${found.department} are changed by ${found.department} only`,
          });
          throw new CaseDeskError(
            'forbidden',
            `Case ${id} belongs to ${found.department}; only ${found.department} may change it`,
          );
        }
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
        if (statusChange && !can(p, action === 'case.close' ? 'close' : 'reopen', resource)) {
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
        const eventId = createEventId();
        const entry = await outbox.add(
          tx,
          {
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
          },
          eventId,
        );
        // Indexed for the access report in the same transaction as the change and its event.
        await this.#ctx.accessIndex.add(
          { eventId, action, actor: actorOf(p), cases: [checked] },
          this.#ctx.pseudonymKey,
          tx,
        );
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

/** A page with opaque cursors for the pages before and after it, in place of its row keys. */
function withCursors<T extends { first: CaseCursor | undefined; last: CaseCursor | undefined }>(
  page: T,
) {
  const { first, last, ...rest } = page;
  return {
    ...rest,
    cursors: {
      ...(first ? { before: encodeCursor(first) } : {}),
      ...(last ? { after: encodeCursor(last) } : {}),
    },
  };
}

/** Whether `p` may read some view of a case of `department` (own, or under an agreement). */
function readableBy(p: Principal, department: string): boolean {
  return (
    can(p, 'read', caseResource(department)) ||
    readableAgreements(p).some((a) => a.provider === department)
  );
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
