'use client';
import { enLoading } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** Props of {@link Spinner}. */
export interface SpinnerProps {
  /** What is loading, announced politely. Default: the localized "Loading". */
  label?: string;
  /** Default `md`. */
  size?: 'sm' | 'md' | 'lg';
}

/**
 * An indeterminate loading indicator in a polite live region. Its rotation stops under
 * `prefers-reduced-motion`.
 * @example <Spinner label="Loading cases" />
 */
export function Spinner({ label, size = 'md' }: SpinnerProps) {
  const { t } = useStrings(enLoading);
  return (
    <span className={`cob-spinner-wrap cob-spinner-wrap--${size}`} role="status">
      {/* Loading feedback is essential motion; it slows under reduced motion (Spinner.css). */}
      <span className="cob-spinner" aria-hidden="true" data-cob-motion="essential" />
      <span className="cob-visually-hidden">{label ?? t('loading')}</span>
    </span>
  );
}
