'use client';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from '../../internal/cx.js';
import { FieldMessages, useField } from '../../internal/Field.js';

/** Props of {@link Checkbox}. */
export interface CheckboxProps
  extends Omit<ComponentPropsWithRef<'input'>, 'type' | 'id' | 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
}

/**
 * A single checkbox with its label to the side (the whole row is the click target).
 * @example <Checkbox name="consent" label="I agree to be contacted" />
 */
export function Checkbox({ label, hint, error, id, className, ...rest }: CheckboxProps) {
  const field = useField({ id, hint, error });
  return (
    <div className={cx('cob-field', error ? 'cob-field--error' : false, className)}>
      <FieldMessages hint={undefined} error={error} hintId={field.hintId} errorId={field.errorId} />
      <div className="cob-choice">
        <input {...rest} {...field.controlProps} type="checkbox" />
        <label htmlFor={field.inputId}>
          {label}
          {hint ? (
            <span id={field.hintId} className="cob-choice__hint">
              {hint}
            </span>
          ) : null}
        </label>
      </div>
    </div>
  );
}
