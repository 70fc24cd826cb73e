'use client';
import { type ChangeEvent, type ComponentPropsWithRef, useState } from 'react';
import { type FieldBaseProps, FieldShell, useField } from '../../internal/Field.js';
import { useCharacterCount } from './useCharacterCount.js';

/** Props of {@link CharacterCount}. */
export interface CharacterCountProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'required' | 'children'> {
  /** The most characters the answer should have. Typing past it is allowed; validate on submit. */
  maxCharacters: number;
}

/**
 * A labelled text area that counts characters against a limit (GOV.UK "Character count"). The
 * visible count ("12 characters remaining", "1 character too many") changes as the user types
 * and is part of the field's description; screen readers hear it once typing pauses for a second,
 * never on every keystroke. Past the limit the count turns into an error-styled message.
 * @example <CharacterCount label="Describe the problem" maxCharacters={500} name="details" />
 */
export function CharacterCount({
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
}: CharacterCountProps) {
  const field = useField({ id, hint, error });
  const initial = String(rest.value ?? rest.defaultValue ?? '');
  const [length, setLength] = useState(initial.length);
  const count = useCharacterCount(length, maxCharacters);
  const countId = `${field.inputId}-count`;
  const describedBy = [field.controlProps['aria-describedby'], countId].filter(Boolean).join(' ');
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
        aria-describedby={describedBy}
        rows={rows}
        required={required}
        className="cob-textarea"
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          setLength(event.currentTarget.value.length);
          count.markDirty();
          onChange?.(event);
        }}
      />
      <p id={countId} className={count.over ? 'cob-field__error' : 'cob-field__hint'}>
        {count.message}
      </p>
      <div className="cob-visually-hidden" aria-live="polite" data-cob-count-status="">
        {count.spoken}
      </div>
    </FieldShell>
  );
}
