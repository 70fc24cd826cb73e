'use client';
import type { ReactNode } from 'react';
import { enPhaseBanner } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** Props of {@link PhaseBanner}. */
export interface PhaseBannerProps {
  /** The service's phase. */
  phase: 'alpha' | 'beta';
  /** Usually: "This is a new service. Your feedback will help us improve it." with a link. */
  children: ReactNode;
}

/**
 * Says the service is new and still being tested (GOV.UK "Phase banner"), under the header.
 * @example <PhaseBanner phase="beta">This is a new service. <a href="/feedback">Give feedback</a>.</PhaseBanner>
 */
export function PhaseBanner({ phase, children }: PhaseBannerProps) {
  const { t } = useStrings(enPhaseBanner);
  return (
    <div className="cob-phase-banner">
      <p className="cob-phase-banner__content">
        <strong className="cob-tag cob-phase-banner__tag">
          {t(phase === 'alpha' ? 'phaseAlpha' : 'phaseBeta')}
        </strong>
        <span>{children}</span>
      </p>
    </div>
  );
}
