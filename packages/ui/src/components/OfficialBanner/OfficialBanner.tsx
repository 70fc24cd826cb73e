'use client';
import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { LockIcon } from '../../internal/icons.js';

/** Props of {@link OfficialBanner}. */
export interface OfficialBannerProps {
  /** The banner's statement. Default: "An official website of the City of Boston" (localized). */
  statement?: ReactNode;
  /** The official domain named in the details. Default `boston.gov`. */
  domain?: string;
}

/**
 * "An official website of the City of Boston", with a disclosure button (Enter or Space)
 * explaining how to tell an official site.
 * @example <OfficialBanner />
 */
export function OfficialBanner({ statement, domain = 'boston.gov' }: OfficialBannerProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <section className="cob-official-banner" aria-label={t('officialBanner')}>
      <p className="cob-official-banner__bar">
        <span>{statement ?? t('officialBanner')}</span>{' '}
        <button
          type="button"
          className="cob-official-banner__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          {t('officialBannerToggle')}
        </button>
      </p>
      <div className="cob-official-banner__body" id={bodyId} hidden={!open}>
        <div>
          <p className="cob-official-banner__heading">
            {t('officialBannerDomain').replace('boston.gov', domain)}
          </p>
          <p>{t('officialBannerDomainBody')}</p>
        </div>
        <div>
          <p className="cob-official-banner__heading">
            <LockIcon /> {t('officialBannerHttps')}
          </p>
          <p>{t('officialBannerHttpsBody')}</p>
        </div>
      </div>
    </section>
  );
}
