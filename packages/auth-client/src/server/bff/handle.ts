// The router: one route per method and path under `basePath`, 404 for anything else.
import { backchannelLogout } from './backchannelLogout';
import { callback } from './callback';
import type { BffContext } from './context';
import { failure } from './failure';
import { login } from './login';
import { logout } from './logout';
import { checkDeclaredLength } from './readBody';
import { refresh } from './refresh';
import { sessionRoute } from './sessionRoute';

export async function handle(ctx: BffContext, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (!path.startsWith(`${ctx.basePath}/`)) return new Response('Not Found', { status: 404 });
  const route = path.slice(ctx.basePath.length + 1);
  const method = request.method.toUpperCase();
  try {
    // Every route: a declared body over the cap is refused before any work.
    checkDeclaredLength(ctx, request);
  } catch (error) {
    return failure(ctx, error);
  }
  switch (`${method} ${route}`) {
    case 'GET login':
      return login(ctx, request);
    case 'GET callback':
      return callback(ctx, request);
    case 'POST logout':
      return logout(ctx, request);
    case 'POST backchannel-logout':
      return backchannelLogout(ctx, request);
    case 'GET session':
      return sessionRoute(ctx, request);
    case 'POST refresh':
      return refresh(ctx, request);
    default:
      return new Response('Not Found', { status: 404 });
  }
}
