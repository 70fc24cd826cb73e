import { isAtMost } from '@cityofboston/standards-schema';
import express, { type RequestHandler } from 'express';
import { permissionsOf, ROLES } from '../../shared/schemas';
import type { ApiContext } from '../context';
import { handler, principalOf } from '../http/handler';

/** `/me`: who is signed in and what they may do (the client hides what they may not). */
export function sessionRouter(ctx: ApiContext): express.Router {
  const guard = ctx.bff.requireAuth({ roles: [...ROLES.readCases, ...ROLES.audit] })
    .express as unknown as RequestHandler;
  const router = express.Router();
  router.get(
    '/me',
    guard,
    handler(async (_req, res) => {
      const p = principalOf(res);
      res.json({
        principal: p,
        can: { ...permissionsOf(p.roles), seeContact: isAtMost('confidential', p.clearance) },
      });
    }),
  );
  return router;
}
