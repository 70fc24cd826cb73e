import type { ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

/** Kind of {@link Alert}. */
export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

/** Props of {@link Alert}. */
export interface AlertProps {
  /** Default `info`. */
  variant?: AlertVariant;
  /** A short heading. */
  title?: ReactNode;
  /** Heading level of the title. Default 2. */
  headingLevel?: 2 | 3 | 4;
  /**
   * `status` (polite) or `alert` (assertive) when the alert appears after the page loads, so
   * screen readers announce it; omit for alerts present on load.
   */
  live?: 'status' | 'alert';
  children?: ReactNode;
}

/**
 * An inline message. Colour is never the only cue: the variant's name leads the title for
 * screen readers and a thick border marks it in forced-colors mode. A server component.
 * @example <Alert variant="success" title="Case saved">Case 42 was updated.</Alert>
 */
export function Alert({ variant = 'info', title, headingLevel = 2, live, children }: AlertProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={cx('cob-alert', `cob-alert--${variant}`)} role={live}>
      {title ? <Heading className="cob-alert__title">{title}</Heading> : null}
      <div className="cob-alert__body">{children}</div>
    </div>
  );
}
