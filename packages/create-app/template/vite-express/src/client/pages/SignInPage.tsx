import { useSession } from '@cityofboston/auth-client/react';
import { Alert, Button } from '@cityofboston/ui';

const REASONS: Record<string, string> = {
  signed_out: 'You signed out.',
  signed_out_elsewhere: 'You signed out in another tab.',
  session_expired: 'Your session ended after a period without activity. Sign in again.',
  session_revoked: 'Your session was ended. Sign in again.',
};

/** Shown to anyone not signed in. */
export function SignInPage({ reason, title }: { reason: string | undefined; title: string }) {
  const session = useSession();
  const message = reason ? REASONS[reason] : undefined;
  const returnTo = window.location.pathname === '/' ? '/requests' : window.location.pathname;
  return (
    <div className="app-stack">
      <h1>Sign in to {title}</h1>
      {message ? <Alert variant="info">{message}</Alert> : null}
      <p>Staff sign in with City single sign-on. Every view of personal data is recorded.</p>
      <Button onClick={() => session.signIn(returnTo)}>Sign in with City SSO</Button>
    </div>
  );
}
