'use client';
import { type ChangeEvent, type ComponentPropsWithRef, useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { type FieldBaseProps, FieldShell, useField } from '../../internal/Field.js';

/** Props of {@link TextArea}. */
export interface TextAreaProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'required' | 'children'> {
  /**
   * Shows "N characters remaining" (politely announced) and "N characters too many" past the
   * limit. Typing past it is allowed, as GOV.UK recommends; validate on submit.
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
  const { t } = useI18n();
  const field = useField({ id, hint, error });
  const initial = String(rest.value ?? rest.defaultValue ?? '');
  const [length, setLength] = useState(initial.length);
  const countId = `${field.inputId}-count`;
  const remaining = maxCharacters === undefined ? 0 : maxCharacters - length;
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
          onChange?.(event);
        }}
      />
      {maxCharacters !== undefined ? (
        <p
          id={countId}
          className={remaining < 0 ? 'cob-field__error' : 'cob-field__hint'}
          aria-live="polite"
        >
          {remaining < 0
            ? t('charactersTooMany', { count: -remaining })
            : t('charactersRemaining', { count: remaining })}
        </p>
      ) : null}
    </FieldShell>
  );
}
