import { type ReactNode, useEffect } from 'react';
import { useSession } from './useSession';

/** Props of {@link RequireAuth}. */
export interface RequireAuthProps {
  children?: ReactNode;
  /** Shown while signed out (and while loading, unless `loading` is given). */
  fallback?: ReactNode;
  /** Shown while the session is being read. */
  loading?: ReactNode;
  /** Send the browser to sign in instead of showing `fallback`. */
  redirect?: boolean;
}

/**
 * Renders its children only for a signed-in user. This hides UI; the BFF's `requireAuth`
 * is what protects data.
 */
export function RequireAuth({
  children,
  fallback = null,
  loading,
  redirect = false,
}: RequireAuthProps) {
  const { status, signIn } = useSession();
  useEffect(() => {
    if (redirect && status === 'unauthenticated') signIn();
  }, [redirect, status, signIn]);
  if (status === 'loading') return <>{loading ?? fallback}</>;
  if (status !== 'authenticated') return <>{fallback}</>;
  return <>{children}</>;
}
