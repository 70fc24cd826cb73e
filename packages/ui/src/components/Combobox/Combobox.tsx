'use client';
import { type ReactNode, useEffect, useRef } from 'react';
import { type AriaListBoxOptions, useComboBox, useFilter, useListBox, useOption } from 'react-aria';
import {
  type ComboBoxState,
  Item,
  type ListState,
  type Node,
  useComboBoxState,
} from 'react-stately';
import { useAnnounce } from '../../hooks/useAnnounce.js';
import { enNoResults } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';
import { FieldMessages, RequiredMarker } from '../../internal/Field.js';

/** An option of a {@link Combobox}. */
export interface ComboboxOption {
  value: string;
  label: string;
}

/** Props of {@link Combobox}. */
export interface ComboboxProps {
  label: ReactNode;
  options: readonly ComboboxOption[];
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** The form field name; a hidden input carries the selected value. */
  name?: string;
  /** Selected value (controlled). */
  value?: string | null;
  /** Initially selected value (uncontrolled). */
  defaultValue?: string;
  onChange?: (value: string | null) => void;
  /** The input's id (for {@link ErrorSummary} links). */
  id?: string;
}

/**
 * A text input that filters a list of options, built on react-aria (WAI-ARIA combobox pattern):
 * typing opens matching options, ArrowDown/ArrowUp move, Enter selects, Escape closes.
 * @example <Combobox label="Neighborhood" options={[{ value: 'dot', label: 'Dorchester' }]} />
 */
export function Combobox({
  label,
  options,
  hint,
  error,
  required,
  name,
  value,
  defaultValue,
  onChange,
  id,
}: ComboboxProps) {
  const { t } = useStrings(enNoResults);
  const { contains } = useFilter({ sensitivity: 'base' });
  const props = {
    label,
    defaultItems: options,
    children: (o: ComboboxOption) => <Item key={o.value}>{o.label}</Item>,
    defaultFilter: contains,
    ...(id !== undefined ? { id } : {}),
    ...(hint ? { description: hint } : {}),
    ...(error ? { errorMessage: error, isInvalid: true } : {}),
    ...(required ? { isRequired: true } : {}),
    ...(value !== undefined ? { selectedKey: value } : {}),
    ...(defaultValue !== undefined ? { defaultSelectedKey: defaultValue } : {}),
    ...(onChange
      ? { onSelectionChange: (key: unknown) => onChange(key == null ? null : String(key)) }
      : {}),
  };
  // Without allowsEmptyCollection react-stately closes the popover when nothing matches, so the
  // "No results" message was never shown.
  const state = useComboBoxState<ComboboxOption>({ ...props, allowsEmptyCollection: true });
  const empty = state.isOpen && state.collection.size === 0;
  const announce = useAnnounce();
  const query = state.inputValue;
  // Said once when the list empties (WCAG 4.1.3), through the shared live region that react-aria
  // leaves visible while the popover hides the rest of the page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: announce on the transition only
  useEffect(() => {
    if (empty) announce(t('noResultsFor', { query }));
  }, [empty]);
  const inputRef = useRef<HTMLInputElement>(null);
  const listBoxRef = useRef<HTMLUListElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const { inputProps, listBoxProps, labelProps, descriptionProps, errorMessageProps } = useComboBox(
    { ...props, inputRef, listBoxRef, popoverRef },
    state,
  );
  return (
    <div className={cx('cob-field', 'cob-combobox', error ? 'cob-field--error' : false)}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: labelProps carries htmlFor from react-aria */}
      <label {...labelProps} className="cob-field__label">
        {label}
        {required ? <RequiredMarker /> : null}
      </label>
      <FieldMessages
        hint={hint}
        error={error}
        hintProps={descriptionProps}
        errorProps={errorMessageProps}
      />
      <div className="cob-combobox__control">
        <input {...inputProps} ref={inputRef} className="cob-input" />
        {name ? (
          <input
            type="hidden"
            name={name}
            value={state.selectedKey == null ? '' : String(state.selectedKey)}
          />
        ) : null}
        {state.isOpen ? (
          <div ref={popoverRef} className="cob-combobox__popover">
            <ListBox {...listBoxProps} listBoxRef={listBoxRef} state={state} />
            {empty ? (
              <p className="cob-combobox__empty" aria-hidden="true">
                {t('noResults')}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function ListBox({
  listBoxRef,
  state,
  ...props
}: AriaListBoxOptions<ComboboxOption> & {
  listBoxRef: React.RefObject<HTMLUListElement | null>;
  state: ComboBoxState<ComboboxOption>;
}) {
  const { listBoxProps } = useListBox(props, state, listBoxRef);
  return (
    <ul {...listBoxProps} ref={listBoxRef} className="cob-combobox__list">
      {[...state.collection].map((item) => (
        <Option key={item.key} item={item} state={state} />
      ))}
    </ul>
  );
}

function Option({ item, state }: { item: Node<ComboboxOption>; state: ListState<ComboboxOption> }) {
  const ref = useRef<HTMLLIElement>(null);
  const { optionProps, isSelected, isFocused } = useOption({ key: item.key }, state, ref);
  return (
    <li
      {...optionProps}
      ref={ref}
      className={cx(
        'cob-combobox__option',
        isFocused && 'cob-combobox__option--focused',
        isSelected && 'cob-combobox__option--selected',
      )}
    >
      {item.rendered}
    </li>
  );
}
