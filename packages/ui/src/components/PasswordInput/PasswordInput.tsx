'use client';
import { type ComponentPropsWithRef, useState } from 'react';
import { enPasswordInput } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { type FieldBaseProps, FieldShell, useField } from '../../internal/Field.js';

/** Props of {@link PasswordInput}. */
export interface PasswordInputProps
  extends FieldBaseProps,
    Omit<ComponentPropsWithRef<'input'>, 'id' | 'required' | 'children' | 'type'> {
  /** `current-password` (default, sign-in) or `new-password` (sign-up, change). */
  autoComplete?: 'current-password' | 'new-password';
}

/**
 * A password field with a Show/Hide button (GOV.UK "Password input"), so people can check what
 * they typed. The button says what it will do; a status message says whether the password is
 * visible. Autocorrect, capitalisation and spellcheck are off; password managers still fill it.
 * @example <PasswordInput label="Password" name="password" autoComplete="new-password" />
 */
export function PasswordInput({
  label,
  hint,
  error,
  required,
  id,
  className,
  autoComplete = 'current-password',
  ...rest
}: PasswordInputProps) {
  const { t } = useStrings(enPasswordInput);
  const field = useField({ id, hint, error });
  const [shown, setShown] = useState(false);
  const [status, setStatus] = useState('');
  return (
    <FieldShell
      label={label}
      hint={hint}
      error={error}
      required={required ?? false}
      field={field}
      className={className}
    >
      <div className="cob-password-input">
        <input
          {...rest}
          {...field.controlProps}
          type={shown ? 'text' : 'password'}
          required={required}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          className="cob-input cob-password-input__input"
        />
        <button
          type="button"
          className="cob-button cob-button--secondary cob-password-input__toggle"
          aria-controls={field.inputId}
          onClick={() => {
            setShown(!shown);
            setStatus(t(shown ? 'passwordHidden' : 'passwordShown'));
          }}
        >
          {t(shown ? 'hidePassword' : 'showPassword')}
        </button>
      </div>
      <div className="cob-visually-hidden" aria-live="polite">
        {status}
      </div>
    </FieldShell>
  );
}
