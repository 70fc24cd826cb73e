// The sample resource's operations, used by the route handlers (the API) and by the server
// components (the pages): each checks the policy, audits the read or the change, and returns
// records redacted to the viewer's clearance.
import { createHmac } from 'node:crypto';
import { type Principal, redact } from '@cityofboston/standards-schema';
import { can } from '../shared/policy';
import { NewWorkRequest, WorkRequest } from '../shared/WorkRequest';
import type { App } from './app';
import { AppError } from './problem';

/** A work request as a viewer may see it: fields above their clearance are left out. */
export type WorkRequestView = Partial<WorkRequest>;

/** The actor of an audit event. */
export const actorOf = (p: Principal) => ({
  type: 'user' as const,
  id: p.sub,
  department: p.department,
  roles: p.roles,
});

const resource = (p: Principal, r?: WorkRequest) => ({
  type: 'WorkRequest',
  department: r?.department ?? p.department,
});

function viewer(app: App, p: Principal) {
  const hash = (v: string) =>
    createHmac('sha256', app.pseudonymKey).update(v).digest('base64url').slice(0, 16);
  return (r: WorkRequest): WorkRequestView =>
    redact(WorkRequest, r, { clearance: p.clearance, hash }) as WorkRequestView;
}

/** Whether `p` may see the department's requests, and create one. */
export function permissions(p: Principal): { view: boolean; create: boolean } {
  return { view: can(p, 'view', resource(p)), create: can(p, 'create', resource(p)) };
}

/** The department's requests, newest first; the view is audited with the records it showed. */
export async function listRequests(app: App, p: Principal): Promise<WorkRequestView[]> {
  if (!can(p, 'view', resource(p))) throw new AppError('forbidden', 'You may not see requests');
  const records = await app.requests.list(p.department);
  await app.log.record({
    actor: actorOf(p),
    action: 'work-request.list',
    target: { type: 'WorkRequest', id: 'list', classification: 'confidential' },
    outcome: 'success',
    details: { ids: records.map((r) => r.id) },
  });
  return records.map(viewer(app, p));
}

/** One request; "missing" and "another department's" give the same answer (ids do not leak). */
export async function getRequest(app: App, p: Principal, id: string): Promise<WorkRequestView> {
  const record = await app.requests.get(id);
  if (!record || !can(p, 'view', resource(p, record))) {
    throw new AppError('not_found', `There is no request ${id}`);
  }
  await app.log.record({
    actor: actorOf(p),
    action: 'work-request.view',
    target: { type: 'WorkRequest', id, classification: 'confidential' },
    outcome: 'success',
  });
  return viewer(app, p)(record);
}

/** Creates a request from a form body; the change and its audit event commit together. */
export async function createRequest(
  app: App,
  p: Principal,
  body: unknown,
): Promise<WorkRequestView> {
  if (!can(p, 'create', resource(p)))
    throw new AppError('forbidden', 'You may not create requests');
  const parsed = NewWorkRequest.safeParse(body);
  if (!parsed.success) {
    throw new AppError('invalid_body', 'Check the request', {
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || '(root)',
        message: i.message,
      })),
    });
  }
  const record = {
    ...parsed.data,
    department: p.department,
    status: 'new' as const,
    createdAt: new Date().toISOString(),
  };
  // The outbox pattern: the audit event is written in the change's own transaction.
  const saved = await app.db.transaction(async (tx) => {
    const created = await app.requests.create(tx, record);
    await app.outbox.add(tx, {
      actor: actorOf(p),
      action: 'work-request.create',
      target: { type: 'WorkRequest', id: created.id, classification: 'confidential' },
      outcome: 'success',
    });
    return created;
  });
  await app.outbox.drain();
  return viewer(app, p)(saved);
}
