import type { Principal } from '@cityofboston/standards-schema/core';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AuthContext, type SessionState, type SessionStatus } from './AuthContext';
import { IdleTimeoutDialog, type IdleTimeoutTranslate } from './IdleTimeoutDialog';

/** Props of {@link AuthProvider}. */
export interface AuthProviderProps {
  children?: ReactNode;
  /** Where the BFF's routes are mounted (default `/auth`). */
  basePath?: string;
  /** Seconds before the idle timeout to show the warning dialog (default 120; 0 disables it). */
  idleWarningSeconds?: number;
  /** The idle warning's strings: pass `useI18n().t` from `@cityofboston/ui`. Default English. */
  idleWarningText?: IdleTimeoutTranslate;
  /** BroadcastChannel name shared by the app's tabs (default `city-auth`). */
  channel?: string;
  /** A fetch to use (default the global one, with same-origin credentials). */
  fetch?: typeof fetch;
  /**
   * Called after sign-out with the IdP's logout URL; the default navigates there so the IdP
   * session ends too.
   */
  onSignedOut?: (logoutUrl: string) => void;
}

interface SessionBody {
  authenticated: boolean;
  principal?: Principal;
  reason?: string;
  idleExpiresAt?: string;
  csrfHeader?: string;
}

type Message = { type: 'logout' } | { type: 'login' };

/**
 * Provides the session to the app, read from the BFF's session route (the browser never sees a
 * token). Shows an accessible warning before the idle timeout, and signs every tab out when one
 * signs out (BroadcastChannel).
 *
 * @example
 * ```tsx
 * <AuthProvider basePath="/auth">
 *   <RequireAuth fallback={<SignInPage />}>
 *     <App />
 *   </RequireAuth>
 * </AuthProvider>
 * ```
 */
export function AuthProvider({
  children,
  basePath = '/auth',
  idleWarningSeconds = 120,
  idleWarningText,
  channel = 'city-auth',
  fetch: fetchImpl,
  onSignedOut,
}: AuthProviderProps) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [body, setBody] = useState<SessionBody | undefined>();
  const [secondsLeft, setSecondsLeft] = useState<number | undefined>();
  const channelRef = useRef<BroadcastChannel | undefined>(undefined);
  const doFetch = useCallback(
    (path: string, init: RequestInit = {}) =>
      (fetchImpl ?? globalThis.fetch)(`${basePath}/${path}`, {
        credentials: 'same-origin',
        ...init,
      }),
    [fetchImpl, basePath],
  );

  const read = useCallback(
    async (passive: boolean) => {
      try {
        const response = await doFetch(passive ? 'session?passive=1' : 'session', {
          headers: { accept: 'application/json' },
        });
        const next = (await response.json()) as SessionBody;
        setBody(next);
        setStatus(next.authenticated ? 'authenticated' : 'unauthenticated');
      } catch {
        setBody({ authenticated: false, reason: 'network_error' });
        setStatus('unauthenticated');
      }
    },
    [doFetch],
  );
  const refresh = useCallback(() => read(false), [read]);

  const endLocally = useCallback((reason: string) => {
    setBody((previous) => ({
      authenticated: false,
      reason,
      ...(previous?.csrfHeader ? { csrfHeader: previous.csrfHeader } : {}),
    }));
    setStatus('unauthenticated');
    setSecondsLeft(undefined);
  }, []);

  const signOut = useCallback(async () => {
    const header = body?.csrfHeader ?? 'x-city-csrf';
    let logoutUrl: string | undefined;
    try {
      const response = await doFetch('logout', {
        method: 'POST',
        headers: { [header]: '1', accept: 'application/json' },
      });
      if (response.ok) logoutUrl = ((await response.json()) as { logoutUrl?: string }).logoutUrl;
    } finally {
      endLocally('signed_out');
      channelRef.current?.postMessage({ type: 'logout' } satisfies Message);
    }
    if (logoutUrl) {
      if (onSignedOut) onSignedOut(logoutUrl);
      else window.location.assign(logoutUrl);
    }
  }, [body?.csrfHeader, doFetch, endLocally, onSignedOut]);

  const signIn = useCallback(
    (returnTo?: string, options?: { uiLocales?: string }) => {
      const target = returnTo ?? `${window.location.pathname}${window.location.search}`;
      const locales = options?.uiLocales
        ? `&uiLocales=${encodeURIComponent(options.uiLocales)}`
        : '';
      window.location.assign(`${basePath}/login?returnTo=${encodeURIComponent(target)}${locales}`);
    },
    [basePath],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Cross-tab: a sign-out anywhere signs this tab out; a sign-in elsewhere re-reads the session.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(channel);
    channelRef.current = bc;
    bc.onmessage = (event: MessageEvent<Message>) => {
      if (event.data?.type === 'logout') endLocally('signed_out_elsewhere');
      if (event.data?.type === 'login') void refresh();
    };
    return () => {
      bc.close();
      channelRef.current = undefined;
    };
  }, [channel, endLocally, refresh]);

  useEffect(() => {
    if (status === 'authenticated')
      channelRef.current?.postMessage({ type: 'login' } satisfies Message);
  }, [status]);

  // Idle warning: re-read the session first (other requests may have kept it alive), then warn.
  const idleExpiresAt = body?.idleExpiresAt;
  useEffect(() => {
    if (status !== 'authenticated' || !idleExpiresAt || idleWarningSeconds <= 0) return;
    const expiresAt = Date.parse(idleExpiresAt);
    let timer: ReturnType<typeof setTimeout>;
    let checked = false;
    const tick = () => {
      const left = (expiresAt - Date.now()) / 1000;
      if (left <= 0) {
        endLocally('session_expired');
        return;
      }
      if (left <= idleWarningSeconds) {
        if (!checked) {
          checked = true;
          // Other requests may have kept the session alive: a passive re-read (which does not
          // count as activity) that shows a later expiry reschedules through idleExpiresAt.
          void read(true);
        }
        setSecondsLeft(left);
        timer = setTimeout(tick, Math.min(15_000, left * 1000));
        return;
      }
      setSecondsLeft(undefined);
      timer = setTimeout(tick, (left - idleWarningSeconds) * 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [status, idleExpiresAt, idleWarningSeconds, endLocally, read]);

  const value = useMemo<SessionState>(
    () => ({
      status,
      principal: status === 'authenticated' ? body?.principal : undefined,
      reason: body?.reason,
      idleExpiresAt: status === 'authenticated' ? body?.idleExpiresAt : undefined,
      signIn,
      signOut,
      refresh,
    }),
    [status, body, signIn, signOut, refresh],
  );

  return (
    <AuthContext.Provider value={value}>
      {children}
      {status === 'authenticated' && secondsLeft !== undefined ? (
        <IdleTimeoutDialog
          secondsLeft={secondsLeft}
          onStaySignedIn={() => {
            setSecondsLeft(undefined);
            void refresh();
          }}
          onSignOut={() => void signOut()}
          {...(idleWarningText ? { t: idleWarningText } : {})}
        />
      ) : null}
    </AuthContext.Provider>
  );
}
