'use client';
import { type ReactNode, useState } from 'react';
import { enDateRange } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { DatePicker } from '../DatePicker/DatePicker.js';

/** A date range as ISO dates; either end may be missing while the user is choosing. */
export interface DateRangeValue {
  start: string | null;
  end: string | null;
}

/** Props of {@link DateRange}. */
export interface DateRangeProps {
  /** The question, e.g. "When will the street be closed?": the group's legend. */
  legend: ReactNode;
  hint?: ReactNode;
  /** Prefix of the fields' names: `${name}-start`, `${name}-end`. */
  name: string;
  defaultValue?: Partial<DateRangeValue>;
  onChange?: (value: DateRangeValue) => void;
  /** Earliest date for either end (ISO). */
  minValue?: string;
  /** Latest date for either end (ISO). */
  maxValue?: string;
  required?: boolean;
}

/**
 * A start date and an end date, each a {@link DatePicker}, grouped under one legend (USWDS "Date
 * range picker"). The end date cannot be before the start date: its calendar starts there, and
 * an end typed earlier shows an error on the end field.
 * @example <DateRange legend="When will the street be closed?" name="closure" />
 */
export function DateRange({
  legend,
  hint,
  name,
  defaultValue = {},
  onChange,
  minValue,
  maxValue,
  required,
}: DateRangeProps) {
  const { t } = useStrings(enDateRange);
  const [value, setValue] = useState<DateRangeValue>({
    start: defaultValue.start ?? null,
    end: defaultValue.end ?? null,
  });
  const update = (next: DateRangeValue) => {
    setValue(next);
    onChange?.(next);
  };
  const outOfOrder = value.start !== null && value.end !== null && value.end < value.start;
  const endMin = value.start ?? minValue;
  return (
    <fieldset className="cob-fieldset cob-date-range">
      <legend className="cob-fieldset__legend">{legend}</legend>
      {hint ? <p className="cob-field__hint">{hint}</p> : null}
      <div className="cob-date-range__fields">
        <DatePicker
          label={t('startDate')}
          name={`${name}-start`}
          value={value.start}
          onChange={(start) => update({ ...value, start })}
          {...(minValue ? { minValue } : {})}
          {...(maxValue ? { maxValue } : {})}
          {...(required ? { required } : {})}
        />
        <DatePicker
          label={t('endDate')}
          name={`${name}-end`}
          value={value.end}
          onChange={(end) => update({ ...value, end })}
          {...(endMin && !outOfOrder ? { minValue: endMin } : {})}
          {...(maxValue ? { maxValue } : {})}
          {...(required ? { required } : {})}
          {...(outOfOrder ? { error: t('dateRangeOrder') } : {})}
        />
      </div>
    </fieldset>
  );
}
