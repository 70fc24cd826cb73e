'use client';
import type { ComponentPropsWithRef } from 'react';
import { type FieldBaseProps, FieldShell, useField } from '../../internal/Field.js';

/** An option of a {@link Select}. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Props of {@link Select}. */
export interface SelectProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'select'>, 'id' | 'required' | 'children' | 'multiple'> {
  options: readonly SelectOption[];
  /** A first, empty option such as "Choose a department". */
  placeholder?: string;
}

/**
 * A labelled native `<select>`: the most robust choice for assistive technology and phones.
 * @example <Select label="Department" options={[{ value: 'PWD', label: 'Public Works' }]} />
 */
export function Select({
  label,
  hint,
  error,
  required,
  id,
  options,
  placeholder,
  className,
  ...rest
}: SelectProps) {
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
      <select {...rest} {...field.controlProps} required={required} className="cob-select">
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
