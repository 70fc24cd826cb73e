import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NewRequestForm } from '../../../client/NewRequestForm';
import { NoAccess } from '../../../components/NoAccess';
import { currentPrincipal } from '../../../server/session';
import { permissions } from '../../../server/workRequests';

export const metadata: Metadata = { title: 'New request' };

/** The form; the route handler checks the same schema and the policy again. */
export default async function NewRequestPage() {
  const principal = await currentPrincipal();
  if (!principal) redirect('/sign-in?returnTo=/requests/new');
  if (!permissions(principal).create) return <NoAccess />;
  return (
    <div className="app-stack">
      <h1>New request</h1>
      <NewRequestForm />
    </div>
  );
}
