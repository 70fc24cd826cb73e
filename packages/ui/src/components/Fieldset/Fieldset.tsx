import type { ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

/** Props of {@link Fieldset}. */
export interface FieldsetProps {
  /** The group's question or title: the `<legend>`. */
  legend: ReactNode;
  /** Render the legend as the page heading (for one-question pages). */
  legendAsHeading?: boolean;
  hint?: ReactNode;
  /** Id of the hint, for controls to reference. */
  hintId?: string;
  className?: string;
  children?: ReactNode;
}

/**
 * Groups related fields under a legend (WCAG 1.3.1). A server component.
 * @example <Fieldset legend="Your address"><TextField label="Street" /></Fieldset>
 */
export function Fieldset({
  legend,
  legendAsHeading,
  hint,
  hintId,
  className,
  children,
}: FieldsetProps) {
  return (
    <fieldset
      className={cx('cob-fieldset', className)}
      aria-describedby={hint ? hintId : undefined}
    >
      <legend className="cob-fieldset__legend">
        {legendAsHeading ? <h1 className="cob-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {hint ? (
        <p className="cob-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
