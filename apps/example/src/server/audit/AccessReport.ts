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
  /** Accesses read from the index (the log itself is not scanned). */
  indexRowsRead: number;
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
 * Events carry the resident's keyed pseudonyms (never their contact details), and the app's
 * access index maps those pseudonyms and the resident's case numbers to the accesses, so the
 * report looks up a name, email or phone by computing the same pseudonyms and reads only the
 * matching rows, however long the log (see `AccessIndex`). Each access names its audit event.
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
  const found = await ctx.accessIndex.find([...subjects], [...caseIds]);
  const accesses: Access[] = [];
  for (const a of found) {
    const kind = KIND[a.action];
    if (!kind) continue;
    accesses.push({
      time: a.time,
      who: { id: a.actor.id, name: a.actor.name, department: a.actor.department },
      action: a.action,
      kind,
      caseIds: a.caseIds,
      agreementId: a.agreementId,
      recipient: a.recipient,
      eventId: a.eventId,
    });
  }
  return { matchedBy, caseIds: [...caseIds].sort(), accesses, indexRowsRead: found.length };
}
