'use client';
import type { ComponentPropsWithRef } from 'react';
import { type FieldBaseProps, FieldShell, useField } from '../../internal/Field.js';

/** Props of {@link TextField}. */
export interface TextFieldProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'input'>, 'id' | 'required' | 'children'> {
  /** Default `text`. Use `email`, `tel`, `url` and `autoComplete` so phones show the right keyboard. */
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'password' | 'search';
  /** Width hint in characters, so the box size suggests the expected answer. */
  width?: number;
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
        className="cob-input"
        style={width ? { inlineSize: `${width + 2}ch`, ...style } : style}
      />
    </FieldShell>
  );
}
