import type { DataSharingAgreement } from '@cityofboston/standards-schema';
import { Alert, Button, ConfirmDialog, Select, TextField, toCsv } from '@cityofboston/ui';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import {
  CASE_FILTERS,
  CaseFilterFields,
  type CaseFilterValues,
  useFacets,
} from '../CaseFilterFields';

interface PreviewField {
  path: string;
  /** The field's name for people ("Contact first name"). */
  label: string;
  classification: string;
  treatment: string;
}
interface Preview {
  agreement: DataSharingAgreement;
  fields: PreviewField[];
  /** Exactly how many records the share will send (the matching ones, up to the limit). */
  count: number;
  /** How many cases match the filters (counted up to the limit and one more). */
  matching: number;
  matchingIsMore: boolean;
  limit: number;
  /** Why a share under this agreement would be refused today, if it would. */
  refusal?: string;
}
interface ShareResult {
  records: Record<string, unknown>[];
  manifest: {
    recordCount: number;
    contentHash: string;
    agreementId?: string;
    audit: { seq: number };
  };
}
/** The filter and limit a preview was made for: the share sends exactly these. */
interface Selection {
  filter: CaseFilterValues;
  limit: number;
}

const TREATMENT: Record<string, string> = {
  keep: 'Shared as is',
  omitted: 'Not shared (outside the agreement)',
  drop: 'Dropped',
  mask: 'Masked',
  truncate: 'Truncated',
  generalize: 'Generalized',
  hash: 'Pseudonymized (keyed hash)',
  pseudonymize: 'Pseudonymized',
  refused: 'Blocked: above the agreement ceiling',
};
/** Treatments under which a field is not in the shared records. */
const NOT_SENT = new Set(['omitted', 'drop', 'refused']);

const blobUrl = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));

/** The value at a dotted path (`contact.email`; `activities[].note` lists every entry's). */
function valueAt(record: unknown, path: string): unknown {
  let values: unknown[] = [record];
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    values = values.flatMap((v) => {
      const next = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
      return list && Array.isArray(next) ? next : [next];
    });
  }
  const present = values.filter((v) => v !== undefined && v !== null);
  return present.length <= 1 ? present[0] : present;
}
const cellText = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/**
 * The shared records as CSV: one column per field that leaves (named for people), through the
 * kit's writer, which neutralizes spreadsheet formulas.
 */
