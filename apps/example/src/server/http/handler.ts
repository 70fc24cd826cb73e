import type { Principal } from '@cityofboston/standards-schema';
import type { Request, RequestHandler, Response } from 'express';

/** An async route handler whose rejections reach the problem handler. */
export const handler =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/** The signed-in person `requireAuth` put on the response. */
export const principalOf = (res: Response): Principal => res.locals.principal as Principal;

/** The audit actor for `p`. */
export const actorOf = (p: Principal) => ({
  type: 'user' as const,
  id: p.sub,
  name: p.name,
  department: p.department,
  roles: p.roles,
});
