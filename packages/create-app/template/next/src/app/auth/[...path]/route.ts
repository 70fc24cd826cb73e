// Sign-in, the callback, sign-out, back-channel logout, the session and refresh: the BFF's
// fetch-standard handlers behind one route handler. Tokens stay on the server; the browser
// holds an encrypted HttpOnly cookie.
import { getApp } from '../../../server/app';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  return (await getApp()).bff.handle(request);
}

export { handle as GET, handle as POST };
