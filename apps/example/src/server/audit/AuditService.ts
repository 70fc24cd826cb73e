import { isAuditLogError, verify } from '@cityofboston/audit-log';
import type { Principal } from '@cityofboston/standards-schema';
import { residentPseudonyms } from '../access/residentPseudonyms';
import { CaseDeskError } from '../CaseDeskError';
import type { ApiContext } from '../context';
import { actorOf } from '../http/handler';
import { type AccessReportQuery, accessReport } from './AccessReport';
import type { AuditQuery } from './auditSchemas';
import type { Person } from './People';

/** The auditor's reads of the log: the trail, the chain check and "who accessed my record". */
export class AuditService {
  readonly #ctx: ApiContext;

  constructor(ctx: ApiContext) {
    this.#ctx = ctx;
  }

  /**
   * A page of the audit trail: from the newest event (`order=desc`, the first page and those
   * after it) or from the oldest (`order=asc`, the last page and those before it), `pageSize`
   * events, with the cursor of the next page in that direction. `who` names a person by id or by
   * part of their name; a name that fits several people is a 400 listing them.
   */
  async events(p: Principal, q: AuditQuery) {
    const { log, people } = this.#ctx;
    let actor = q.actor;
    let person: Person | undefined;
    if (q.who) {
      const found = await people.find(q.who);
      if (found.length > 1) {
        throw new CaseDeskError('invalid_query', 'Several people match; choose one', {
          issues: [
            {
              path: 'who',
              message: `Several people match: ${found.map((f) => `${f.name} (${f.department}, ${f.id})`).join('; ')}`,
            },
          ],
        });
      }
      person = found[0];
      if (!person) return { events: [], order: q.order };
      if (actor !== undefined && actor !== person.id) return { events: [], order: q.order };
      actor = person.id;
    }
    const page = await log.store
      .query({
        limit: q.pageSize,
        order: q.order,
        ...(actor ? { actor } : {}),
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
    return { ...page, order: q.order, ...(person ? { person } : {}) };
  }

  /**
   * Checks the whole chain against the log's verifier key and the checkpoints kept outside the
   * store: the newest one exported (signed now, so it covers every event so far) and the last
   * one that verified, which is remembered so a later rollback or rewrite fails.
   */
  async verify(p: Principal) {
    const { log, checkpoints } = this.#ctx;
    await log.flush();
    await log.checkpoint();
    const trusted = [
      await checkpoints.exported.latest(),
      await checkpoints.exported.verified.load(),
    ].filter((note): note is string => note !== undefined);
    if (trusted.length === 0) {
      throw new CaseDeskError(
        'audit_unverifiable',
        'No signed checkpoint has been exported yet, so the log cannot be verified; try again shortly',
      );
    }
    const result = await verify(log.store, {
      keys: [checkpoints.verifierKey],
      trusted,
      origin: checkpoints.origin,
    });
    if (result.ok && result.latestCheckpoint) {
      await checkpoints.exported.verified.save(result.latestCheckpoint);
    }
    await log.record({
      actor: actorOf(p),
      action: 'audit.verify',
      target: { type: 'AuditLog', id: log.store.chainId },
      outcome: 'success',
      details: { ok: result.ok, count: result.count },
    });
    return result;
  }

  /** Every access to a resident's data (by case number, or by name, email or phone). */
  async access(p: Principal, q: AccessReportQuery) {
    const report = await accessReport(this.#ctx, q);
    await this.#ctx.log.record({
      actor: actorOf(p),
      action: 'audit.access-report',
      target: { type: 'AccessReport', id: q.caseId ?? 'resident' },
      outcome: 'success',
      // The search terms as pseudonyms: the report's own event must not hold contact details.
      details: {
        matchedBy: report.matchedBy,
        subjects: residentPseudonyms(this.#ctx.pseudonymKey, q),
        cases: report.caseIds.length,
        accesses: report.accesses.length,
      },
    });
    return report;
  }
}
