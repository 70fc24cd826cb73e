'use client';
import { enLabel, enPunctuation, enStepIndicator } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { CheckIcon } from '../../internal/icons.js';

/** The English strings this component shows (without an I18nProvider). */
const STRINGS = { ...enStepIndicator, ...enLabel, ...enPunctuation };

/** Props of {@link StepIndicator}. */
export interface StepIndicatorProps {
  /** The steps' names, in order. */
  steps: readonly string[];
  /** The current step, from 0. */
  current: number;
}

/**
 * Where the user is in a multi-page form: "Step 2 of 4", then each step with its state in
 * words (completed, current, not started), not only in colour: a completed step also has a tick
 * and a solid bar, a step not started a dashed bar, which stay distinct in forced-colors mode.
 * @example <StepIndicator steps={['Location', 'Details', 'Contact', 'Review']} current={1} />
 */
export function StepIndicator({ steps, current }: StepIndicatorProps) {
  const { t } = useStrings(STRINGS);
  const stepOf = t('stepOf', { step: current + 1, total: steps.length });
  return (
    <div className="cob-steps">
      <p className="cob-steps__heading">
        {steps[current] ? `${t('labelPrefix', { label: stepOf })}${steps[current]}` : stepOf}
      </p>
      <ol className="cob-steps__list">
        {steps.map((step, index) => {
          const state =
            index < current ? 'completed' : index === current ? 'current' : 'notStarted';
          return (
            <li
              key={step}
              className={`cob-steps__step cob-steps__step--${state}`}
              aria-current={index === current ? 'step' : undefined}
            >
              {state === 'completed' ? <CheckIcon className="cob-steps__check" /> : null}
              {step}
              <span className="cob-visually-hidden">{t('aside', { text: t(state) })}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
