import { DataTable } from '@cityofboston/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NoAccess } from '../../components/NoAccess';
import { getApp } from '../../server/app';
import { currentPrincipal } from '../../server/session';
import { listRequests, permissions } from '../../server/workRequests';

export const metadata: Metadata = { title: 'Requests' };

/**
 * The department's requests, rendered on the server: the kit's DataTable gets only data from
 * this server component (a row id key and named formats, no functions).
 */
export default async function RequestsPage() {
  const principal = await currentPrincipal();
  if (!principal) redirect('/sign-in?returnTo=/requests');
  const may = permissions(principal);
  if (!may.view) return <NoAccess />;
  const records = await listRequests(await getApp(), principal);
  // Only the columns shown: a client component's props travel to the browser in the page's
  // payload, so the requester's contact details and the free text stay on the server.
  const rows = records.map((r) => ({
    id: r.id,
    label: `Request ${r.id}`,
    title: r.title,
    status: r.status,
    createdAt: r.createdAt,
  }));
  return (
    <div className="app-stack">
      <h1>Requests</h1>
      {may.create ? <Link href="/requests/new">Create a request</Link> : null}
      {rows.length === 0 ? (
        <p>No requests yet.</p>
      ) : (
        <DataTable
          caption="Your department’s requests, newest first"
          data={rows}
          rowIdKey="id"
          columns={[
            { id: 'label', header: 'Request', rowHeader: true, href: '/requests/{id}' },
            { id: 'title', header: 'Title' },
            { id: 'status', header: 'Status' },
            { id: 'createdAt', header: 'Created', format: 'dateTime' },
          ]}
        />
      )}
    </div>
  );
}
