'use client';
import { useSession } from '@cityofboston/auth-client/react';
import { Button } from '@cityofboston/ui';

/** Signs out here, in the identity provider and in the person's other tabs. */
export function SignOutButton() {
  const session = useSession();
  return (
    <Button variant="secondary" onClick={() => void session.signOut()}>
      Sign out
    </Button>
  );
}
