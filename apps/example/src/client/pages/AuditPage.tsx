import type { AuditEvent } from '@cityofboston/standards-schema';
import { Alert, Button, TextField } from '@cityofboston/ui';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api';

interface VerifyResult {
  ok: boolean;
  count: number;
  headHash: string;
  firstBad?: { seq: number; reason: string; message: string };
}

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'America/New_York',
  }).format(new Date(iso));

function EventsTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <table className="cd-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Outcome</th>
          <th scope="col">Seq</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>{when(e.time)}</td>
            <td>
              {e.actor.name ?? e.actor.id}
              {e.actor.department ? ` (${e.actor.department})` : ''}
            </td>
            <td>{e.action}</td>
            <td>{e.target ? `${e.target.type} ${e.target.id}` : '—'}</td>
            <td>
              {e.outcome}
              {e.reason ? `: ${e.reason}` : ''}
            </td>
            <td>{e.integrity?.seq ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The audit trail, for auditors: events with filters, chain verification, access report. */
export function AuditPage() {
  const [filters, setFilters] = useState({ actor: '', action: '', caseId: '', from: '', to: '' });
  const [applied, setApplied] = useState('');
  const [events, setEvents] = useState<AuditEvent[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [verifyResult, setVerifyResult] = useState<VerifyResult | undefined>();
  const [verifying, setVerifying] = useState(false);
  const [accessId, setAccessId] = useState('');
  const [access, setAccess] = useState<{ caseIds: string[]; events: AuditEvent[] } | undefined>();
  const [accessError, setAccessError] = useState<string | undefined>();

  const load = useCallback((query: string) => {
    setError(undefined);
    api<{ events: AuditEvent[] }>(`/api/audit/events${query ? `?${query}` : ''}`)
      .then((page) => setEvents(page.events))
      .catch((e: unknown) => setError(problemText(e)));
  }, []);
  useEffect(() => load(applied), [applied, load]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v.trim()) params.set(k, v.trim());
    setApplied(params.toString());
  };
  const set = (k: keyof typeof filters) => (event: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [k]: event.target.value }));

  const verifyChain = async () => {
    setVerifying(true);
    try {
      setVerifyResult(await api<VerifyResult>('/api/audit/verify'));
    } finally {
      setVerifying(false);
    }
  };
  const report = async (event: FormEvent) => {
    event.preventDefault();
    setAccessError(undefined);
    try {
      setAccess(await api(`/api/audit/access?caseId=${encodeURIComponent(accessId.trim())}`));
    } catch (e) {
      setAccess(undefined);
      setAccessError(problemText(e));
    }
  };

  return (
    <div className="cd-stack">
      <h1>Audit trail</h1>
      <section aria-labelledby="verify-heading" className="cd-stack">
        <h2 id="verify-heading">Chain verification</h2>
        <p>
          Checks that no event was changed, removed, inserted or reordered since it was written.
        </p>
        <Button onClick={() => void verifyChain()} loading={verifying}>
          Verify the chain
        </Button>
        {verifyResult ? (
          verifyResult.ok ? (
            <Alert variant="success" title="The chain is intact" live="status">
              <span data-testid="verify-result">
                {verifyResult.count.toLocaleString('en-US')} events verified; head hash{' '}
                <code>{verifyResult.headHash.slice(0, 16)}…</code>
              </span>
            </Alert>
          ) : (
            <Alert variant="error" title="The chain is broken" live="alert">
              <span data-testid="verify-result">
                At event {verifyResult.firstBad?.seq}: {verifyResult.firstBad?.reason}.{' '}
                {verifyResult.firstBad?.message}
              </span>
            </Alert>
          )
        ) : null}
      </section>
      <section aria-labelledby="events-heading" className="cd-stack">
        <h2 id="events-heading">Events</h2>
        <form onSubmit={apply} aria-label="Filter audit events">
          <div className="cd-filters">
            <TextField
              label="Who (user id)"
              value={filters.actor}
              onChange={set('actor')}
              width={14}
            />
            <TextField
              label="Action"
              hint="e.g. case.close"
              value={filters.action}
              onChange={set('action')}
              width={12}
            />
            <TextField
              label="Case number"
              value={filters.caseId}
              onChange={set('caseId')}
              width={12}
            />
            <TextField
              label="From"
              hint="YYYY-MM-DD"
              value={filters.from}
              onChange={set('from')}
              width={10}
            />
            <TextField
              label="To"
              hint="YYYY-MM-DD"
              value={filters.to}
              onChange={set('to')}
              width={10}
            />
            <Button type="submit">Show events</Button>
          </div>
        </form>
        {error ? (
          <Alert variant="error" live="alert">
            {error}
          </Alert>
        ) : null}
        {events ? (
          <EventsTable
            events={events}
            caption={`Latest ${events.length} matching events, newest first`}
          />
        ) : null}
      </section>
      <section aria-labelledby="access-heading" className="cd-stack">
        <h2 id="access-heading">Who accessed this constituent&apos;s record</h2>
        <p>Every view and change of the case and of other cases reported with the same contact.</p>
        <form onSubmit={(e) => void report(e)} aria-label="Access report">
          <div className="cd-filters">
            <TextField
              label="Case number for the report"
              value={accessId}
              onChange={(e) => setAccessId(e.target.value)}
              width={14}
            />
            <Button type="submit">Show who accessed it</Button>
          </div>
        </form>
        {accessError ? (
          <Alert variant="error" live="alert">
            {accessError}
          </Alert>
        ) : null}
        {access ? (
          <EventsTable
            events={access.events}
            caption={`${access.events.length} accesses to ${access.caseIds.length} case(s) of this constituent`}
          />
        ) : null}
      </section>
    </div>
  );
}

function problemText(e: unknown): string {
  if (e instanceof ApiError) {
    return e.problem.errors?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? e.message;
  }
  return 'The request failed.';
}
