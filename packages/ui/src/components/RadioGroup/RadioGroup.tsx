'use client';
import { useState } from 'react';
import { ChoiceGroup, type ChoiceGroupBaseProps } from '../../internal/ChoiceGroup.js';

/** Props of {@link RadioGroup}. */
export interface RadioGroupProps extends ChoiceGroupBaseProps {
  /** The selected value (controlled). */
  value?: string;
  /** The initially selected value (uncontrolled). */
  defaultValue?: string;
  onChange?: (value: string) => void;
}

/**
 * One choice among several: native radio buttons in a fieldset, so arrow keys move the
 * selection and Tab leaves the group, as every screen reader expects.
 * @example <RadioGroup legend="Is it blocking traffic?" name="blocking" inline
 *   options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
 */
export function RadioGroup({ value, defaultValue, onChange, ...props }: RadioGroupProps) {
  const [internal, setInternal] = useState(defaultValue);
  const current = value ?? internal;
  return (
    <ChoiceGroup
      {...props}
      type="radio"
      isChecked={(v) => current === v}
      onToggle={(v, checked) => {
        if (!checked) return;
        setInternal(v);
        onChange?.(v);
      }}
    />
  );
}
