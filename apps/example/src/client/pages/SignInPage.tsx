import { useSession } from '@cityofboston/auth-client/react';
import { Alert, Button, useI18n } from '@cityofboston/ui';

const REASONS: Record<string, string> = {
  signed_out: 'You signed out.',
  signed_out_elsewhere: 'You signed out in another tab.',
  session_expired: 'Your session ended after a period without activity. Sign in again.',
  session_revoked: 'Your session was ended. Sign in again.',
};

/** Shown to anyone not signed in. */
export function SignInPage({ reason }: { reason: string | undefined }) {
  const session = useSession();
  // The dev IdP (or the City's IdP) shows its pages in the language chosen here.
  const { locale } = useI18n();
  const message = reason ? REASONS[reason] : undefined;
  const returnTo = window.location.pathname === '/' ? '/cases' : window.location.pathname;
  return (
    <div className="cd-stack">
      <h1>Sign in to the 311 Case Desk</h1>
      {message ? <Alert variant="info">{message}</Alert> : null}
      <p>
        Staff sign in with City single sign-on. Every view of a constituent&apos;s contact details
        and every change is recorded in a tamper-evident audit trail.
      </p>
      <Button
        onClick={() =>
          session.signIn(`${returnTo}${window.location.search}`, { uiLocales: locale })
        }
      >
        Sign in with City SSO
      </Button>
    </div>
  );
}
