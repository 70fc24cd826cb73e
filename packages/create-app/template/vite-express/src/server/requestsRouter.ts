import { createHmac } from 'node:crypto';
import type { AuditLog } from '@cityofboston/audit-log';
import type { Bff } from '@cityofboston/auth-client/server';
import { type Principal, redact } from '@cityofboston/standards-schema';
import express, { type RequestHandler, type Response } from 'express';
import { can } from '../shared/policy';
import { NewWorkRequest, WorkRequest } from '../shared/WorkRequest';
import { AppError } from './AppError';
import type { AuditOutbox } from './AuditOutbox';
import type { Database } from './database';
import type { WorkRequestRepository } from './WorkRequestRepository';

/** What the work requests API needs. */
export interface RequestsContext {
  bff: Bff;
  db: Database;
  log: AuditLog;
  outbox: AuditOutbox;
  requests: WorkRequestRepository;
  /** Key for the pseudonyms (HMAC) that replace hashed fields in redacted views. */
  pseudonymKey: string;
}

const principalOf = (res: Response) => res.locals.principal as Principal;
const actorOf = (p: Principal) => ({
  type: 'user' as const,
  id: p.sub,
  department: p.department,
  roles: p.roles,
});
const wrap =
  (fn: (req: express.Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/** `GET /requests`, `GET /requests/:id`, `POST /requests`: policy-checked and audited. */
export function requestsRouter(ctx: RequestsContext): express.Router {
  const router = express.Router();
  const signedIn = ctx.bff.requireAuth().express as unknown as RequestHandler;
  const json = express.json({ limit: '16kb' });
  const hash = (v: string) =>
    createHmac('sha256', ctx.pseudonymKey).update(v).digest('base64url').slice(0, 16);
  const view = (p: Principal, r: WorkRequest) =>
    redact(WorkRequest, r, { clearance: p.clearance, hash });
  const resource = (p: Principal, r?: WorkRequest) => ({
    type: 'WorkRequest',
    department: r?.department ?? p.department,
  });

  router.get(
    '/requests',
    signedIn,
    wrap(async (_req, res) => {
      const p = principalOf(res);
      if (!can(p, 'view', resource(p))) throw new AppError('forbidden', 'You may not see requests');
      const records = await ctx.requests.list(p.department);
      // Every view of personal data is audited with the records it showed.
      await ctx.log.record({
        actor: actorOf(p),
        action: 'work-request.list',
        target: { type: 'WorkRequest', id: 'list', classification: 'confidential' },
        outcome: 'success',
        details: { ids: records.map((r) => r.id) },
      });
      res.json({ records: records.map((r) => view(p, r)) });
    }),
  );

  router.get(
    '/requests/:id',
    signedIn,
    wrap(async (req, res) => {
      const p = principalOf(res);
      const id = String(req.params.id);
      const record = await ctx.requests.get(id);
      if (!record || !can(p, 'view', resource(p, record))) {
        // The same answer for "missing" and "not yours": ids of other departments do not leak.
        throw new AppError('not_found', `There is no request ${id}`);
      }
      await ctx.log.record({
        actor: actorOf(p),
        action: 'work-request.view',
        target: { type: 'WorkRequest', id, classification: 'confidential' },
        outcome: 'success',
      });
      res.json({ record: view(p, record) });
    }),
  );

  router.post(
    '/requests',
    signedIn,
    json,
    wrap(async (req, res) => {
      const p = principalOf(res);
      if (!can(p, 'create', resource(p))) {
        throw new AppError('forbidden', 'You may not create requests');
      }
      const parsed = NewWorkRequest.safeParse(req.body);
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
      // The change and its audit event commit together (the outbox pattern).
      const saved = await ctx.db.transaction(async (tx) => {
        const created = await ctx.requests.create(tx, record);
        await ctx.outbox.add(tx, {
          actor: actorOf(p),
          action: 'work-request.create',
          target: { type: 'WorkRequest', id: created.id, classification: 'confidential' },
          outcome: 'success',
        });
        return created;
      });
      await ctx.outbox.drain();
      res
        .status(201)
        .location(`/requests/${saved.id}`)
        .json({ record: view(p, saved) });
    }),
  );
  return router;
}
