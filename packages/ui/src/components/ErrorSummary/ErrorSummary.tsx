'use client';
import { type MouseEvent, type ReactNode, type Ref, useEffect, useId, useRef } from 'react';
import { enErrorSummary } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** One error in an {@link ErrorSummary}. */
export interface ErrorSummaryItem {
  /** The id of the field's control (see each field's `id` prop). */
  fieldId: string;
  message: ReactNode;
}

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  /** Default: the localized "There is a problem". */
  title?: ReactNode;
  /** Move focus to the summary when it appears (default true), so the user hears it first. */
  focusOnMount?: boolean;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The list of a form's errors at the top of the page (WCAG 3.3.1). Each link moves focus to its
 * field and scrolls its label into view. Renders nothing when there are no errors.
 * @example <ErrorSummary errors={[{ fieldId: 'email', message: 'Enter your email address' }]} />
 */
export function ErrorSummary({ errors, title, focusOnMount = true, ref }: ErrorSummaryProps) {
  const { t } = useStrings(enErrorSummary);
  const titleId = useId();
  const own = useRef<HTMLDivElement | null>(null);
  const hasErrors = errors.length > 0;
  useEffect(() => {
    if (hasErrors && focusOnMount) own.current?.focus();
  }, [hasErrors, focusOnMount]);
  if (!hasErrors) return null;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    const label =
      field.closest('fieldset')?.querySelector('legend') ??
      document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    (label ?? field).scrollIntoView?.();
    field.focus({ preventScroll: true });
  };
  return (
    <div
      ref={(node) => {
        own.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      className="cob-error-summary"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <h2 id={titleId} className="cob-error-summary__title">
        {title ?? t('errorSummaryTitle')}
      </h2>
      <ul className="cob-error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
