'use client';
import { createCalendar, getWeeksInMonth, isSameMonth, parseDate } from '@internationalized/date';
import { type ReactNode, useRef } from 'react';
import {
  type AriaButtonProps,
  type AriaCalendarProps,
  type AriaDateFieldOptions,
  type DateValue,
  DismissButton,
  Overlay,
  useButton,
  useCalendar,
  useCalendarCell,
  useCalendarGrid,
  useDateField,
  useDatePicker,
  useDateSegment,
  useDialog,
  useLocale,
  usePopover,
} from 'react-aria';
import {
  type CalendarState,
  type DateFieldState,
  type DatePickerState,
  type DateSegment,
  useCalendarState,
  useDateFieldState,
  useDatePickerState,
} from 'react-stately';
import { enDatePicker } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';
import { FieldMessages, RequiredMarker } from '../../internal/Field.js';
import { CalendarIcon, ChevronIcon } from '../../internal/icons.js';

/** Props of {@link DatePicker}. Dates are ISO strings (`YYYY-MM-DD`). */
export interface DatePickerProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** The form field name; a hidden input carries the ISO date. */
  name?: string;
  value?: string | null;
  defaultValue?: string;
  onChange?: (value: string | null) => void;
  /** Earliest selectable date. */
  minValue?: string;
  /** Latest selectable date. */
  maxValue?: string;
}

/**
 * A date field with a calendar, built on react-aria: the field's segments take typing and
 * arrow keys; the button opens a calendar grid (arrow keys move by day and week, Page Up/Down by
 * month, Enter selects, Escape closes and returns focus). Localized through the
 * {@link I18nProvider}. For memorable dates (birth dates) prefer {@link DateInput}.
 * @example <DatePicker label="Inspection date" name="inspection" minValue="2026-01-01" />
 */
export function DatePicker({
  label,
  hint,
  error,
  required,
  name,
  value,
  defaultValue,
  onChange,
  minValue,
  maxValue,
}: DatePickerProps) {
  const { t } = useStrings(enDatePicker);
  const props = {
    label,
    ...(hint ? { description: hint } : {}),
    ...(error ? { errorMessage: error, isInvalid: true } : {}),
    ...(required ? { isRequired: true } : {}),
    ...(value !== undefined ? { value: value ? parseDate(value) : null } : {}),
    ...(defaultValue !== undefined ? { defaultValue: parseDate(defaultValue) } : {}),
    ...(minValue !== undefined ? { minValue: parseDate(minValue) } : {}),
    ...(maxValue !== undefined ? { maxValue: parseDate(maxValue) } : {}),
    ...(onChange ? { onChange: (d: DateValue | null) => onChange(d ? d.toString() : null) } : {}),
  };
  const state = useDatePickerState(props);
  const ref = useRef<HTMLDivElement>(null);
  const {
    groupProps,
    labelProps,
    fieldProps,
    buttonProps,
    dialogProps,
    calendarProps,
    descriptionProps,
    errorMessageProps,
  } = useDatePicker(props, state, ref);
  return (
    <div className={cx('cob-field', 'cob-date-picker', error ? 'cob-field--error' : false)}>
      <span {...labelProps} className="cob-field__label">
        {label}
        {required ? <RequiredMarker /> : null}
      </span>
      <FieldMessages
        hint={hint}
        error={error}
        hintProps={descriptionProps}
        errorProps={errorMessageProps}
      />
      <div {...groupProps} ref={ref} className="cob-date-picker__group">
        <DateField {...fieldProps} />
        <PlainButton
          {...buttonProps}
          aria-label={t('openCalendar')}
          className="cob-date-picker__button"
        >
          <CalendarIcon />
        </PlainButton>
      </div>
      {name ? (
        <input type="hidden" name={name} value={state.value ? state.value.toString() : ''} />
      ) : null}
      {state.isOpen ? (
        <Popover state={state} dialogProps={dialogProps} triggerRef={ref}>
          <Calendar {...calendarProps} />
        </Popover>
      ) : null}
    </div>
  );
}

