import { Alert, Spinner } from '@cityofboston/ui';
import { useEffect, useState } from 'react';
import type { WorkRequest } from '../../shared/WorkRequest';
import { ApiError, api } from '../api';
import { AppLink } from '../router';

/** The department's requests. */
export function RequestsPage({ mayCreate }: { mayCreate: boolean }) {
  const [records, setRecords] = useState<Partial<WorkRequest>[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    api<{ records: Partial<WorkRequest>[] }>('/api/requests')
      .then((r) => setRecords(r.records))
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e.message : 'Could not load requests'),
      );
  }, []);
  return (
    <div className="app-stack">
      <h1>Requests</h1>
      {mayCreate ? <AppLink href="/requests/new">Create a request</AppLink> : null}
      {error ? <Alert variant="error">{error}</Alert> : null}
      {!records && !error ? <Spinner label="Loading requests" /> : null}
      {records && records.length === 0 ? <p>No requests yet.</p> : null}
      {records && records.length > 0 ? (
        <table className="app-table">
          <caption>Your department’s requests, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <AppLink href={`/requests/${r.id}`}>Request {r.id}</AppLink>
                </th>
                <td>{r.title}</td>
                <td>{r.status}</td>
                <td>{r.createdAt ? new Date(r.createdAt).toLocaleString('en-US') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
