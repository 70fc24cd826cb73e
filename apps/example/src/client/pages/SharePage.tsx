import type { DataSharingAgreement } from '@cityofboston/standards-schema';
import { Alert, Button, Select, TextField } from '@cityofboston/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api';

interface Preview {
  agreement: DataSharingAgreement;
  fields: { path: string; classification: string; treatment: string }[];
  count: number;
  /** Why a share under this agreement would be refused today, if it would. */
  refusal?: string;
}
interface ShareResult {
  records: unknown[];
  manifest: {
    recordCount: number;
    contentHash: string;
    agreementId?: string;
    audit: { seq: number };
  };
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

const download = (value: unknown) =>
  URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));

/** Share service requests with another department under an agreement. */
export function SharePage() {
  const [agreements, setAgreements] = useState<DataSharingAgreement[]>([]);
  const [agreementId, setAgreementId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [neighborhood, setNeighborhood] = useState('');
  const [limit, setLimit] = useState('200');
  const [preview, setPreview] = useState<Preview | undefined>();
  const [result, setResult] = useState<
    { share: ShareResult; records: string; manifest: string } | undefined
  >();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ agreements: DataSharingAgreement[] }>('/api/agreements')
      .then((r) => setAgreements(r.agreements))
      .catch(() => setError('The agreements could not be loaded.'));
  }, []);

  const filter = neighborhood.trim() ? { neighborhood: neighborhood.trim() } : {};
  useEffect(() => {
    setPreview(undefined);
    setResult(undefined);
    if (!agreementId) return;
    const area = neighborhood.trim() ? { neighborhood: neighborhood.trim() } : {};
    api<Preview>('/api/share/preview', { method: 'POST', body: { agreementId, filter: area } })
      .then((p) => {
        setPreview(p);
        setPurpose(p.agreement.purposes[0] ?? '');
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : 'No preview.'));
  }, [agreementId, neighborhood]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const share = await api<ShareResult>('/api/share', {
        method: 'POST',
        body: { agreementId, purpose, filter, limit: Number(limit) },
      });
      setResult({ share, records: download(share.records), manifest: download(share.manifest) });
    } catch (e) {
      setError(
        e instanceof ApiError
          ? (e.problem.errors?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? e.message)
          : 'The share failed.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cd-stack">
      <h1>Share data with another department</h1>
      <form onSubmit={(e) => void submit(e)} className="cd-stack" aria-label="Share">
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
        {preview ? (
          <>
            <Select
              label="Purpose"
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
              options={preview.agreement.purposes.map((p) => ({ value: p, label: p }))}
            />
            <TextField
              label="Neighborhood (optional)"
              value={neighborhood}
              onChange={(e) => setNeighborhood(e.target.value)}
              width={16}
            />
            <TextField
              label="Most records"
              type="number"
              min={1}
              max={5000}
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
              width={8}
            />
            <table className="cd-table">
              <caption>
                What leaves: {preview.count.toLocaleString('en-US')} matching requests, field by
                field
              </caption>
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
                    <th scope="row">
                      <code>{f.path}</code>
                    </th>
                    <td>{f.classification}</td>
                    <td>{TREATMENT[f.treatment] ?? f.treatment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
            <Button type="submit" loading={busy}>
              Share under this agreement
            </Button>
          </>
        ) : null}
      </form>
      {error ? (
        <Alert variant="error" live="alert">
          {error}
        </Alert>
      ) : null}
      {result ? (
        <Alert variant="success" title="Shared" live="status">
          <p>
            {result.share.manifest.recordCount} records shared; recorded as audit event{' '}
            {result.share.manifest.audit.seq}.
          </p>
          <ul>
            <li>
              <a href={result.records} download={`share-${agreementId}.json`}>
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
