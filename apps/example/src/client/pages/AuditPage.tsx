import type { AuditEvent } from '@cityofboston/standards-schema';
import { Alert, Button, Select, TextField, useAnnounce } from '@cityofboston/ui';
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
              <td>
                <time dateTime={e.time}>{when(e.time)}</time>
              </td>
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

/** Where the trail is read from: the newest end (first page) or the oldest (last page). */
interface TrailPosition {
  order: 'desc' | 'asc';
  /** The cursors that led here from that end; empty at the end itself. */
  stack: string[];
}
const PAGE_SIZES = [25, 50, 100];

/** The audit trail, for auditors: events with filters, chain verification, access report. */
export function AuditPage() {
  const [filters, setFilters] = useState({ who: '', action: '', caseId: '', from: '', to: '' });
  const [applied, setApplied] = useState('');
  const [position, setPosition] = useState<TrailPosition>({ order: 'desc', stack: [] });
  const [pageSize, setPageSize] = useState(50);
  // The page shown, with where it was read from (set together, so the controls match it).
  const [shown, setShown] = useState<
    { events: AuditEvent[]; nextCursor: string | undefined; at: TrailPosition } | undefined
  >();
  const events = shown?.events;
  const nextCursor = shown?.nextCursor;
  const [error, setError] = useState<string | undefined>();
  const [verifyResult, setVerifyResult] = useState<VerifyResult | undefined>();
  const [verifying, setVerifying] = useState(false);
  const [who, setWho] = useState({ caseId: '', name: '', email: '', phone: '' });
  const [access, setAccess] = useState<{ query: string; report: AccessReport } | undefined>();
  const [accessError, setAccessError] = useState<string | undefined>();
  const announce = useAnnounce();

  const load = useCallback(
    (query: string, at: TrailPosition, size: number) => {
      setError(undefined);
      const params = new URLSearchParams(query);
      params.set('order', at.order);
      params.set('pageSize', String(size));
      const cursor = at.stack[at.stack.length - 1];
      if (cursor) params.set('cursor', cursor);
      api<{ events: AuditEvent[]; nextCursor?: string }>(`/api/audit/events?${params}`)
        .then((page) => {
          // Always shown newest first; a page read from the oldest end is turned round.
          setShown({
            events: at.order === 'asc' ? [...page.events].reverse() : page.events,
            nextCursor: page.nextCursor,
            at,
          });
          announce(`${page.events.length} events shown`);
        })
        .catch((e: unknown) => {
          setShown(undefined);
          setError(problemText(e));
        });
    },
    [announce],
  );
  useEffect(() => load(applied, position, pageSize), [applied, position, pageSize, load]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v.trim()) params.set(k, v.trim());
    setApplied(params.toString());
    setPosition({ order: 'desc', stack: [] });
  };
  const set = (k: keyof typeof filters) => (event: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [k]: event.target.value }));
  // Older and newer pages: onwards from the end the page was read from, or back along the
  // cursors that led here.
  const at = shown?.at ?? position;
  const atNewest = at.order === 'desc' && at.stack.length === 0;
  const atOldest = at.order === 'asc' && at.stack.length === 0;
  const canOlder = at.order === 'desc' ? nextCursor !== undefined : !atOldest;
  const canNewer = at.order === 'asc' ? nextCursor !== undefined : !atNewest;
  const onwards = () =>
    nextCursor && setPosition({ order: at.order, stack: [...at.stack, nextCursor] });
  const back = () => setPosition({ order: at.order, stack: at.stack.slice(0, -1) });
  const older = () => canOlder && (at.order === 'desc' ? onwards() : back());
  const newer = () => canNewer && (at.order === 'asc' ? onwards() : back());

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
              label="Who"
              hint="A name or user id"
              value={filters.who}
              onChange={set('who')}
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
          <>
            <EventsTable
              events={events}
              caption={`${events.length} matching events, newest first${atNewest ? ' (the latest)' : atOldest ? ' (the earliest)' : ''}`}
            />
            <nav aria-label="Audit trail pages" className="cd-actions">
              <Button
                variant="secondary"
                aria-disabled={atNewest || undefined}
                onClick={() => !atNewest && setPosition({ order: 'desc', stack: [] })}
              >
                Newest events
              </Button>
              <Button variant="secondary" aria-disabled={!canNewer || undefined} onClick={newer}>
                Newer
              </Button>
              <Button variant="secondary" aria-disabled={!canOlder || undefined} onClick={older}>
                Older
              </Button>
              <Button
                variant="secondary"
                aria-disabled={atOldest || undefined}
                onClick={() => !atOldest && setPosition({ order: 'asc', stack: [] })}
              >
                Oldest events
              </Button>
              <Select
                label="Events per page"
                value={String(pageSize)}
                onChange={(e) => {
                  setPageSize(Number(e.target.value));
                  setPosition({ order: 'desc', stack: [] });
                }}
                options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
              />
            </nav>
          </>
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
