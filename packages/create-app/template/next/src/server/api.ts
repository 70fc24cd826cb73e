import { withAudit } from '@cityofboston/audit-log';
import type { Principal } from '@cityofboston/standards-schema';
import { type App, getApp } from './app';
import { problemResponse } from './problem';
import { actorOf } from './workRequests';

/** What an API handler gets: the app, the request and the signed-in person. */
export type ApiHandler<Params> = (ctx: {
  app: App;
  request: Request;
  principal: Principal;
  params: Params;
}) => Promise<Response>;

/**
 * A route handler for the API: signed in (401 problem+json otherwise), every request recorded
 * in the audit log with its actor and outcome (503 when it cannot be recorded), errors as
 * problem+json, and the BFF's session cookie (rolling idle timeout) passed on.
 */
export function apiRoute<Params = Record<string, never>>(
  handler: ApiHandler<Params>,
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    const app = await getApp();
    const principals = new WeakMap<Request, Principal>();
    const audited = withAudit(
      app.log,
      async (req: Request) => {
        const guard = await app.bff.requireAuth().check(req);
        if (!guard.ok) return guard.response;
        principals.set(req, guard.principal);
        let response: Response;
        try {
          response = await handler({
            app,
            request: req,
            principal: guard.principal,
            params: await context.params,
          });
        } catch (error) {
          response = problemResponse(error, req);
        }
        guard.headers.forEach((value, key) => {
          response.headers.append(key, value);
        });
        response.headers.set('cache-control', 'no-store');
        return response;
      },
      {
        resolveActor: (req) => {
          const p = principals.get(req);
          return p ? actorOf(p) : undefined;
        },
        onError: () => console.error('[audit] an API request could not be recorded'),
      },
    );
    return audited(request);
  };
}
