import express, { type RequestHandler } from 'express';
import { ROLES, SharePreviewRequest, ShareRequest } from '../../shared/schemas';
import type { ApiContext } from '../context';
import { handler, principalOf } from '../http/handler';
import { jsonBody } from '../http/jsonBody';
import { parseInput } from '../http/parseInput';
import { ShareService } from './ShareService';

/** `/agreements` and `/share*`: shares under data-sharing agreements, for case managers. */
export function sharingRouter(ctx: ApiContext): express.Router {
  const service = new ShareService(ctx);
  const guard = ctx.bff.requireAuth({ roles: ROLES.share }).express as unknown as RequestHandler;
  const router = express.Router();

  router.get(
    '/agreements',
    guard,
    handler(async (_req, res) => {
      res.json({ agreements: service.agreements(principalOf(res)) });
    }),
  );

  router.post(
    '/share/preview',
    guard,
    jsonBody,
    handler(async (req, res) => {
      const body = parseInput(SharePreviewRequest, req.body, 'invalid_body');
      res.json(await service.preview(principalOf(res), body));
    }),
  );

  router.post(
    '/share',
    guard,
    jsonBody,
    handler(async (req, res) => {
      const body = parseInput(ShareRequest, req.body, 'invalid_body');
      res.json(await service.share(principalOf(res), body));
    }),
  );
  return router;
}
