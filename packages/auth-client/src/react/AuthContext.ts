import type { Principal } from '@cityofboston/standards-schema/core';
import { createContext } from 'react';

/** Where the session stands. */
export type SessionStatus = 'loading' | 'authenticated' | 'unauthenticated';

/** What {@link useSession} returns. */
export interface SessionState {
  status: SessionStatus;
  /** The signed-in principal, when `authenticated`. */
  principal: Principal | undefined;
  /** Why the session is missing or ended (`session_expired`, `session_revoked`, …), when known. */
  reason: string | undefined;
  /** When the session ends if idle (ISO date-time), when `authenticated`. */
  idleExpiresAt: string | undefined;
  /**
   * Sends the browser to the BFF's login route; `returnTo` defaults to the current path.
   * `uiLocales` (e.g. the app's `useI18n().locale`) asks the identity provider to show its pages
   * in that language (OpenID Connect `ui_locales`).
   */
  signIn(returnTo?: string, options?: { uiLocales?: string }): void;
  /** Ends the session at the BFF (and tells other tabs), then continues to the IdP's logout. */
  signOut(): Promise<void>;
  /** Re-reads the session from the BFF (also counts as activity). */
  refresh(): Promise<void>;
}

export const AuthContext = createContext<SessionState | undefined>(undefined);
