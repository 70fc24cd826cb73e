import type { AuditEvent } from '@cityofboston/standards-schema';
import { reporterPseudonyms, residentPseudonyms } from '../access/residentPseudonyms';
import { CaseDeskError } from '../CaseDeskError';
import type { ApiContext } from '../context';

/** Who the report is about: a case number (its reporter), or a resident's name, email or phone. */
export interface AccessReportQuery {
  caseId?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/** One access to the resident's data, in words a letter can use. */
export interface Access {
  time: string;
  who: { id: string; name?: string | undefined; department?: string | undefined };
  action: string;
  /** `listed`, `viewed`, `changed`, `shared`, `exported`. */
  kind: 'listed' | 'viewed' | 'changed' | 'shared' | 'exported';
  /** Their cases this access touched (as far as the event names them). */
  caseIds: string[];
  /** With a share: the agreement, and the department that received the data. */
  agreementId?: string | undefined;
  recipient?: string | undefined;
  eventId: string;
}

/** The report: every access found, newest first, and how the resident was matched. */
export interface AccessReportResult {
  matchedBy: string[];
  caseIds: string[];
  accesses: Access[];
  eventsScanned: number;
}

const KIND: Record<string, Access['kind']> = {
  'case.list': 'listed',
  'case.view': 'viewed',
  'case.update': 'changed',
  'case.close': 'changed',
  'case.reopen': 'changed',
  'share.export': 'shared',
  'share.public-records': 'exported',
};

/**
 * "Who accessed my record": every list, view, change, share and export of a resident's data.
 * Events carry the resident's keyed pseudonyms (never their contact details), so the report
 * matches a name, email or phone by computing the same pseudonyms; events about their cases by
 * number are found too, and shares through the manifests the app keeps.
 *
 * It reads the whole log, newest first: right for a department's log; a City-wide log would keep
 * an index of pseudonym to event (a follow-up noted in the README).
 */
export async function accessReport(
  ctx: ApiContext,
  query: AccessReportQuery,
): Promise<AccessReportResult> {
  const key = ctx.pseudonymKey;
  const subjects = new Set(residentPseudonyms(key, query));
  const caseIds = new Set<string>();
  const matchedBy = (['name', 'email', 'phone'] as const).filter((k) => query[k]);
  if (query.caseId) {
    const found = await ctx.cases.get(query.caseId);
    if (!found) throw new CaseDeskError('not_found', `There is no case ${query.caseId}`);
    caseIds.add(query.caseId);
    for (const s of reporterPseudonyms(key, found.record.contact)) subjects.add(s);
    matchedBy.push('caseId' as never);
  }
  for (const id of await ctx.cases.sameReporter(query)) caseIds.add(id);
  if (subjects.size === 0 && caseIds.size === 0) {
    throw new CaseDeskError('invalid_query', 'Give a case number, or a name, email or phone', {
      issues: [{ path: '(root)', message: 'Give a case number, or a name, email or phone' }],
    });
  }
  const shares = await ctx.shareManifests.withSubjects([...subjects]);
  const accesses: Access[] = [];
  let cursor: string | undefined;
  let scanned = 0;
  await ctx.log.flush();
  for (;;) {
    const page = await ctx.log.store.query({
      limit: 1000,
      order: 'desc',
      ...(cursor ? { cursor } : {}),
    });
    scanned += page.events.length;
    for (const e of page.events) {
      const access = match(e, subjects, caseIds, shares);
      if (access) accesses.push(access);
    }
    if (!page.nextCursor || page.events.length === 0) break;
    cursor = page.nextCursor;
  }
  return { matchedBy, caseIds: [...caseIds].sort(), accesses, eventsScanned: scanned };
}

function match(
  e: AuditEvent,
  subjects: Set<string>,
  caseIds: Set<string>,
  shares: Map<string, string[]>,
): Access | undefined {
  const kind = KIND[e.action];
  if (!kind || e.outcome !== 'success') return undefined;
  const details = (e.details ?? {}) as Record<string, unknown>;
  const eventSubjects = Array.isArray(details.subjects) ? (details.subjects as string[]) : [];
  const shown = Array.isArray(details.contactShown) ? (details.contactShown as string[]) : [];
  const targetId = e.target?.type === 'ServiceRequest' ? e.target.id : undefined;
  const sharedIds = shares.get(e.id);
  const bySubject = eventSubjects.some((s) => subjects.has(s));
  const byCase =
    (targetId !== undefined && caseIds.has(targetId)) || shown.some((id) => caseIds.has(id));
  if (!bySubject && !byCase && !sharedIds) return undefined;
  const touched = new Set<string>();
  if (targetId && targetId !== 'list' && (caseIds.has(targetId) || bySubject))
    touched.add(targetId);
  for (const id of shown) if (caseIds.has(id)) touched.add(id);
  for (const id of sharedIds ?? []) touched.add(id);
  return {
    time: e.time,
    who: { id: e.actor.id, name: e.actor.name, department: e.actor.department },
    action: e.action,
    kind,
    caseIds: [...touched].sort(),
    agreementId: e.agreementId,
    recipient: typeof details.recipient === 'string' ? details.recipient : undefined,
    eventId: e.id,
  };
}
