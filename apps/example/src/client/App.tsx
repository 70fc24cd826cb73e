import { AuthProvider, useSession } from '@cityofboston/auth-client/react';
import {
  Alert,
  BUILT_IN_MESSAGES,
  Button,
  en,
  getTextDirection,
  I18nProvider,
  PageLayout,
  SiteFooter,
  SiteHeader,
  Spinner,
} from '@cityofboston/ui';
import { type ReactNode, useEffect, useState } from 'react';
import { permissionsOf } from '../shared/schemas';
import { AuditPage } from './pages/AuditPage';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { CasesPage } from './pages/CasesPage';
import { SharePage } from './pages/SharePage';
import { SignInPage } from './pages/SignInPage';
import { AppLink, useLocation } from './router';

/** The kit's complete locales: every built-in string translated (English and Spanish today). */
const LANGUAGES = Object.entries(BUILT_IN_MESSAGES)
  .filter(([, messages]) => Object.keys(en).every((key) => key in messages))
  .map(([code]) => code);
const languageName = (code: string) => new Intl.DisplayNames([code], { type: 'language' }).of(code);
const LANGUAGE_KEY = 'case-desk-language';

/** The 311 Case Desk client: the session from the BFF, then the page for the path. */
export function App() {
  const [locale, setLocale] = useState(() => {
    const saved = window.localStorage.getItem(LANGUAGE_KEY);
    return saved && LANGUAGES.includes(saved) ? saved : 'en';
  });
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = getTextDirection(locale);
    window.localStorage.setItem(LANGUAGE_KEY, locale);
  }, [locale]);
  return (
    <I18nProvider locale={locale}>
      <AuthProvider basePath="/auth">
        <Shell locale={locale} onLocale={setLocale} />
      </AuthProvider>
    </I18nProvider>
  );
}

/** Links to the other complete languages, each named in its own language. */
function LanguageSwitch({ locale, onLocale }: { locale: string; onLocale: (l: string) => void }) {
  const others = LANGUAGES.filter((l) => l !== locale);
  if (others.length === 0) return null;
  return (
    <ul className="cd-languages" aria-label="Language">
      {others.map((code) => (
        <li key={code}>
          <button type="button" className="cd-language" lang={code} onClick={() => onLocale(code)}>
            {languageName(code)}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Shell({ locale, onLocale }: { locale: string; onLocale: (l: string) => void }) {
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
        <div className="cd-user">
          <LanguageSwitch locale={locale} onLocale={onLocale} />
          {principal ? (
            <>
              <span data-testid="signed-in-as">
                {principal.name} · {principal.department}
              </span>
              <Button variant="secondary" onClick={() => void session.signOut()}>
                Sign out
              </Button>
            </>
          ) : null}
        </div>
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

/**
 * After an in-app navigation, once the new page's content has loaded (its heading is there and
 * no loading spinner is left in the main region), moves focus to the page heading, as a screen
 * reader user expects after a page load. The first page of a visit keeps the browser's focus.
 */
function FocusOnNavigate() {
  useEffect(() => {
    if (!navigated) {
      navigated = true;
      return;
    }
    const main = document.querySelector('main');
    if (!main) return;
    const ready = () => {
      const h1 = main.querySelector('h1');
      if (!(h1 instanceof HTMLElement) || main.querySelector('.cob-spinner-wrap')) return false;
      h1.tabIndex = -1;
      h1.focus();
      return true;
    };
    if (ready()) return;
    const observer = new MutationObserver(() => {
      if (ready()) stop();
    });
    // A page that never finishes loading leaves focus where it is.
    const timer = window.setTimeout(() => stop(), 15_000);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
    return stop;
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
