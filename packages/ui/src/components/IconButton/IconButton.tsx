'use client';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { UiError } from '../../errors.js';
import { cx } from '../../internal/cx.js';

/** Props of {@link IconButton}. */
export interface IconButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> {
  /**
   * The button's accessible name (WCAG 4.1.2). Required: the type system refuses an icon button
   * without one, and an empty string throws at render.
   */
  label: string;
  /** The icon; rendered `aria-hidden`. */
  icon: ReactNode;
  /** Default `secondary`. */
  variant?: 'primary' | 'secondary' | 'danger';
  /** Default `button`. */
  type?: 'button' | 'submit' | 'reset';
}

/**
 * A button showing only an icon, named by its required `label`.
 * @example <IconButton label="Close" icon={<CloseIcon />} onClick={close} />
 */
export function IconButton({
  label,
  icon,
  variant = 'secondary',
  type = 'button',
  className,
  ...rest
}: IconButtonProps) {
  if (label.trim() === '') {
    throw new UiError(
      'UI_INVALID_PROP',
      "IconButton: `label` must be a non-empty string: it is the button's accessible name.",
    );
  }
  return (
    <button
      {...rest}
      type={type}
      aria-label={label}
      title={rest.title ?? label}
      className={cx('cob-button', 'cob-icon-button', `cob-button--${variant}`, className)}
    >
      <span aria-hidden="true" className="cob-icon-button__icon">
        {icon}
      </span>
    </button>
  );
}
