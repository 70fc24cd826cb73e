import { AuthProvider, useSession } from '@cityofboston/auth-client/react';
import { Alert, Button, PageLayout, SiteFooter, SiteHeader, Spinner } from '@cityofboston/ui';
import { type ReactNode, useEffect } from 'react';
import { permissionsOf } from '../shared/schemas';
import { AuditPage } from './pages/AuditPage';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { CasesPage } from './pages/CasesPage';
import { SharePage } from './pages/SharePage';
import { SignInPage } from './pages/SignInPage';
import { AppLink, useLocation } from './router';

/** The 311 Case Desk client: the session from the BFF, then the page for the path. */
export function App() {
  return (
    <AuthProvider basePath="/auth">
      <Shell />
    </AuthProvider>
  );
}

function Shell() {
  const session = useSession();
  const location = useLocation();
  const principal = session.principal;
  const can = permissionsOf(principal?.roles ?? []);
  const links = principal
    ? [
        ...(can.readCases ? [{ href: '/cases', label: 'Cases' }] : []),
        ...(can.audit ? [{ href: '/audit', label: 'Audit trail' }] : []),
        ...(can.share ? [{ href: '/share', label: 'Share data' }] : []),
      ]
    : [];
  const path = location.pathname;
  const header = (
    <SiteHeader
      appName="311 Case Desk"
      department={principal?.department ?? 'Public Works'}
      homeHref="/"
      navigation={
        links.length > 0 ? (
          <nav aria-label="Main">
            <ul className="cd-nav">
              {links.map((l) => (
                <li key={l.href}>
                  <AppLink
                    href={l.href}
                    aria-current={path.startsWith(l.href) ? 'page' : undefined}
                  >
                    {l.label}
                  </AppLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : undefined
      }
      user={
        principal ? (
          <div className="cd-user">
            <span data-testid="signed-in-as">
              {principal.name} · {principal.department}
            </span>
            <Button variant="secondary" onClick={() => void session.signOut()}>
              Sign out
            </Button>
          </div>
        ) : undefined
      }
    />
  );
  const expiry = expiryOf(principal?.accountExpiresAt);
  let page: ReactNode;
  if (session.status === 'loading') page = <Spinner label="Loading your session" />;
  else if (!principal) page = <SignInPage reason={session.reason} />;
  else if (expiry?.expired) page = <AccountExpired when={expiry.date} />;
  else if (path.startsWith('/cases/'))
    page = <CaseDetailPage id={decodeURIComponent(path.slice(7))} />;
  else if (path.startsWith('/audit') && can.audit) page = <AuditPage />;
  else if (path.startsWith('/share') && can.share) page = <SharePage />;
  else if (path !== '/' && path !== '/cases') page = <NotFound />;
  else if (can.readCases) page = <CasesPage />;
  else if (can.audit) page = <AuditPage />;
  else page = <NoAccess />;
  return (
    <PageLayout
      header={header}
      footer={
        <SiteFooter cityName="City of Boston">
          Synthetic data only: no real constituents.
        </SiteFooter>
      }
    >
      <FocusOnNavigate key={path} />
      {expiry && !expiry.expired && expiry.days <= 14 ? (
        <Alert variant="warning" title="Your account expires soon">
          Your access to the Case Desk ends on {expiry.date}
          {expiry.days <= 1 ? '' : ` (in ${expiry.days} days)`}. Ask your supervisor to renew it if
          you still need it.
        </Alert>
      ) : null}
      {page}
    </PageLayout>
  );
}

let navigated = false;

/** Moves focus to the page heading after an in-app navigation, as a page load would. */
function FocusOnNavigate() {
  useEffect(() => {
    if (!navigated) {
      navigated = true;
      return;
    }
    const h1 = document.querySelector('h1');
    if (h1 instanceof HTMLElement) {
      h1.tabIndex = -1;
      h1.focus();
    }
  }, []);
  return null;
}

/** When an account expires (contractors), and whether it already has. */
function expiryOf(iso: string | undefined) {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date(ms));
  return { expired: ms <= Date.now(), days: Math.ceil((ms - Date.now()) / 86_400_000), date };
}

function AccountExpired({ when }: { when: string }) {
  return (
    <div className="cd-stack">
      <h1>Your account has expired</h1>
      <p>
        Your access to the Case Desk ended on {when}. Nothing in the Case Desk is available to an
        expired account. If you still need access, ask your supervisor or the department's account
        manager to renew it, then sign in again.
      </p>
    </div>
  );
}

function NotFound() {
  return (
    <div className="cd-stack">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <AppLink href="/cases">Go to the cases list</AppLink>
      </p>
    </div>
  );
}

function NoAccess() {
  return (
    <div className="cd-stack">
      <h1>No access</h1>
      <p>Your roles do not include any part of the Case Desk. Ask your supervisor for access.</p>
    </div>
  );
}
