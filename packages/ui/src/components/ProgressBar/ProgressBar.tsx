'use client';
import { enProgressBar } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** What is progressing; names the progress bar. */
  label: string;
  /** Current value, from 0 to `max`. */
  value: number;
  /** Default 100. */
  max?: number;
}

/**
 * A determinate progress bar (`role="progressbar"`) with a visible percentage, so the value is
 * not conveyed by the bar's length alone.
 * @example <ProgressBar label="Uploading photos" value={40} />
 */
export function ProgressBar({ label, value, max = 100 }: ProgressBarProps) {
  const { t } = useStrings(enProgressBar);
  const clamped = Math.min(Math.max(value, 0), max);
  const percent = max > 0 ? Math.round((clamped / max) * 100) : 0;
  const text = t('progress', { percent });
  return (
    <div className="cob-progress">
      <div className="cob-progress__label">
        <span>{label}</span> <span aria-hidden="true">{text}</span>
      </div>
      <div
        className="cob-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={clamped}
        aria-valuetext={text}
      >
        <div className="cob-progress__fill" style={{ inlineSize: `${percent}%` }} />
      </div>
    </div>
  );
}
