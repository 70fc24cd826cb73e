'use client';
import { useState } from 'react';
import { ChoiceGroup, type ChoiceGroupBaseProps } from '../../internal/ChoiceGroup.js';

/** Props of {@link CheckboxGroup}. */
export interface CheckboxGroupProps extends ChoiceGroupBaseProps {
  /** Checked values (controlled). */
  value?: readonly string[];
  /** Initially checked values (uncontrolled). */
  defaultValue?: readonly string[];
  onChange?: (value: string[]) => void;
}

/**
 * Several checkboxes answering one question, grouped in a fieldset with a legend.
 * @example
 * <CheckboxGroup legend="How should we contact you?" name="contact"
 *   options={[{ value: 'email', label: 'Email' }, { value: 'text', label: 'Text message' }]} />
 */
export function CheckboxGroup({
  value,
  defaultValue = [],
  onChange,
  ...props
}: CheckboxGroupProps) {
  const [internal, setInternal] = useState<readonly string[]>(defaultValue);
  const current = value ?? internal;
  return (
    <ChoiceGroup
      {...props}
      type="checkbox"
      isChecked={(v) => current.includes(v)}
      onToggle={(v, checked) => {
        const next = checked ? [...current, v] : current.filter((x) => x !== v);
        setInternal(next);
        onChange?.(next);
      }}
    />
  );
}
