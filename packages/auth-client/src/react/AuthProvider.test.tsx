// @vitest-environment jsdom
// The React bindings against a real BFF and dev IdP (in a child process): the provider's fetch
// goes over HTTP with the signed-in cookie jar, as a browser tab on the app's origin would.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Browser, signInAs } from '../../test/helpers/browser';
import { spawnTestApp } from '../../test/helpers/spawnApp';
import { definePolicy } from '../definePolicy';
import { AuthProvider } from './AuthProvider';
import { Can } from './Can';
import { RequireAuth } from './RequireAuth';
import { RequireRole } from './RequireRole';
import { useSession } from './useSession';

let t: Awaited<ReturnType<typeof spawnTestApp>>;
beforeAll(async () => {
  t = await spawnTestApp({ idleTimeout: 30 });
}, 20_000);
afterAll(() => t.close());
afterEach(cleanup);

/** A tab's fetch: relative URLs on the app's origin, cookies from the jar, Origin set. */
function tabFetch(browser: Browser): typeof fetch {
  return ((input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('origin', t.origin);
    return browser.fetch(new URL(input, t.origin), { ...init, headers });
  }) as typeof fetch;
}

async function signedIn(persona: string) {
  const browser = new Browser();
  await signInAs(browser, `${t.origin}/auth/login`, persona);
  return browser;
}

function Who() {
  const { status, principal } = useSession();
  return <p data-testid="who">{status === 'authenticated' ? principal?.name : status}</p>;
}

function IdleDeadline() {
  return <p data-testid="idle">{useSession().idleExpiresAt}</p>;
}

function SignOut() {
  const { signOut } = useSession();
  return (
    <button type="button" onClick={() => void signOut()}>
      Sign out
    </button>
  );
}

const policy = definePolicy(({ principal, allow, ownDepartment }) => {
  if (principal.roles.includes('case.manager')) allow('update', 'ServiceRequest', ownDepartment);
});

describe('AuthProvider and guards', () => {
  it('reads the session from the BFF and renders guards by role and policy', async () => {
    const browser = await signedIn('pwd-case-manager');
    render(
      <AuthProvider fetch={tabFetch(browser)} idleWarningSeconds={0}>
        <Who />
        <RequireAuth fallback={<p>please sign in</p>}>
          <p>case list</p>
        </RequireAuth>
        <RequireRole roles={['auditor']} fallback={<p>no audit</p>}>
          <p>audit log</p>
        </RequireRole>
        <Can
          policy={policy}
          action="update"
          resource={{ type: 'ServiceRequest', department: 'PWD' }}
        >
          <button type="button">Edit PWD case</button>
        </Can>
        <Can
          policy={policy}
          action="update"
          resource={{ type: 'ServiceRequest', department: 'ISD' }}
        >
          <button type="button">Edit ISD case</button>
        </Can>
      </AuthProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('who')).toHaveTextContent('Casey Manager (synthetic)'),
    );
    expect(screen.getByText('case list')).toBeInTheDocument();
    expect(screen.getByText('no audit')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit PWD case' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit ISD case' })).toBeNull();
  });

  it('shows the fallback when signed out', async () => {
    render(
      <AuthProvider fetch={tabFetch(new Browser())} idleWarningSeconds={0}>
        <Who />
        <RequireAuth fallback={<p>please sign in</p>}>
          <p>case list</p>
        </RequireAuth>
      </AuthProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('who')).toHaveTextContent('unauthenticated'));
    expect(screen.getByText('please sign in')).toBeInTheDocument();
    expect(screen.queryByText('case list')).toBeNull();
  });

  it('useSession outside a provider says what is missing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Who />)).toThrow(/inside <AuthProvider>/);
    vi.restoreAllMocks();
  });

  it('signs out at the BFF, hands over the IdP logout URL, and signs the other tabs out', async () => {
    const browser = await signedIn('pwd-clerk');
    const onSignedOut = vi.fn();
    render(
      <>
        <div data-testid="tab1">
          <AuthProvider
            fetch={tabFetch(browser)}
            idleWarningSeconds={0}
            channel="tabs-test"
            onSignedOut={onSignedOut}
          >
            <Who />
            <SignOut />
          </AuthProvider>
        </div>
        <div data-testid="tab2">
          <AuthProvider
            fetch={tabFetch(browser)}
            idleWarningSeconds={0}
            channel="tabs-test"
            onSignedOut={() => {}}
          >
            <Who />
          </AuthProvider>
        </div>
      </>,
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('who').map((e) => e.textContent)).toEqual([
        'Robin Intake (synthetic)',
        'Robin Intake (synthetic)',
      ]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() =>
      expect(onSignedOut).toHaveBeenCalledWith(expect.stringContaining('/session/end')),
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('who').map((e) => e.textContent)).toEqual([
        'unauthenticated',
        'unauthenticated',
      ]),
    );
    // The BFF session is really gone, not just hidden.
    expect((await browser.fetch(`${t.origin}/api/me`)).status).toBe(401);
  });
});

describe('idle-timeout dialog', () => {
  it('warns in an accessible alertdialog that traps focus and stays signed in on Escape', async () => {
    const browser = await signedIn('pwd-clerk');
    const user = userEvent.setup();
    render(
      <AuthProvider fetch={tabFetch(browser)} idleWarningSeconds={29.5}>
        <button type="button">Somewhere in the app</button>
        <IdleDeadline />
      </AuthProvider>,
    );
    const dialog = await screen.findByRole('alertdialog', {}, { timeout: 3000 });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleName('Are you still there?');
    expect(dialog).toHaveAccessibleDescription(/signed out in .* because of inactivity/);
    const deadline = Date.parse(screen.getByTestId('idle').textContent ?? '');
    expect(deadline).toBeGreaterThan(Date.now());
    const stay = screen.getByRole('button', { name: 'Stay signed in' });
    // The dialog takes focus in an effect after it mounts.
    await waitFor(() => expect(stay).toHaveFocus());
    await user.tab();
    expect(screen.getByRole('button', { name: 'Sign out now' })).toHaveFocus();
    await user.tab();
    expect(stay).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Sign out now' })).toHaveFocus();

    // The dialog itself (the test page around it has no landmarks; that is the app's part).
    const results = await axe.run(dialog.parentElement ?? dialog, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await act(async () => {
      await user.keyboard('{Escape}');
    });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    // Staying signed in moved the idle deadline later at the BFF.
    await waitFor(() =>
      expect(Date.parse(screen.getByTestId('idle').textContent ?? '')).toBeGreaterThan(deadline),
    );
    // Still signed in at the BFF.
    expect((await browser.fetch(`${t.origin}/api/me`)).status).toBe(200);
  });
});
