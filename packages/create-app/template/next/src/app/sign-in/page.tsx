import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import info from '../../../city-app.json';
import { SignInPanel } from '../../client/SignInPanel';
import { currentPrincipal } from '../../server/session';

export const metadata: Metadata = { title: 'Sign in' };

/** Only same-site paths: `returnTo` never sends anyone to another site. */
const safePath = (value: string | string[] | undefined) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
    ? value
    : '/requests';

/** Shown to anyone not signed in; a signed-in person goes on to where they were headed. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const returnTo = safePath((await searchParams).returnTo);
  if (await currentPrincipal()) redirect(returnTo);
  return (
    <div className="app-stack">
      <h1>Sign in to {info.title}</h1>
      <p>Staff sign in with City single sign-on. Every view of personal data is recorded.</p>
      <SignInPanel returnTo={returnTo} />
    </div>
  );
}
