import type { AuditEvent } from '@cityofboston/standards-schema';
import { Alert, Button, TextField } from '@cityofboston/ui';
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
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

/** What an event changed, field by field (case updates record `details.changes`). */
function changesOf(e: AuditEvent): string {
  const changes = (e.details as { changes?: { field: string; from?: string; to?: string }[] })
    ?.changes;
  if (!Array.isArray(changes) || changes.length === 0) return '';
  return changes
    .map((c) =>
      c.field.endsWith('.note') ? 'note added' : `${c.field}: ${c.from ?? '—'} → ${c.to ?? '—'}`,
    )
    .join('; ');
}

/** A wide table in a box that scrolls sideways (reachable by keyboard), so the page reflows. */
function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
    <section className="cd-table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}

function EventsTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <TableWrap label={caption}>
      <table className="cd-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">What changed</th>
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
              <td>{changesOf(e) || '—'}</td>
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
    </TableWrap>
  );
}

interface AccessReport {
  caseIds: string[];
  accesses: {
    time: string;
    who: { id: string; name?: string; department?: string };
    kind: string;
    caseIds: string[];
    recipient?: string;
    eventId: string;
  }[];
}

const KIND_TEXT: Record<string, string> = {
  listed: 'Saw it in a list',
  viewed: 'Opened it',
  changed: 'Updated it',
  shared: 'Shared it',
  exported: 'Exported it',
};

function AccessTable({ report }: { report: AccessReport }) {
  return (
    <TableWrap label="Accesses to the resident's record">
      <table className="cd-table">
        <caption>
          {report.accesses.length} accesses to {report.caseIds.length} case(s) of this resident
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Cases</th>
          </tr>
        </thead>
        <tbody>
          {report.accesses.map((a) => (
            <tr key={a.eventId}>
              <td>{when(a.time)}</td>
              <td>
                {a.who.name ?? a.who.id}
                {a.who.department ? ` (${a.who.department})` : ''}
              </td>
              <td>
                {KIND_TEXT[a.kind] ?? a.kind}
                {a.recipient ? ` with ${a.recipient}` : ''}
              </td>
              <td>{a.caseIds.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
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
  const [who, setWho] = useState({ caseId: '', name: '', email: '', phone: '' });
  const [access, setAccess] = useState<{ query: string; report: AccessReport } | undefined>();
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
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(who)) if (v.trim()) params.set(k, v.trim());
    const query = params.toString();
    try {
      setAccess({ query, report: await api<AccessReport>(`/api/audit/access?${query}`) });
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
        <h2 id="access-heading">Who accessed a resident&apos;s record</h2>
        <p>
          Every list, view, change and share that showed the resident&apos;s data. Search by case
          number, or by the resident&apos;s name, email or phone: the log holds only protected codes
          of these, never the details themselves.
        </p>
        <form onSubmit={(e) => void report(e)} aria-label="Access report">
          <div className="cd-filters">
            <TextField
              label="Case number for the report"
              value={who.caseId}
              onChange={(e) => setWho((w) => ({ ...w, caseId: e.target.value }))}
              width={14}
            />
            <TextField
              label="Resident's name"
              value={who.name}
              onChange={(e) => setWho((w) => ({ ...w, name: e.target.value }))}
              width={14}
            />
            <TextField
              label="Email"
              type="email"
              value={who.email}
              onChange={(e) => setWho((w) => ({ ...w, email: e.target.value }))}
              width={14}
            />
            <TextField
              label="Phone"
              type="tel"
              value={who.phone}
              onChange={(e) => setWho((w) => ({ ...w, phone: e.target.value }))}
              width={12}
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
          <>
            <AccessTable report={access.report} />
            <p>
              Letter to the resident:{' '}
              <a
                href={`/api/audit/access/letter?lang=en&${access.query}`}
                target="_blank"
                rel="noopener"
              >
                English
              </a>{' '}
              ·{' '}
              <a
                href={`/api/audit/access/letter?lang=es&${access.query}`}
                target="_blank"
                rel="noopener"
                hrefLang="es"
                lang="es"
              >
                Español
              </a>
            </p>
          </>
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
