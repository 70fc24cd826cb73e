import { Button, ErrorSummary, TextArea, TextField } from '@cityofboston/ui';
import { type FormEvent, useState } from 'react';
import { NewWorkRequest, type WorkRequest } from '../../shared/WorkRequest';
import { ApiError, api } from '../api';
import { navigate } from '../router';

const FIELDS = ['title', 'details', 'requesterName', 'requesterEmail'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (f: Field) => `request-${f}`;

/** The form: checked with the same schema the server uses, then by the server. */
export function NewRequestPage() {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = NewWorkRequest.safeParse(data);
    const found: Partial<Record<Field, string>> = {};
    const issues = parsed.success ? [] : parsed.error.issues;
    for (const issue of issues) {
      const field = issue.path[0] as Field;
      found[field] ??= issue.message;
    }
    if (!parsed.success) {
      setErrors(found);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const { record } = await api<{ record: WorkRequest }>('/api/requests', {
        method: 'POST',
        body: parsed.data,
      });
      navigate(`/requests/${record.id}`);
    } catch (error) {
      const fromServer: Partial<Record<Field, string>> = {};
      for (const e of error instanceof ApiError ? (error.problem.errors ?? []) : []) {
        fromServer[e.path as Field] ??= e.message;
      }
      setErrors(
        Object.keys(fromServer).length ? fromServer : { title: 'Could not save; try again' },
      );
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const summary = FIELDS.filter((f) => errors[f]).map((f) => ({
    fieldId: fieldId(f),
    message: errors[f],
  }));
  return (
    <div className="app-stack">
      <h1>New request</h1>
      {summary.length > 0 ? <ErrorSummary key={attempt} errors={summary} /> : null}
      <form noValidate onSubmit={(e) => void submit(e)} className="app-stack">
        <TextField id={fieldId('title')} name="title" label="Title" required error={errors.title} />
        <TextArea
          id={fieldId('details')}
          name="details"
          label="Details"
          hint="What is needed. Do not paste personal data beyond what the request needs."
          error={errors.details}
          maxCharacters={2000}
        />
        <TextField
          id={fieldId('requesterName')}
          name="requesterName"
          label="Requester’s name"
          autoComplete="off"
          required
          error={errors.requesterName}
        />
        <TextField
          id={fieldId('requesterEmail')}
          name="requesterEmail"
          type="email"
          label="Requester’s email"
          autoComplete="off"
          required
          error={errors.requesterEmail}
        />
        <Button type="submit" disabled={busy}>
          Create request
        </Button>
      </form>
    </div>
  );
}
