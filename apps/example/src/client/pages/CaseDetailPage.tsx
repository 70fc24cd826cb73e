import { useSession } from '@cityofboston/auth-client/react';
import type { ServiceRequest } from '@cityofboston/standards-schema';
import {
  Alert,
  Button,
  ConfirmDialog,
  ErrorSummary,
  RedactedValue,
  Spinner,
  TextArea,
  useSchemaForm,
} from '@cityofboston/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CaseUpdate, permissionsOf } from '../../shared/schemas';
import { ApiError, api } from '../api';
import { AppLink } from '../router';

/** A field hidden from the viewer, with the server's reason. */
interface HiddenField {
  path: string;
  classification: string;
  /** e.g. "confidential, your clearance is internal". */
  reason: string;
}
interface CaseView {
  record: Partial<ServiceRequest>;
  version: number;
  contactRevealed: boolean;
  /** Names of the staff in the history, by id. */
  actors?: Record<string, string>;
  /** The fields the viewer's clearance hides, each with why. */
  hidden?: HiddenField[];
  /** Read under another department's data-sharing agreement. */
  sharedUnder?: { id: string; title: string; provider: string };
}

/**
 * A value the viewer may not see: the kit's `RedactedValue` (masked text, if any, and "Redacted"
 * for screen readers) followed by the server's reason, so the page says why.
 */
function Hidden({
  field,
  masked,
  why,
}: {
  field: string;
  masked?: string | undefined;
  why: HiddenField;
}) {
  return (
    <span data-testid={`hidden-${why.path}`}>
      <RedactedValue field={field} {...(masked ? { masked } : {})} />{' '}
      <span className="cd-reason">({why.reason})</span>
    </span>
  );
}

const when = (iso: string | undefined) =>
  iso
    ? new Intl.DateTimeFormat('en-US', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'America/New_York',
      }).format(new Date(iso))
    : '—';

