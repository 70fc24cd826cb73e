import { isAuditLogError, verify } from '@cityofboston/audit-log';
import type { Principal } from '@cityofboston/standards-schema';
import { CaseDeskError } from '../CaseDeskError';
import type { ApiContext } from '../context';
import { actorOf } from '../http/handler';
import type { AuditQuery } from './auditSchemas';

/** The auditor's reads of the log: the trail, the chain check and "who accessed my record". */
export class AuditService {
  readonly #ctx: ApiContext;

  constructor(ctx: ApiContext) {
    this.#ctx = ctx;
  }

  /** A page of the audit trail, newest first. */
  async events(p: Principal, q: AuditQuery) {
    const { log } = this.#ctx;
    const page = await log.store
      .query({
        limit: 50,
        order: 'desc',
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.caseId ? { targetId: q.caseId } : {}),
        ...(q.from ? { from: `${q.from}T00:00:00Z` } : {}),
        ...(q.to ? { to: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86400000).toISOString() } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      })
      .catch((error: unknown) => {
        if (isAuditLogError(error) && error.code === 'INVALID_CURSOR') {
          throw new CaseDeskError('invalid_query', 'The query is not valid', {
            cause: error,
            issues: [{ path: 'cursor', message: 'Expected a cursor from an earlier page' }],
          });
        }
        throw error;
      });
    await log.record({
      actor: actorOf(p),
      action: 'audit.read',
      target: { type: 'AuditLog', id: log.store.chainId },
      outcome: 'success',
      details: { count: page.events.length },
    });
    return page;
  }

  /** Checks the whole chain. */
  async verify(p: Principal) {
    const { log } = this.#ctx;
    await log.flush();
    const result = await verify(log.store);
    await log.record({
      actor: actorOf(p),
      action: 'audit.verify',
      target: { type: 'AuditLog', id: log.store.chainId },
      outcome: 'success',
      details: { ok: result.ok, count: result.count },
    });
    return result;
  }

  /** Every event about the constituent of case `caseId` (their other cases included). */
  async access(p: Principal, caseId: string) {
    const { log, cases } = this.#ctx;
    const ids = await cases.sameConstituent(caseId);
    if (ids.length === 0) throw new CaseDeskError('not_found', `There is no case ${caseId}`);
    const events = [];
    for (const targetId of ids) {
      const page = await log.store.query({ targetId, limit: 1000, order: 'desc' });
      events.push(...page.events.filter((e) => e.target?.type === 'ServiceRequest'));
    }
    events.sort((a, b) => (a.time < b.time ? 1 : -1));
    await log.record({
      actor: actorOf(p),
      action: 'audit.access-report',
      target: { type: 'ServiceRequest', id: caseId },
      outcome: 'success',
      details: { cases: ids.length, events: events.length },
    });
    return { caseIds: ids, events };
  }
}
