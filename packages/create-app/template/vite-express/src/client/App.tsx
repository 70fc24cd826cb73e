import { AuthProvider, useSession } from '@cityofboston/auth-client/react';
import { Button, PageLayout, SiteFooter, SiteHeader, Spinner } from '@cityofboston/ui';
import { type ReactNode, useEffect } from 'react';
import info from '../../city-app.json';
import { can } from '../shared/policy';
import { NewRequestPage } from './pages/NewRequestPage';
import { RequestDetailPage } from './pages/RequestDetailPage';
import { RequestsPage } from './pages/RequestsPage';
import { SignInPage } from './pages/SignInPage';
import { AppLink, usePath } from './router';

/** The client: the session from the BFF, then the page for the path. */
export function App() {
  return (
    <AuthProvider basePath="/auth">
      <Shell />
    </AuthProvider>
  );
}

function Shell() {
  const session = useSession();
  const path = usePath();
  const principal = session.principal;
  const mayView = principal
    ? can(principal, 'view', { type: 'WorkRequest', department: principal.department })
    : false;
  const mayCreate = principal
    ? can(principal, 'create', { type: 'WorkRequest', department: principal.department })
    : false;
  const links = mayView
    ? [
        { href: '/requests', label: 'Requests' },
        ...(mayCreate ? [{ href: '/requests/new', label: 'New request' }] : []),
      ]
    : [];
  const header = (
    <SiteHeader
      appName={info.title}
      department={info.department.name}
      cityName={info.municipality.name}
      homeHref="/"
      navigation={
        links.length > 0 ? (
          <nav aria-label="Main">
            <ul className="app-nav">
              {links.map((l) => (
                <li key={l.href}>
                  <AppLink href={l.href} aria-current={path === l.href ? 'page' : undefined}>
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
          <div className="app-user">
            <span data-testid="signed-in-as">{principal.name}</span>
            <Button variant="secondary" onClick={() => void session.signOut()}>
              Sign out
            </Button>
          </div>
        ) : undefined
      }
    />
  );
  let page: ReactNode;
  let title = 'Sign in';
  if (session.status === 'loading') page = <Spinner label="Loading your session" />;
  else if (!principal) page = <SignInPage reason={session.reason} title={info.title} />;
  else if (!mayView) {
    title = 'No access';
    page = (
      <div className="app-stack">
        <h1>No access</h1>
        <p>Your roles do not include this app. Ask your supervisor for access.</p>
      </div>
    );
  } else if (path === '/requests/new' && mayCreate) {
    title = 'New request';
    page = <NewRequestPage />;
  } else if (path.startsWith('/requests/')) {
    title = 'Request';
    page = <RequestDetailPage id={decodeURIComponent(path.slice('/requests/'.length))} />;
  } else {
    title = 'Requests';
    page = <RequestsPage mayCreate={mayCreate} />;
  }
  useEffect(() => {
    document.title = `${title} | ${info.title} | ${info.municipality.name}`;
  }, [title]);
  return (
    <PageLayout
      header={header}
      footer={<SiteFooter cityName={info.municipality.name}>{info.department.name}</SiteFooter>}
    >
      <FocusOnNavigate key={path} />
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
