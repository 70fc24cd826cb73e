import express, { type RequestHandler } from 'express';
import { ROLES } from '../../shared/schemas';
import type { ApiContext } from '../context';
import { handler, principalOf } from '../http/handler';
import { parseInput } from '../http/parseInput';
import { AuditService } from './AuditService';
import { AccessQuery, AuditQuery } from './auditSchemas';

/** `/audit/*`: the trail, the chain check and the access report, for auditors. */
export function auditRouter(ctx: ApiContext): express.Router {
  const service = new AuditService(ctx);
  const guard = ctx.bff.requireAuth({ roles: ROLES.audit }).express as unknown as RequestHandler;
  const router = express.Router();

  router.get(
    '/audit/events',
    guard,
    handler(async (req, res) => {
      const q = parseInput(AuditQuery, req.query, 'invalid_query');
      res.json(await service.events(principalOf(res), q));
    }),
  );

  router.get(
    '/audit/verify',
    guard,
    handler(async (_req, res) => {
      res.json(await service.verify(principalOf(res)));
    }),
  );

  router.get(
    '/audit/access',
    guard,
    handler(async (req, res) => {
      const { caseId } = parseInput(AccessQuery, req.query, 'invalid_query');
      res.json(await service.access(principalOf(res), caseId));
    }),
  );
  return router;
}
