'use client';
import type { ComponentPropsWithRef } from 'react';
import { type FieldBaseProps, FieldShell, useField } from '../../internal/Field.js';

/** Fluid field widths, as fractions of the column. */
export type FieldWidth =
  | 'full'
  | 'three-quarters'
  | 'two-thirds'
  | 'one-half'
  | 'one-third'
  | 'one-quarter';

/** Props of {@link TextField}. */
export interface TextFieldProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'input'>, 'id' | 'required' | 'children'> {
  /** Default `text`. Use `email`, `tel`, `url` and `autoComplete` so phones show the right keyboard. */
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'password' | 'search';
  /**
   * How wide the box is, so its size suggests the expected answer (GOV.UK field widths): a
   * number of characters (`5` for a ZIP code, `10` for a phone number), or a fraction of the
   * column (`'one-half'`...). Never wider than its container.
   */
  width?: number | FieldWidth;
}

/**
 * A labelled single-line text input with hint and error message.
 * @example <TextField label="Email" type="email" autoComplete="email" required error={errors.email} />
 */
export function TextField({
  label,
  hint,
  error,
  required,
  id,
  type = 'text',
  width,
  className,
  style,
  ...rest
}: TextFieldProps) {
  const field = useField({ id, hint, error });
  return (
    <FieldShell
      label={label}
      hint={hint}
      error={error}
      required={required ?? false}
      field={field}
      className={className}
    >
      <input
        {...rest}
        {...field.controlProps}
        type={type}
        required={required}
        className={typeof width === 'string' ? `cob-input cob-input--${width}` : 'cob-input'}
        style={typeof width === 'number' ? { inlineSize: `${width + 2}ch`, ...style } : style}
      />
    </FieldShell>
  );
}
