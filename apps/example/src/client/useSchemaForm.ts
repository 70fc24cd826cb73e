import type { ErrorSummaryItem } from '@cityofboston/ui';
import { type FormEvent, useCallback, useState } from 'react';
import type { z } from 'zod';

/** What {@link useSchemaForm} returns. */
export interface SchemaForm<V extends Record<string, unknown>> {
  values: Partial<Record<keyof V, string>>;
  errors: Partial<Record<keyof V, string>>;
  /** For the `ErrorSummary`: one item per invalid field, linking to its input. */
  summary: ErrorSummaryItem[];
  /** Props for a kit field: `id`, `name`, `value`, `onChange`, `error`. */
  field(name: keyof V & string): {
    id: string;
    name: string;
    value: string;
    error: string | undefined;
    onChange: (event: { target: { value: string } }) => void;
  };
  setValue(name: keyof V & string, value: string): void;
  /** Validates with the schema; calls `onValid` with the parsed value when it passes. */
  submit(extra?: Partial<V>): (event?: FormEvent) => void;
  reset(): void;
  submitting: boolean;
}

/**
 * Form state validated by a zod schema: the same schema the API validates with, so the browser
 * shows the errors the server would give. Values are strings from inputs; empty ones are left
 * out before validation. (A stand-in until `@cityofboston/ui` ships its own `useSchemaForm`.)
 */
export function useSchemaForm<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  options: { idPrefix: string; onValid: (value: z.output<S>) => Promise<void> | void },
): SchemaForm<z.output<S>> {
  type V = z.output<S>;
  const [values, setValues] = useState<Partial<Record<keyof V, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});
  const [submitting, setSubmitting] = useState(false);
  const idOf = useCallback((name: string) => `${options.idPrefix}-${name}`, [options.idPrefix]);

  const setValue = (name: keyof V & string, value: string) =>
    setValues((previous) => ({ ...previous, [name]: value }));

  const submit =
    (extra: Partial<V> = {}) =>
    (event?: FormEvent) => {
      event?.preventDefault();
      const input: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') input[k] = v;
      Object.assign(input, extra);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const next: Partial<Record<keyof V, string>> = {};
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? '') as keyof V;
          next[key] ??= issue.message;
        }
        setErrors(next);
        return;
      }
      setErrors({});
      setSubmitting(true);
      void Promise.resolve(options.onValid(parsed.data)).finally(() => setSubmitting(false));
    };

  const summary = Object.entries(errors)
    .filter(([, message]) => typeof message === 'string')
    .map(([name, message]) => ({ fieldId: idOf(name), message: message as string }));

  return {
    values,
    errors,
    summary,
    setValue,
    submit,
    submitting,
    reset: () => {
      setValues({});
      setErrors({});
    },
    field: (name) => ({
      id: idOf(name),
      name,
      value: values[name] ?? '',
      error: errors[name],
      onChange: (event) => setValue(name, event.target.value),
    }),
  };
}
