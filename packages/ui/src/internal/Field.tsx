import { type HTMLAttributes, type ReactNode, useId } from 'react';
import { enField } from '../i18n/locales/en.js';
import { useStrings } from '../i18n/useStrings.js';
import { cx } from './cx.js';

/** Props every form field shares. */
export interface FieldBaseProps {
  /** The visible label (WCAG 3.3.2). */
  label: ReactNode;
  /** Help text under the label, linked with `aria-describedby`. */
  hint?: ReactNode;
  /** An error message; marks the control invalid and is announced with it (WCAG 3.3.1). */
  error?: ReactNode;
  /** Adds a visible "(required)" marker and `required` on the control. */
  required?: boolean;
  /** The control's id; generated when omitted. {@link ErrorSummary} links point to it. */
  id?: string | undefined;
}

/** Ids and ARIA wiring for a field's control. */
export function useField({
  id,
  hint,
  error,
}: {
  id?: string | undefined;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  const generated = useId();
  const inputId = id ?? `cob-${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return {
    inputId,
    hintId,
    errorId,
    controlProps: {
      id: inputId,
      'aria-describedby': describedBy || undefined,
      'aria-invalid': error ? true : undefined,
    },
  };
}

/** The visible "(required)" marker. */
export function RequiredMarker() {
  const { t } = useStrings(enField);
  return (
    <>
      {' '}
      <span className="cob-field__required">({t('required')})</span>
    </>
  );
}

/**
 * Hint and error message paragraphs. Give their ids, or (for react-aria fields) the description
 * and error-message props its hooks return.
 */
export function FieldMessages({
  hint,
  error,
  hintId,
  errorId,
  hintProps,
  errorProps,
}: {
  hint?: ReactNode;
  error?: ReactNode;
  hintId?: string;
  errorId?: string;
  hintProps?: HTMLAttributes<HTMLElement>;
  errorProps?: HTMLAttributes<HTMLElement>;
}) {
  const { t } = useStrings(enField);
  return (
    <>
      {hint ? (
        <p id={hintId} {...hintProps} className="cob-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} {...errorProps} className="cob-field__error">
          <span className="cob-visually-hidden">{t('errorPrefix')} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Label, hint, error and control, laid out the same way for every field. */
export function FieldShell({
  label,
  hint,
  error,
  required,
  field,
  className,
  children,
}: Omit<FieldBaseProps, 'id'> & {
  /** The ids from {@link useField} for this field's control. */
  field: Pick<ReturnType<typeof useField>, 'inputId' | 'hintId' | 'errorId'>;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={cx('cob-field', error ? 'cob-field--error' : false, className)}>
      <label className="cob-field__label" htmlFor={field.inputId}>
        {label}
        {required ? <RequiredMarker /> : null}
      </label>
      <FieldMessages hint={hint} error={error} hintId={field.hintId} errorId={field.errorId} />
      {children}
    </div>
  );
}
