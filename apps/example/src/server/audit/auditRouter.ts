import express, { type RequestHandler } from 'express';
import { ROLES } from '../../shared/schemas';
import type { ApiContext } from '../context';
import { handler, principalOf } from '../http/handler';
import { parseInput } from '../http/parseInput';
import { AuditService } from './AuditService';
import { accessLetter } from './accessLetter';
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
      const { lang: _lang, ...q } = parseInput(AccessQuery, req.query, 'invalid_query');
      res.json(await service.access(principalOf(res), q));
    }),
  );

  // The report as a printable letter to the resident, in English or Spanish.
  router.get(
    '/audit/access/letter',
    guard,
    handler(async (req, res) => {
      const { lang, ...q } = parseInput(AccessQuery, req.query, 'invalid_query');
      const report = await service.access(principalOf(res), q);
      res.type('html').send(accessLetter(report, lang, new Date()));
    }),
  );
  return router;
}