function PlainButton({
  className,
  children,
  ...props
}: AriaButtonProps & { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLButtonElement>(null);
  const { buttonProps } = useButton(props, ref);
  return (
    <button {...buttonProps} ref={ref} className={className}>
      {children}
    </button>
  );
}

function DateField(props: AriaDateFieldOptions<DateValue>) {
  const { locale } = useLocale();
  const state = useDateFieldState({ ...props, locale, createCalendar });
  const ref = useRef<HTMLDivElement>(null);
  const { fieldProps } = useDateField(props, state, ref);
  return (
    <div {...fieldProps} ref={ref} className="cob-date-picker__field">
      {state.segments.map((segment, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
        <Segment key={i} segment={segment} state={state} />
      ))}
    </div>
  );
}

function Segment({ segment, state }: { segment: DateSegment; state: DateFieldState }) {
  const ref = useRef<HTMLDivElement>(null);
  const { segmentProps } = useDateSegment(segment, state, ref);
  return (
    <div
      {...segmentProps}
      ref={ref}
      className={cx(
        'cob-date-picker__segment',
        segment.isPlaceholder && 'cob-date-picker__segment--placeholder',
      )}
    >
      {segment.text}
    </div>
  );
}

function Popover({
  state,
  dialogProps,
  triggerRef,
  children,
}: {
  state: DatePickerState;
  dialogProps: ReturnType<typeof useDatePicker>['dialogProps'];
  triggerRef: React.RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  const popoverRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  // react-aria's overlay positioning: placed below the field (above it when there is no room),
  // never over its own field and label; a click outside or Escape closes it, and focus is not
  // trapped, so a click elsewhere keeps focus where the user put it.
  const { popoverProps, underlayProps } = usePopover(
    { triggerRef, popoverRef, placement: 'bottom start', offset: 4 },
    state,
  );
  const { dialogProps: domDialogProps } = useDialog(dialogProps, dialogRef);
  // Portal into the kit's root around the field, so the theme's custom properties still apply.
  const container = triggerRef.current?.closest('.cob-root') ?? undefined;
  return (
    <Overlay {...(container ? { portalContainer: container } : {})}>
      <div {...underlayProps} className="cob-date-picker__underlay" />
      <div {...popoverProps} ref={popoverRef} className="cob-date-picker__popover">
        <DismissButton onDismiss={state.close} />
        <div {...domDialogProps} ref={dialogRef}>
          {children}
        </div>
        <DismissButton onDismiss={state.close} />
      </div>
    </Overlay>
  );
}

function Calendar(props: AriaCalendarProps<DateValue>) {
  const { locale } = useLocale();
  const state = useCalendarState({ ...props, locale, createCalendar });
  const { calendarProps, prevButtonProps, nextButtonProps, title } = useCalendar(props, state);
  return (
    <div {...calendarProps} className="cob-calendar">
      <div className="cob-calendar__header">
        <PlainButton {...prevButtonProps} className="cob-calendar__nav cob-calendar__nav--prev">
          <ChevronIcon />
        </PlainButton>
        <h2 className="cob-calendar__title">{title}</h2>
        <PlainButton {...nextButtonProps} className="cob-calendar__nav">
          <ChevronIcon />
        </PlainButton>
      </div>
      <CalendarGrid state={state} />
    </div>
  );
}

function CalendarGrid({ state }: { state: CalendarState }) {
  const { locale } = useLocale();
  const { gridProps, headerProps, weekDays } = useCalendarGrid({}, state);
  const weeks = getWeeksInMonth(state.visibleRange.start, locale);
  return (
    <table {...gridProps} className="cob-calendar__grid">
      <thead {...headerProps}>
        <tr>
          {weekDays.map((day, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: weekday columns are positional
            <th key={i} scope="col">
              {day}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: weeks }, (_, week) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: weeks are positional
          <tr key={week}>
            {state.getDatesInWeek(week).map((date, i) =>
              // Days of the previous and next month are blank cells, not "disabled" days.
              date && isSameMonth(date, state.visibleRange.start) ? (
                <CalendarCell key={date.toString()} state={state} date={date} />
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: empty cells are positional
                <td key={i} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CalendarCell({
  state,
  date,
}: {
  state: CalendarState;
  date: DateValue & { toString(): string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { cellProps, buttonProps, isSelected, isUnavailable, isDisabled, formattedDate } =
    useCalendarCell({ date: date as Parameters<typeof useCalendarCell>[0]['date'] }, state, ref);
  return (
    <td {...cellProps}>
      <div
        {...buttonProps}
        ref={ref}
        className={cx(
          'cob-calendar__cell',
          isSelected && 'cob-calendar__cell--selected',
          (isDisabled || isUnavailable) && 'cob-calendar__cell--disabled',
        )}
      >
        {formattedDate}
      </div>
    </td>
  );
}