function recordsCsv(records: Record<string, unknown>[], fields: PreviewField[]): string {
  const columns = fields
    .filter(
      (f) => !NOT_SENT.has(f.treatment) && !fields.some((o) => o.path.startsWith(`${f.path}.`)),
    )
    .filter((f) => records.some((r) => valueAt(r, f.path) !== undefined))
    .map((f) => ({
      header: f.label,
      text: (r: Record<string, unknown>) => cellText(valueAt(r, f.path)),
    }));
  return toCsv(records, columns);
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

/** Share service requests with another department under an agreement. */
export function SharePage() {
  const facets = useFacets();
  const [agreements, setAgreements] = useState<DataSharingAgreement[]>([]);
  const [agreementId, setAgreementId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [form, setForm] = useState<CaseFilterValues & { limit: string }>({ limit: '200' });
  const [selection, setSelection] = useState<Selection>({ filter: {}, limit: 200 });
  const [preview, setPreview] = useState<Preview | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<
    { share: ShareResult; json: string; csv: string; manifest: string } | undefined
  >();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ agreements: DataSharingAgreement[] }>('/api/agreements')
      .then((r) => setAgreements(r.agreements))
      .catch(() => setError('The agreements could not be loaded.'));
  }, []);

  useEffect(() => {
    setPreview(undefined);
    setResult(undefined);
    setError(undefined);
    if (!agreementId) return;
    api<Preview>('/api/share/preview', {
      method: 'POST',
      body: { agreementId, filter: selection.filter, limit: selection.limit },
    })
      .then((p) => {
        setPreview(p);
        setPurpose((current) =>
          current && p.agreement.purposes.includes(current)
            ? current
            : (p.agreement.purposes[0] ?? ''),
        );
      })
      .catch((e: unknown) => setError(problemText(e, 'No preview.')));
  }, [agreementId, selection]);

  const applyFilters = (event: FormEvent) => {
    event.preventDefault();
    const filter: CaseFilterValues = {};
    for (const k of CASE_FILTERS) {
      const v = form[k]?.trim();
      if (v) filter[k] = v;
    }
    const limit = Number(form.limit);
    setSelection({ filter, limit: Number.isInteger(limit) && limit > 0 ? limit : 200 });
  };

  const share = async () => {
    setConfirming(false);
    setError(undefined);
    setBusy(true);
    try {
      const shared = await api<ShareResult>('/api/share', {
        method: 'POST',
        body: { agreementId, purpose, filter: selection.filter, limit: selection.limit },
      });
      setResult({
        share: shared,
        json: blobUrl(JSON.stringify(shared.records, null, 2), 'application/json'),
        csv: blobUrl(recordsCsv(shared.records, preview?.fields ?? []), 'text/csv'),
        manifest: blobUrl(JSON.stringify(shared.manifest, null, 2), 'application/json'),
      });
    } catch (e) {
      setError(problemText(e, 'The share failed.'));
    } finally {
      setBusy(false);
    }
  };
  const agreement = agreements.find((a) => a.id === agreementId);

  return (
    <div className="cd-stack">
      <h1>Share data with another department</h1>
      <Select
        label="Agreement"
        value={agreementId}
        onChange={(e) => setAgreementId(e.target.value)}
        placeholder="Choose an agreement"
        options={agreements.map((a) => ({
          value: a.id,
          label: `${a.title} (${a.provider} → ${a.recipient})`,
        }))}
      />
      {agreementId ? (
        <form onSubmit={applyFilters} aria-label="Which cases to share">
          <div className="cd-filters">
            <CaseFilterFields
              values={form}
              onChange={(k, v) => setForm((f) => ({ ...f, [k]: v }))}
              facets={facets}
            />
            <TextField
              label="Most records"
              type="number"
              min={1}
              max={5000}
              value={form.limit}
              onChange={(e) => setForm((f) => ({ ...f, limit: e.target.value }))}
              width={8}
            />
            <Button type="submit" variant="secondary">
              Update the preview
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <Alert variant="error" live="alert">
          {error}
        </Alert>
      ) : null}
      {preview ? (
        <div className="cd-stack">
          <Select
            label="Purpose"
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
            options={preview.agreement.purposes.map((p) => ({ value: p, label: p }))}
          />
          <p data-testid="share-count" role="status">
            {preview.count.toLocaleString('en-US')} requests will leave
            {preview.matchingIsMore
              ? ` (more than ${preview.limit.toLocaleString('en-US')} match; the most recent ${preview.limit.toLocaleString('en-US')} are sent)`
              : ''}
            .
          </p>
          <TableWrap label="What leaves, field by field">
            <table className="cd-table">
              <caption>What leaves, field by field</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Classification</th>
                  <th scope="col">Treatment</th>
                </tr>
              </thead>
              <tbody>
                {preview.fields.map((f) => (
                  <tr key={f.path}>
                    <th scope="row">{f.label}</th>
                    <td>{f.classification}</td>
                    <td>{TREATMENT[f.treatment] ?? f.treatment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p>
            Duties:{' '}
            {preview.agreement.duties?.deleteAfterDays
              ? `delete after ${preview.agreement.duties.deleteAfterDays} days`
              : 'none stated'}
            {preview.agreement.duties?.noResharing ? '; no resharing' : ''}. Legal basis:{' '}
            {preview.agreement.legalBasis.join('; ')}.
          </p>
          {preview.refusal ? (
            <Alert variant="warning">This share would be refused: {preview.refusal}</Alert>
          ) : null}
          <Button
            loading={busy}
            aria-disabled={preview.count === 0 || undefined}
            onClick={() => preview.count > 0 && setConfirming(true)}
          >
            Share under this agreement
          </Button>
          <ConfirmDialog
            isOpen={confirming}
            title={`Share ${preview.count.toLocaleString('en-US')} requests with ${preview.agreement.recipient}?`}
            confirmLabel="Yes, share them"
            cancelLabel="Do not share"
            loading={busy}
            onConfirm={() => void share()}
            onCancel={() => setConfirming(false)}
          >
            {preview.count.toLocaleString('en-US')} requests leave {preview.agreement.provider}{' '}
            under “{agreement?.title ?? preview.agreement.title}” for {purpose || 'the agreement'},
            de-identified as the table shows. The share is recorded in the audit log and cannot be
            recalled.
          </ConfirmDialog>
        </div>
      ) : null}
      {result ? (
        <Alert variant="success" title="Shared" live="status">
          <p>
            {result.share.manifest.recordCount} records shared; recorded as audit event{' '}
            {result.share.manifest.audit.seq}.
          </p>
          <ul>
            <li>
              <a href={result.csv} download={`share-${agreementId}.csv`}>
                Download the records (CSV)
              </a>
            </li>
            <li>
              <a href={result.json} download={`share-${agreementId}.json`}>
                Download the records (JSON)
              </a>
            </li>
            <li>
              <a href={result.manifest} download={`share-${agreementId}.manifest.json`}>
                Download the manifest (JSON)
              </a>
            </li>
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}

function problemText(e: unknown, fallback: string): string {
  if (e instanceof ApiError) {
    return e.problem.errors?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? e.message;
  }
  return fallback;
}
