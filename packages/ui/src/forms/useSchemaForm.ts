'use client';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ErrorSummaryItem } from '../components/ErrorSummary/ErrorSummary.js';
import { UiError } from '../errors.js';
import { enSchemaForm } from '../i18n/locales/en.js';
import { useStrings } from '../i18n/useStrings.js';
import { describeSchema, type SchemaField, valuesFromFormData } from './schemaFields.js';

/** Props to spread on one field component (`TextField`, `Select`, `TextArea`, ...). */
export interface SchemaFieldProps {
  id: string;
  name: string;
  label: string;
  required: boolean;
  hint?: string;
  error?: string;
}

/** Options of {@link useSchemaForm}. */
export interface UseSchemaFormOptions<T> {
  /** Called with the parsed, typed values when the form is valid. */
  onValid?: (values: T) => void | Promise<void>;
  /** Prefix of the fields' ids, to keep two forms on a page apart. Default `field-`. */
  idPrefix?: string;
}

/** What {@link useSchemaForm} returns. */
export interface SchemaForm<T> {
  /** The schema's fields, in order, with labels, hints and required flags. */
  fields: readonly SchemaField[];
  /** Props for the field of that name; throws `UI_UNKNOWN_FIELD` for a name the schema lacks. */
  field: (name: keyof T & string) => SchemaFieldProps;
  /** Spread on `<form>`: `noValidate` (the schema validates) and the submit handler. */
  formProps: { noValidate: true; onSubmit: (event: FormEvent<HTMLFormElement>) => void };
  /** Spread on `<ErrorSummary>`. */
  errorSummaryProps: {
    errors: ErrorSummaryItem[];
    focusOnMount: false;
    ref: (node: HTMLDivElement | null) => void;
  };
  /** Current error messages by field name. */
  errors: Readonly<Record<string, string>>;
  /** The last valid values, after a successful submit. */
  values: T | undefined;
}

/**
 * Binds a zod object schema (e.g. from standards-schema) to the kit's fields: labels
 * (`.meta({ title })`), hints (`.describe()` or `.meta({ description })`), required markers
 * (fields that are not optional) and error messages (the schema's issues). Submitting an invalid
 * form shows the {@link ErrorSummary} and moves focus to it, every time.
 * @example
 * const form = useSchemaForm(Report, { onValid: save });
 * <form {...form.formProps}>
 *   <ErrorSummary {...form.errorSummaryProps} />
 *   <TextField {...form.field('email')} type="email" />
 *   <Button type="submit">Send</Button>
 * </form>
 */
export function useSchemaForm<S extends z.ZodObject>(
  schema: S,
  options: UseSchemaFormOptions<z.infer<S>> = {},
): SchemaForm<z.infer<S>> {
  const { t } = useStrings(enSchemaForm);
  const { idPrefix = 'field-', onValid } = options;
  const fields = useMemo(() => describeSchema(schema), [schema]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [values, setValues] = useState<z.infer<S> | undefined>(undefined);
  const [invalidSubmits, setInvalidSubmits] = useState(0);
  const summary = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (invalidSubmits > 0) summary.current?.focus();
  }, [invalidSubmits]);

  const byName = useMemo(() => new Map(fields.map((f) => [f.name, f])), [fields]);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const raw = valuesFromFormData(fields, new FormData(event.currentTarget));
      const result = schema.safeParse(raw);
      if (result.success) {
        setErrors({});
        setValues(result.data);
        void onValid?.(result.data);
        return;
      }
      const next: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const name = String(issue.path[0] ?? '');
        if (!name || next[name]) continue;
        const info = byName.get(name);
        next[name] =
          raw[name] === undefined && info?.required
            ? t('fieldRequired', { label: info.label })
            : issue.message;
      }
      setErrors(next);
      setInvalidSubmits((n) => n + 1);
    },
    [schema, fields, byName, onValid, t],
  );

  const field = useCallback(
    (name: string): SchemaFieldProps => {
      const info = byName.get(name);
      if (!info) {
        throw new UiError(
          'UI_UNKNOWN_FIELD',
          `useSchemaForm: the schema has no field "${name}" (fields: ${[...byName.keys()].join(', ')})`,
        );
      }
      const error = errors[name];
      return {
        id: `${idPrefix}${name}`,
        name,
        label: info.label,
        required: info.required,
        ...(info.hint !== undefined ? { hint: info.hint } : {}),
        ...(error !== undefined ? { error } : {}),
      };
    },
    [byName, errors, idPrefix],
  );

  return {
    fields,
    field,
    formProps: { noValidate: true, onSubmit },
    errorSummaryProps: {
      errors: fields
        .filter((f) => errors[f.name] !== undefined)
        .map((f) => ({ fieldId: `${idPrefix}${f.name}`, message: errors[f.name] as string })),
      focusOnMount: false,
      ref: (node) => {
        summary.current = node;
      },
    },
    errors,
    values,
  };
}
