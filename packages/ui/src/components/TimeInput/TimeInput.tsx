'use client';
import { type ReactNode, useId, useState } from 'react';
import { enTimeInput } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';
import { FieldMessages, RequiredMarker } from '../../internal/Field.js';

/** The parts of a {@link TimeInput}, as typed. */
export interface TimeParts {
  hours: string;
  minutes: string;
}

/** Props of {@link TimeInput}. */
export interface TimeInputProps {
  /** The question, e.g. "What time did it happen?": the group's legend. */
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Prefix of the inputs' names: `${name}-hours`, `${name}-minutes`. */
  name: string;
  /** The hours input's id (for {@link ErrorSummary} links). */
  id?: string;
  defaultValue?: TimeParts;
  onChange?: (value: TimeParts) => void;
}

/**
 * A time of day as two numeric fields, hours (0–23) and minutes, in a fieldset: easier to type
 * and to read back than a spinner or `<input type="time">`, whose format varies by browser.
 * Convert with {@link toIsoTime}.
 * @example <TimeInput legend="What time did the outage start?" name="start" hint="For example, 14 30" />
 */
export function TimeInput({
  legend,
  hint,
  error,
  required,
  name,
  id,
  defaultValue = { hours: '', minutes: '' },
  onChange,
}: TimeInputProps) {
  const { t } = useStrings(enTimeInput);
  const generated = useId();
  const base = id ?? `cob-${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [value, setValue] = useState(defaultValue);
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={cx('cob-field', error ? 'cob-field--error' : false)}>
      <fieldset className="cob-fieldset cob-date-input" aria-describedby={describedBy || undefined}>
        <legend className="cob-fieldset__legend">
          {legend}
          {required ? <RequiredMarker /> : null}
        </legend>
        <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
        <div className="cob-date-input__parts">
          {(['hours', 'minutes'] as const).map((part, index) => {
            const inputId = index === 0 ? base : `${base}-${part}`;
            return (
              <div key={part} className="cob-date-input__part">
                <label htmlFor={inputId} className="cob-date-input__label">
                  {t(part)}
                </label>
                <input
                  id={inputId}
                  name={`${name}-${part}`}
                  className="cob-input"
                  style={{ inlineSize: '5ch' }}
                  inputMode="numeric"
                  maxLength={2}
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  required={required}
                  value={value[part]}
                  onChange={(event) => {
                    const next = { ...value, [part]: event.currentTarget.value };
                    setValue(next);
                    onChange?.(next);
                  }}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * Typed parts as `HH:MM` (24-hour), or `null` when they are not a real time.
 * @example toIsoTime({ hours: '9', minutes: '5' }) // '09:05'
 */
export function toIsoTime(parts: TimeParts): string | null {
  const h = parts.hours.trim();
  const m = parts.minutes.trim();
  if (!/^\d{1,2}$/.test(h) || !/^\d{1,2}$/.test(m)) return null;
  const hours = Number(h);
  const minutes = Number(m);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
