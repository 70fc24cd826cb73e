'use client';
import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { enLoading } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';

/** Visual and semantic weight of a {@link Button}. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Default `primary`. Use one primary button per form or dialog. */
  variant?: ButtonVariant;
  /**
   * Shows a spinner and ignores clicks while keeping focus on the button (it stays focusable:
   * `aria-disabled`, not `disabled`). Screen readers hear the label followed by "Loading".
   */
  loading?: boolean;
  /** Default `button`, so a button in a form never submits by accident. */
  type?: 'button' | 'submit' | 'reset';
  children?: ReactNode;
}

/**
 * A button with the City's variants and a loading state.
 * @example <Button variant="primary" type="submit" loading={saving}>Save case</Button>
 */
export function Button({
  variant = 'primary',
  loading = false,
  type = 'button',
  className,
  children,
  onClick,
  ...rest
}: ButtonProps) {
  const { t } = useStrings(enLoading);
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={cx(
        'cob-button',
        `cob-button--${variant}`,
        loading && 'cob-button--loading',
        className,
      )}
      aria-disabled={loading || rest['aria-disabled'] || undefined}
      onClick={handleClick}
    >
      {loading ? (
        <span
          className="cob-spinner cob-spinner--inline"
          aria-hidden="true"
          data-cob-motion="essential"
        />
      ) : null}
      {children}
      {loading ? <span className="cob-visually-hidden"> {t('loading')}</span> : null}
    </button>
  );
}
