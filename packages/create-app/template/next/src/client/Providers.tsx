'use client';
import { AuthProvider } from '@cityofboston/auth-client/react';
import type { ReactNode } from 'react';

/** The session in the browser (sign-in, sign-out, idle warning), from the BFF's routes. */
export function Providers({ children }: { children: ReactNode }) {
  return <AuthProvider basePath="/auth">{children}</AuthProvider>;
}
