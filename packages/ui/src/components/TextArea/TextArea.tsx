'use client';
import { type ChangeEvent, type ComponentPropsWithRef, useState } from 'react';
import { type FieldBaseProps, FieldShell, useField } from '../../internal/Field.js';
import { useCharacterCount } from '../CharacterCount/useCharacterCount.js';

/** Props of {@link TextArea}. */
export interface TextAreaProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'required' | 'children'> {
  /**
   * Shows "N characters remaining" and "N characters too many" past the limit, spoken once typing
   * pauses. Typing past it is allowed, as GOV.UK recommends; validate on submit. The same as
   * {@link CharacterCount}.
   */
  maxCharacters?: number;
}

/**
 * A labelled multi-line input with an optional character count.
 * @example <TextArea label="Describe the problem" maxCharacters={500} />
 */
export function TextArea({
  label,
  hint,
  error,
  required,
  id,
  maxCharacters,
  className,
  onChange,
  rows = 5,
  ...rest
}: TextAreaProps) {
  const field = useField({ id, hint, error });
  const initial = String(rest.value ?? rest.defaultValue ?? '');
  const [length, setLength] = useState(initial.length);
  const countId = `${field.inputId}-count`;
  const count = useCharacterCount(length, maxCharacters);
  const describedBy = [field.controlProps['aria-describedby'], maxCharacters ? countId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <FieldShell
      label={label}
      hint={hint}
      error={error}
      required={required ?? false}
      field={field}
      className={className}
    >
      <textarea
        {...rest}
        {...field.controlProps}
        aria-describedby={describedBy || undefined}
        rows={rows}
        required={required}
        className="cob-textarea"
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          setLength(event.currentTarget.value.length);
          count.markDirty();
          onChange?.(event);
        }}
      />
      {maxCharacters !== undefined ? (
        <>
          <p id={countId} className={count.over ? 'cob-field__error' : 'cob-field__hint'}>
            {count.message}
          </p>
          <div className="cob-visually-hidden" aria-live="polite" data-cob-count-status="">
            {count.spoken}
          </div>
        </>
      ) : null}
    </FieldShell>
  );
}
