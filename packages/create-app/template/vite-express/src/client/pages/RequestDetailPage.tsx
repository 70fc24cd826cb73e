import { Alert, Spinner, SummaryList } from '@cityofboston/ui';
import { useEffect, useState } from 'react';
import type { WorkRequest } from '../../shared/WorkRequest';
import { ApiError, api } from '../api';
import { AppLink } from '../router';

const HIDDEN = 'Hidden: your clearance does not cover this field';

/** One request; fields the viewer's clearance does not cover arrive redacted from the server. */
export function RequestDetailPage({ id }: { id: string }) {
  const [record, setRecord] = useState<Partial<WorkRequest> | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api<{ record: Partial<WorkRequest> }>(`/api/requests/${encodeURIComponent(id)}`)
      .then((r) => setRecord(r.record))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load it'));
  }, [id]);
  return (
    <div className="app-stack">
      <h1>Request {id}</h1>
      {error ? <Alert variant="error">{error}</Alert> : null}
      {!record && !error ? <Spinner label="Loading the request" /> : null}
      {record ? (
        <SummaryList
          rows={[
            { key: 'Title', value: record.title },
            { key: 'Status', value: record.status },
            { key: 'Details', value: record.details ?? HIDDEN },
            { key: 'Requester', value: record.requesterName ?? HIDDEN },
            { key: 'Requester email', value: record.requesterEmail ?? HIDDEN },
            {
              key: 'Created',
              value: record.createdAt ? new Date(record.createdAt).toLocaleString('en-US') : '',
            },
          ]}
        />
      ) : null}
      <AppLink href="/requests">Back to requests</AppLink>
    </div>
  );
}
