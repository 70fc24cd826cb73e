import express from 'express';
import { auditRouter } from './audit/auditRouter';
import { CaseDeskError } from './CaseDeskError';
import { casesRouter } from './cases/casesRouter';
import type { ApiContext } from './context';
import { problemHandler } from './http/problemHandler';
import { sessionRouter } from './session/sessionRouter';
import { sharingRouter } from './sharing/sharingRouter';

export type { ApiContext } from './context';
export { problemHandler } from './http/problemHandler';

/**
 * The JSON API under `/api`, one router per resource (session, cases, audit, sharing); every
 * route goes through `requireAuth` and answers errors as problem+json.
 */
export function apiRouter(ctx: ApiContext): express.Router {
  const router = express.Router();
  router.use(sessionRouter(ctx), casesRouter(ctx), auditRouter(ctx), sharingRouter(ctx));
  router.use((_req, _res, next) => {
    next(new CaseDeskError('not_found', 'No such API route'));
  });
  router.use(problemHandler);
  return router;
}
