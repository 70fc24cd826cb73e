import { isAtMost } from '@cityofboston/standards-schema';
import express, { type RequestHandler } from 'express';
import { permissionsOf, ROLES } from '../../shared/schemas';
import { can, readableAgreements } from '../access/policy';
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
      const own = { type: 'ServiceRequest', department: p.department };
      const expiresInDays =
        p.accountExpiresAt === undefined
          ? undefined
          : Math.floor((Date.parse(p.accountExpiresAt) - Date.now()) / 86_400_000);
      res.json({
        principal: p,
        can: {
          ...permissionsOf(p.roles),
          // What the policy decides for this person's own department's cases.
          readCases: can(p, 'read', own),
          updateCases: can(p, 'note', own),
          closeCases: can(p, 'close', own),
          share: can(p, 'share', own),
          audit: can(p, 'read', 'AuditLog'),
          seeContact: isAtMost('confidential', p.clearance),
        },
        sharedWithMe: readableAgreements(p).map((a) => ({
          id: a.id,
          title: a.title,
          provider: a.provider,
        })),
        // Within 14 days the page warns that the account is about to expire.
        ...(expiresInDays !== undefined && expiresInDays <= 14 ? { expiresInDays } : {}),
      });
    }),
  );
  return router;
}