/** One case: its details, history and the update form. */
export function CaseDetailPage({ id }: { id: string }) {
  const { principal } = useSession();
  const can = permissionsOf(principal?.roles ?? []);
  const [view, setView] = useState<CaseView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  const load = useCallback(
    () =>
      api<CaseView>(`/api/cases/${encodeURIComponent(id)}`)
        .then(setView)
        .catch((e: unknown) =>
          setError(e instanceof ApiError ? e.message : 'The case could not be loaded.'),
        ),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLInputElement>(null);
  const [submitting, setSubmitting] = useState(false);
  // The kit's form hook validates with the same schema as the API; the buttons set the status.
  const form = useSchemaForm(CaseUpdate, {
    idPrefix: 'update-',
    onValid: async (value) => {
      // Closing is confirmed first; the dialog then sends the same update.
      if (value.status === 'closed') {
        setPendingClose(value);
        return;
      }
      await send(value);
    },
  });
  const [pendingClose, setPendingClose] = useState<CaseUpdate | undefined>();
  async function send(value: CaseUpdate) {
    setSubmitting(true);
    setSaved(undefined);
    setError(undefined);
    try {
      // The version the person saw (If-Match), and a key per submission so a retry after a
      // timeout is not applied twice.
      const next = await api<{ record: Partial<ServiceRequest>; version: number }>(
        `/api/cases/${encodeURIComponent(id)}`,
        {
          method: 'PATCH',
          body: value,
          headers: {
            ...(view ? { 'if-match': `"${view.version}"` } : {}),
            'idempotency-key': crypto.randomUUID(),
          },
        },
      );
      setView((v) =>
        v
          ? {
              ...v,
              record: next.record,
              version: next.version,
              actors: { ...v.actors, ...(principal ? { [principal.sub]: principal.name } : {}) },
            }
          : v,
      );
      formRef.current?.reset();
      setSaved(
        value.status === 'closed'
          ? 'The case is closed.'
          : value.status === 'open'
            ? 'The case is reopened.'
            : 'Your note was added.',
      );
    } catch (e) {
      const code = e instanceof ApiError ? e.problem.code : undefined;
      if (code === 'version_conflict' || code === 'invalid_transition') {
        // Show what is there now; the note stays in the box so the person can apply it again.
        await load();
        setError(
          code === 'version_conflict'
            ? 'Someone else changed this case while you were working on it. The page now shows the latest version, and your note is still in the box: check it and send it again.'
            : `${(e as ApiError).message}. The page now shows the latest version.`,
        );
        return;
      }
      setError(e instanceof ApiError ? e.message : 'The update could not be saved.');
    } finally {
      setSubmitting(false);
    }
  }
  const withStatus = (status: '' | 'open' | 'closed') => () => {
    if (statusRef.current) statusRef.current.value = status;
  };

  if (error && !view) {
    return (
      <div className="cd-stack">
        <h1>Case {id}</h1>
        <Alert variant="error" title="Not available">
          {error}
        </Alert>
        <AppLink href="/cases">Back to cases</AppLink>
      </div>
    );
  }
  if (!view) return <Spinner label="Loading the case" />;
  const r = view.record;
  const c = r.contact;
  const hiddenWhy = (path: string) => view.hidden?.find((h) => h.path === path);
  const reporterText = c
    ? [[c.first_name, c.last_name].filter(Boolean).join(' '), c.email, c.phone]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <div className="cd-stack">
      <p>
        <AppLink href="/cases">Back to cases</AppLink>
      </p>
      <h1>
        Case {r.service_request_id}: {r.service_name ?? r.service_code}
      </h1>
      <dl className="cd-dl">
        <dt>Status</dt>
        <dd data-testid="case-status">{r.status}</dd>
        <dt>Requested</dt>
        <dd>{when(r.requested_datetime)}</dd>
        <dt>Last updated</dt>
        <dd>{when(r.updated_datetime)}</dd>
        <dt>Neighborhood</dt>
        <dd>{r.neighborhood ?? '—'}</dd>
        <dt>Address</dt>
        <dd>{r.address ?? '—'}</dd>
        <dt>Description</dt>
        <dd>
          {hiddenWhy('description') ? (
            <Hidden field="description" why={hiddenWhy('description') as HiddenField} />
          ) : (
            (r.description ?? '—')
          )}
        </dd>
        <dt>Reporter</dt>
        <dd data-testid="reporter">
          {hiddenWhy('contact.email') && c ? (
            <Hidden
              field="reporter's contact details"
              masked={reporterText || undefined}
              why={hiddenWhy('contact.email') as HiddenField}
            />
          ) : (
            reporterText || '—'
          )}
        </dd>
      </dl>
      {!view.contactRevealed && c ? (
        <Alert variant="info">Contact details are masked at your clearance.</Alert>
      ) : null}
      <h2>History</h2>
      {r.activities && r.activities.length > 0 ? (
        <ol>
          {r.activities
            .flatMap((a) => ('datetime' in a ? [a] : []))
            .map((a) => (
              <li key={`${a.datetime}-${a.type}-${a.note ?? ''}`}>
                {when(a.datetime)}: {a.type}
                {a.actor ? ` by ${view.actors?.[a.actor] ?? a.actor}` : ''}
                {a.note ? ` — ${a.note}` : ''}
              </li>
            ))}
        </ol>
      ) : (
        <p>No history yet.</p>
      )}
      {can.updateCases ? (
        <form ref={formRef} {...form.formProps} aria-labelledby="update-heading">
          <h2 id="update-heading">Update this case</h2>
          <ErrorSummary {...form.errorSummaryProps} />
          {saved ? (
            <Alert variant="success" live="status">
              {saved}
            </Alert>
          ) : null}
          {error ? (
            <Alert variant="error" live="alert">
              {error}
            </Alert>
          ) : null}
          <input type="hidden" name="status" ref={statusRef} defaultValue="" />
          <TextArea {...form.field('note')} required={false} rows={4} maxCharacters={2000} />
          <ConfirmDialog
            isOpen={pendingClose !== undefined}
            title={`Close case ${r.service_request_id}?`}
            confirmLabel="Yes, close the case"
            cancelLabel="Keep it open"
            destructive
            loading={submitting}
            onConfirm={() => {
              const value = pendingClose;
              setPendingClose(undefined);
              if (value) void send(value);
            }}
            onCancel={() => setPendingClose(undefined)}
          >
            The resident will see the case as closed. You can reopen it later if needed.
          </ConfirmDialog>
          <div className="cd-actions">
            <Button type="submit" loading={submitting} onClick={withStatus('')}>
              Add note
            </Button>
            {can.closeCases && r.status === 'open' ? (
              <Button type="submit" variant="danger" onClick={withStatus('closed')}>
                Close case
              </Button>
            ) : null}
            {can.closeCases && r.status === 'closed' ? (
              <Button type="submit" variant="secondary" onClick={withStatus('open')}>
                Reopen case
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
