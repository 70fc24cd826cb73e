'use client';
import { useSession } from '@cityofboston/auth-client/react';
import { Alert, Button } from '@cityofboston/ui';

const REASONS: Record<string, string> = {
  signed_out: 'You signed out.',
  signed_out_elsewhere: 'You signed out in another tab.',
  session_expired: 'Your session ended after a period without activity. Sign in again.',
  session_revoked: 'Your session was ended. Sign in again.',
};

/**
 * The sign-in button: a plain form to the BFF's login route, so it works before the page's
 * scripts have loaded (and for anyone whose scripts fail), with why the last session ended.
 */
export function SignInPanel({ returnTo }: { returnTo: string }) {
  const session = useSession();
  const message = session.reason ? REASONS[session.reason] : undefined;
  return (
    <>
      {message ? <Alert variant="info">{message}</Alert> : null}
      <form action="/auth/login" method="get">
        <input type="hidden" name="returnTo" value={returnTo} />
        <Button type="submit">Sign in with City SSO</Button>
      </form>
    </>
  );
}
