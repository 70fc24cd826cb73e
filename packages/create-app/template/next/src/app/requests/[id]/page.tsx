import { SummaryList } from '@cityofboston/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { NoAccess } from '../../../components/NoAccess';
import { getApp } from '../../../server/app';
import { AppError } from '../../../server/problem';
import { currentPrincipal } from '../../../server/session';
import { getRequest, permissions, type WorkRequestView } from '../../../server/workRequests';

export const metadata: Metadata = { title: 'Request' };

const HIDDEN = 'Hidden: your clearance does not cover this field';

/** One request; fields the viewer's clearance does not cover are redacted on the server. */
export default async function RequestDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await currentPrincipal();
  if (!principal) redirect(`/sign-in?returnTo=/requests/${encodeURIComponent(id)}`);
  if (!permissions(principal).view) return <NoAccess />;
  let record: WorkRequestView;
  try {
    record = await getRequest(await getApp(), principal, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  return (
    <div className="app-stack">
      <h1>Request {id}</h1>
      <SummaryList
        rows={[
          { key: 'Title', value: record.title },
          { key: 'Status', value: record.status },
          { key: 'Details', value: record.details ?? HIDDEN },
          { key: 'Requester', value: record.requesterName ?? HIDDEN },
          { key: 'Requester email', value: record.requesterEmail ?? HIDDEN },
          {
            key: 'Created',
            value: record.createdAt
              ? new Date(record.createdAt).toLocaleString('en-US', { timeZone: 'UTC' })
              : '',
          },
        ]}
      />
      <Link href="/requests">Back to requests</Link>
    </div>
  );
}
