import { useContext } from 'react';
import { AuthContext, type SessionState } from './AuthContext';

/**
 * The session from the nearest {@link AuthProvider}: `status`, `principal`, `signIn`,
 * `signOut`. Throws when used outside one, so a missing provider is found in development.
 *
 * @example
 * ```tsx
 * const { status, principal, signIn } = useSession();
 * if (status === 'unauthenticated') return <button onClick={() => signIn()}>Sign in</button>;
 * ```
 */
export function useSession(): SessionState {
  const state = useContext(AuthContext);
  if (!state) {
    throw new Error(
      'useSession() must be used inside <AuthProvider> (from @cityofboston/auth-client/react).',
    );
  }
  return state;
}
