import { type ReactNode, useId } from 'react';
import { cx } from './cx.js';
import { FieldMessages, RequiredMarker } from './Field.js';

/** An option of a checkbox or radio group. */
export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

/** Props shared by {@link CheckboxGroup} and {@link RadioGroup}. */
export interface ChoiceGroupBaseProps {
  /** The question: the group's `<legend>`. */
  legend: ReactNode;
  /** The form field name of every input in the group. */
  name: string;
  options: readonly ChoiceOption[];
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Id of the group; the first input gets `${id}` so error summary links land on it. */
  id?: string;
  /** Show options side by side (for two or three short ones, e.g. Yes / No). */
  inline?: boolean;
  disabled?: boolean;
}

export function ChoiceGroup({
  type,
  legend,
  name,
  options,
  hint,
  error,
  required,
  id,
  inline,
  disabled,
  isChecked,
  onToggle,
}: ChoiceGroupBaseProps & {
  type: 'checkbox' | 'radio';
  isChecked: (value: string) => boolean | undefined;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const generated = useId();
  const base = id ?? `cob-${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={cx('cob-field', error ? 'cob-field--error' : false)}>
      <fieldset
        className="cob-fieldset cob-choice-group"
        aria-describedby={describedBy || undefined}
        disabled={disabled}
      >
        <legend className="cob-fieldset__legend">
          {legend}
          {required ? <RequiredMarker /> : null}
        </legend>
        <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
        <div
          className={cx('cob-choice-group__options', inline ? 'cob-choice-group--inline' : false)}
        >
          {options.map((option, index) => {
            const inputId = index === 0 ? base : `${base}-${index}`;
            const optionHintId = `${inputId}-option-hint`;
            const checked = isChecked(option.value);
            return (
              <div className="cob-choice" key={option.value}>
                <input
                  id={inputId}
                  type={type}
                  name={name}
                  value={option.value}
                  disabled={option.disabled}
                  required={type === 'radio' ? required : undefined}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={option.hint ? optionHintId : undefined}
                  {...(checked === undefined ? {} : { checked })}
                  onChange={(event) => onToggle(option.value, event.currentTarget.checked)}
                />
                <label htmlFor={inputId}>
                  {option.label}
                  {option.hint ? (
                    <span id={optionHintId} className="cob-choice__hint">
                      {option.hint}
                    </span>
                  ) : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
