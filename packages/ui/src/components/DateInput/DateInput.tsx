'use client';
import { type ReactNode, useId, useState } from 'react';
import { enDateInput } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';
import { FieldMessages, RequiredMarker } from '../../internal/Field.js';

/** The three parts of a {@link DateInput}, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** Props of {@link DateInput}. */
export interface DateInputProps {
  /** The question, e.g. "Date of birth": the group's legend. */
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Prefix of the three inputs' names: `${name}-day`, `${name}-month`, `${name}-year`. */
  name: string;
  /** The day input's id (for {@link ErrorSummary} links). */
  id?: string;
  value?: DateParts;
  defaultValue?: DateParts;
  onChange?: (value: DateParts) => void;
  /** Order of the fields. Default `mdy` (US); `dmy` for most other places. */
  order?: 'mdy' | 'dmy';
}

/**
 * A memorable date (birth date, date on a document) as three numeric text fields, the pattern
 * GOV.UK and USWDS recommend over a calendar. Uses `inputmode="numeric"` and birthday
 * autocomplete tokens when `name` suggests a birth date.
 * @example <DateInput legend="Date of birth" name="dob" hint="For example, 3 27 1990" />
 */
export function DateInput({
  legend,
  hint,
  error,
  required,
  name,
  id,
  value,
  defaultValue = { day: '', month: '', year: '' },
  onChange,
  order = 'mdy',
}: DateInputProps) {
  const { t } = useStrings(enDateInput);
  const generated = useId();
  const base = id ?? `cob-${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [internal, setInternal] = useState(defaultValue);
  const current = value ?? internal;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const birthday = /birth|dob/i.test(name);
  const parts = {
    day: { label: t('day'), width: 2, max: 2, auto: 'bday-day' },
    month: { label: t('month'), width: 2, max: 2, auto: 'bday-month' },
    year: { label: t('year'), width: 4, max: 4, auto: 'bday-year' },
  } as const;
  const sequence =
    order === 'mdy' ? (['month', 'day', 'year'] as const) : (['day', 'month', 'year'] as const);
  return (
    <div className={cx('cob-field', error ? 'cob-field--error' : false)}>
      <fieldset className="cob-fieldset cob-date-input" aria-describedby={describedBy || undefined}>
        <legend className="cob-fieldset__legend">
          {legend}
          {required ? <RequiredMarker /> : null}
        </legend>
        <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
        <div className="cob-date-input__parts">
          {sequence.map((part, index) => {
            const inputId = index === 0 ? base : `${base}-${part}`;
            return (
              <div key={part} className="cob-date-input__part">
                <label htmlFor={inputId} className="cob-date-input__label">
                  {parts[part].label}
                </label>
                <input
                  id={inputId}
                  name={`${name}-${part}`}
                  className="cob-input"
                  style={{ inlineSize: `${parts[part].width + 3}ch` }}
                  inputMode="numeric"
                  maxLength={parts[part].max}
                  autoComplete={birthday ? parts[part].auto : 'off'}
                  aria-invalid={error ? true : undefined}
                  required={required}
                  value={current[part]}
                  onChange={(event) => {
                    const next = { ...current, [part]: event.currentTarget.value };
                    setInternal(next);
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
 * Turns typed parts into an ISO date (`YYYY-MM-DD`), or `null` when they do not form a real
 * calendar date (e.g. February 30).
 * @example toIsoDate({ day: '27', month: '3', year: '1990' }) // '1990-03-27'
 */
export function toIsoDate(parts: DateParts): string | null {
  const [d, m, y] = [parts.day, parts.month, parts.year].map((s) => s.trim());
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? ''))
    return null;
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
