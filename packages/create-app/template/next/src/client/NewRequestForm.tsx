'use client';
import { Button, ErrorSummary, TextArea, TextField } from '@cityofboston/ui';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { NewWorkRequest, type WorkRequest } from '../shared/WorkRequest';

const FIELDS = ['title', 'details', 'requesterName', 'requesterEmail'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (f: Field) => `request-${f}`;

/** An RFC 9457 problem from the API. */
interface Problem {
  title: string;
  errors?: { path: string; message: string }[];
}

/** The form: checked with the same schema the route handler uses, then by the route handler. */
export function NewRequestForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = NewWorkRequest.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message;
      setErrors(found);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const response = await fetch('/api/requests', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-city-csrf': '1' },
        body: JSON.stringify(parsed.data),
      });
      const body = (await response.json().catch(() => ({}))) as { record?: WorkRequest } & Problem;
      if (response.ok && body.record) {
        router.push(`/requests/${body.record.id}`);
        return;
      }
      const fromServer: Partial<Record<Field, string>> = {};
      for (const e of body.errors ?? []) fromServer[e.path as Field] ??= e.message;
      setErrors(
        Object.keys(fromServer).length ? fromServer : { title: 'Could not save; try again' },
      );
      setAttempt((n) => n + 1);
    } catch {
      setErrors({ title: 'Could not save; try again' });
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
    <>
      {summary.length > 0 ? <ErrorSummary key={attempt} errors={summary} /> : null}
      <form method="post" noValidate onSubmit={(e) => void submit(e)} className="app-stack">
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
    </>
  );
}
