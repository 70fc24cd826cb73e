import { createHmac } from 'node:crypto';
import { type AuditLog, verify } from '@cityofboston/audit-log';
import { planShare, share } from '@cityofboston/audit-log/sharing';
import type { Bff } from '@cityofboston/auth-client/server';
import { isAtMost, type Principal, redact, ServiceRequest } from '@cityofboston/standards-schema';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { z } from 'zod';
import {
  CalendarDay,
  CaseQuery,
  CaseUpdate,
  permissionsOf,
  ROLES,
  SharePreviewRequest,
  ShareRequest,
} from '../shared/schemas';
import type { AuditOutbox } from './AuditOutbox';
import { AGREEMENTS } from './agreements';
import { CaseDeskError } from './CaseDeskError';
import type { CaseRepository } from './caseRepository';
import type { Database } from './database';

const AuditQuery = z
  .object({
    actor: z.string().min(1).max(200).optional(),
    action: z.string().min(1).max(100).optional(),
    caseId: z.string().min(1).max(40).optional(),
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

const AccessQuery = z
  .object({ caseId: z.string().regex(/^\d{1,20}$/, 'Expected a case number') })
  .strict();

function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: 'invalid_body' | 'invalid_query',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  throw new CaseDeskError(
    code,
    code === 'invalid_body' ? 'The request body is not valid' : 'The query is not valid',
    { issues },
  );
}

/** What the API needs. */
export interface ApiContext {
  bff: Bff;
  log: AuditLog;
  db: Database;
  cases: CaseRepository;
  /** Where the audit events of changes wait, in the change's transaction, for the audit log. */
  outbox: AuditOutbox;
  /** Key for pseudonyms (HMAC) in shares and in redacted views. */
  pseudonymKey: string;
  app: { name: string; version: string; department: string };
}

const principalOf = (res: Response): Principal => res.locals.principal as Principal;
const actorOf = (p: Principal) => ({
  type: 'user' as const,
  id: p.sub,
  name: p.name,
  department: p.department,
  roles: p.roles,
});

type Handler = (req: Request, res: Response) => Promise<void>;
const wrap =
  (fn: Handler): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/** The JSON API under `/api`: every route goes through `requireAuth` and is audited. */
export function apiRouter(ctx: ApiContext): express.Router {
  const { bff, log, cases } = ctx;
  const router = express.Router();
  const guard = (roles: readonly string[]) =>
    bff.requireAuth({ roles }).express as unknown as RequestHandler;
  const json = express.json({ limit: '16kb', strict: false, type: () => true });
  const hash = (value: string) =>
    createHmac('sha256', ctx.pseudonymKey).update(value).digest('base64url').slice(0, 16);
  const view = (p: Principal, record: ServiceRequest) =>
    redact(ServiceRequest, record, { clearance: p.clearance, hash });

  router.get(
    '/me',
    guard([...ROLES.readCases, ...ROLES.audit]),
    wrap(async (_req, res) => {
      const p = principalOf(res);
      res.json({
        principal: p,
        can: {
          ...permissionsOf(p.roles),
          seeContact: isAtMost('confidential', p.clearance),
        },
      });
    }),
  );

  router.get(
    '/facets',
    guard(ROLES.readCases),
    wrap(async (_req, res) => {
      res.json(await cases.facets());
    }),
  );

  router.get(
    '/cases',
    guard(ROLES.readCases),
    wrap(async (req, res) => {
      const q = parse(CaseQuery, req.query, 'invalid_query');
      const p = principalOf(res);
      const { page, pageSize, ...filter } = q;
      const result = await cases.list(filter, page, pageSize);
      const contactRevealed = isAtMost('confidential', p.clearance);
      await log.record({
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
      res.json({ ...result, records: result.records.map((r) => view(p, r)), contactRevealed });
    }),
  );

  router.get(
    '/cases/:id',
    guard(ROLES.readCases),
    wrap(async (req, res) => {
      const id = String(req.params.id);
      const p = principalOf(res);
      const found = await cases.get(id);
      if (!found) throw new CaseDeskError('not_found', `There is no case ${id}`);
      const contactRevealed = isAtMost('confidential', p.clearance) && !!found.record.contact;
      await log.record({
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
      res.json({ record: view(p, found.record), version: found.version, contactRevealed });
    }),
  );

  router.patch(
    '/cases/:id',
    guard(ROLES.updateCases),
    json,
    wrap(async (req, res) => {
      const id = String(req.params.id);
      const p = principalOf(res);
      const update = parse(CaseUpdate, req.body, 'invalid_body');
      const found = await cases.get(id);
      if (!found) throw new CaseDeskError('not_found', `There is no case ${id}`);
      const closing = update.status === 'closed' && found.record.status !== 'closed';
      if (update.status !== undefined && update.status !== found.record.status) {
        if (!ROLES.closeCases.some((r) => p.roles.includes(r))) {
          await log.record({
            actor: actorOf(p),
            action: closing ? 'case.close' : 'case.reopen',
            target: { type: 'ServiceRequest', id },
            outcome: 'denied',
            reason: 'close_forbidden: only case managers change a case status',
          });
          throw new CaseDeskError(
            'close_forbidden',
            'Only case managers may close or reopen a case',
          );
        }
      }
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const next: ServiceRequest = { ...found.record, updated_datetime: now };
      const activities = [...(found.record.activities ?? [])];
      if (update.note !== undefined) {
        activities.push({ datetime: now, type: 'note', actor: p.sub, note: update.note });
      }
      if (update.status !== undefined && update.status !== found.record.status) {
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
      const checked = parse(ServiceRequest, next, 'invalid_body');
      const action = closing
        ? 'case.close'
        : update.status === 'open' && found.record.status === 'closed'
          ? 'case.reopen'
          : 'case.update';
      // The change and its audit event commit together: the event goes into the outbox in the
      // same transaction, then to the audit log. If the log cannot take it now, the committed
      // event waits in the outbox and is delivered later; a change is never left unaudited.
      const { version, entry } = await ctx.db.transaction(async (tx) => {
        const version = await cases.save(tx, checked);
        const entry = await ctx.outbox.add(tx, {
          actor: actorOf(p),
          action,
          target: { type: 'ServiceRequest', id },
          outcome: 'success',
          details: { status: checked.status, noteAdded: update.note !== undefined, version },
        });
        return { version, entry };
      });
      const audited = await ctx.outbox.deliver(entry).catch(() => false);
      res.json({ record: view(p, checked), version, audit: audited ? 'recorded' : 'pending' });
    }),
  );

  router.get(
    '/audit/events',
    guard(ROLES.audit),
    wrap(async (req, res) => {
      const q = parse(AuditQuery, req.query, 'invalid_query');
      const page = await log.store.query({
        limit: 50,
        order: 'desc',
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.caseId ? { targetId: q.caseId } : {}),
        ...(q.from ? { from: `${q.from}T00:00:00Z` } : {}),
        ...(q.to ? { to: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86400000).toISOString() } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      await log.record({
        actor: actorOf(principalOf(res)),
        action: 'audit.read',
        target: { type: 'AuditLog', id: log.store.chainId },
        outcome: 'success',
        details: { count: page.events.length },
      });
      res.json(page);
    }),
  );

  router.get(
    '/audit/verify',
    guard(ROLES.audit),
    wrap(async (_req, res) => {
      await log.flush();
      const result = await verify(log.store);
      await log.record({
        actor: actorOf(principalOf(res)),
        action: 'audit.verify',
        target: { type: 'AuditLog', id: log.store.chainId },
        outcome: 'success',
        details: { ok: result.ok, count: result.count },
      });
      res.json(result);
    }),
  );

  router.get(
    '/audit/access',
    guard(ROLES.audit),
    wrap(async (req, res) => {
      const { caseId } = parse(AccessQuery, req.query, 'invalid_query');
      const ids = await cases.sameConstituent(caseId);
      if (ids.length === 0) throw new CaseDeskError('not_found', `There is no case ${caseId}`);
      const events = [];
      for (const targetId of ids) {
        const page = await log.store.query({ targetId, limit: 1000, order: 'desc' });
        events.push(...page.events.filter((e) => e.target?.type === 'ServiceRequest'));
      }
      events.sort((a, b) => (a.time < b.time ? 1 : -1));
      await log.record({
        actor: actorOf(principalOf(res)),
        action: 'audit.access-report',
        target: { type: 'ServiceRequest', id: caseId },
        outcome: 'success',
        details: { cases: ids.length, events: events.length },
      });
      res.json({ caseIds: ids, events });
    }),
  );

  router.get(
    '/agreements',
    guard(ROLES.share),
    wrap(async (_req, res) => {
      res.json({ agreements: AGREEMENTS });
    }),
  );

  const agreementOf = (id: string) => {
    const agreement = AGREEMENTS.find((a) => a.id === id);
    if (!agreement) throw new CaseDeskError('unknown_agreement', `There is no agreement ${id}`);
    return agreement;
  };

  router.post(
    '/share/preview',
    guard(ROLES.share),
    json,
    wrap(async (req, res) => {
      const body = parse(SharePreviewRequest, req.body, 'invalid_body');
      const agreement = agreementOf(body.agreementId);
      const count = await cases.count(body.filter);
      // The very plan share() will apply: the preview cannot promise what the share does not do.
      const plan = planShare(ServiceRequest, agreement, { recipient: agreement.recipient });
      res.json({
        agreement,
        fields: plan.fields,
        count,
        ...(plan.refusal ? { refusal: plan.refusal.message } : {}),
      });
    }),
  );

  router.post(
    '/share',
    guard(ROLES.share),
    json,
    wrap(async (req, res) => {
      const body = parse(ShareRequest, req.body, 'invalid_body');
      const agreement = agreementOf(body.agreementId);
      const p = principalOf(res);
      const records = await cases.all(body.filter, body.limit);
      try {
        const result = await share(records, {
          schema: ServiceRequest,
          agreement,
          recipient: agreement.recipient,
          purpose: body.purpose,
          audit: log,
          actor: actorOf(p),
          pseudonymKey: ctx.pseudonymKey,
        });
        res.json(result);
      } catch (error) {
        if (
          (error as { code?: unknown }).code &&
          String((error as { code: string }).code).startsWith('SHARE_')
        ) {
          throw new CaseDeskError('share_refused', (error as Error).message, { cause: error });
        }
        throw error;
      }
    }),
  );

  router.use((_req, _res, next) => {
    next(new CaseDeskError('not_found', 'No such API route'));
  });
  router.use(problemHandler);
  return router;
}

/** Turns any error into RFC 9457 problem+json; never leaks a stack or personal data. */
export function problemHandler(
  error: unknown,
  req: Request,
  res: Response,
  _next: NextFunction,
): void {
  let e: CaseDeskError;
  if (error instanceof CaseDeskError) e = error;
  else if ((error as { type?: string }).type === 'entity.parse.failed') {
    e = new CaseDeskError('invalid_json', 'The request body is not valid JSON', { cause: error });
  } else if ((error as { type?: string }).type === 'entity.too.large') {
    e = new CaseDeskError('body_too_large', 'The request body is larger than 16 kB', {
      cause: error,
    });
  } else if (
    (error as { status?: number }).status === 400 ||
    (error as { status?: number }).status === 415
  ) {
    e = new CaseDeskError('invalid_body', 'The request body could not be read', { cause: error });
  } else {
    e = new CaseDeskError('internal_error', 'Something went wrong on our side', { cause: error });
    console.error(
      `[case-desk] ${req.method} ${req.path}: ${(error as Error)?.name ?? 'error'} ${(error as { code?: string }).code ?? ''}`,
    );
  }
  if (res.headersSent) return;
  res
    .status(e.status)
    .type('application/problem+json')
    .send(JSON.stringify(e.toProblem(req.originalUrl.split('?')[0])));
}
