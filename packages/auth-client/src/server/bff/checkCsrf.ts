import { AuthError } from '../../authError';
import type { BffContext } from './context';

/**
 * A state-changing request must come from the app's own origin and carry the custom header
 * (which a cross-site form cannot set); throws `csrf_rejected` otherwise.
 */
export function checkCsrf(ctx: BffContext, request: Request): void {
  const requestOrigin = request.headers.get('origin');
  if (requestOrigin !== ctx.origin) {
    throw new AuthError(
      'csrf_rejected',
      `A ${request.method} request must come from ${ctx.origin} (Origin header was ${requestOrigin ?? 'absent'}).`,
    );
  }
  if (!request.headers.get(ctx.csrfHeader)) {
    throw new AuthError(
      'csrf_rejected',
      `A ${request.method} request must carry the ${ctx.csrfHeader} header (the React provider sends it).`,
    );
  }
}
