'use client';
import type { ReactNode } from 'react';
import { enAlert, enLabel } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from '../../internal/icons.js';

/** The English strings this component shows (without an I18nProvider). */
const STRINGS = { ...enAlert, ...enLabel };

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

const ICONS = { info: InfoIcon, success: SuccessIcon, warning: WarningIcon, error: ErrorIcon };
const NAMES: Record<AlertVariant, keyof typeof enAlert> = {
  info: 'alertInfo',
  success: 'alertSuccess',
  warning: 'alertWarning',
  error: 'alertError',
};

/**
 * An inline message. Colour is never the only cue (WCAG 1.4.1): each variant has its own icon
 * shape, which stays visible in forced-colors mode, and its name ("Warning:") leads the content
 * for screen readers, visually hidden.
 * @example <Alert variant="success" title="Case saved">Case 42 was updated.</Alert>
 */
export function Alert({ variant = 'info', title, headingLevel = 2, live, children }: AlertProps) {
  const { t } = useStrings(STRINGS);
  const Heading = `h${headingLevel}` as const;
  const Icon = ICONS[variant];
  const name = (
    <span className="cob-visually-hidden">{t('labelPrefix', { label: t(NAMES[variant]) })}</span>
  );
  return (
    <div className={cx('cob-alert', `cob-alert--${variant}`)} role={live} data-variant={variant}>
      <Icon className="cob-alert__icon" />
      <div className="cob-alert__content">
        {title ? (
          <Heading className="cob-alert__title">
            {name}
            {title}
          </Heading>
        ) : (
          name
        )}
        <div className="cob-alert__body">{children}</div>
      </div>
    </div>
  );
}
