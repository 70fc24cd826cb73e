'use client';
import { type ReactNode, useId, useState } from 'react';
import { enOfficialBanner } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { LockIcon } from '../../internal/icons.js';
import { useMunicipality } from '../../municipality/context.js';

/** Props of {@link OfficialBanner}. */
export interface OfficialBannerProps {
  /** The banner's statement. Default: the municipality's, in the page's language. */
  statement?: ReactNode;
  /** The official domain named in the details. Default: the municipality's (`boston.gov`). */
  domain?: string;
}

/**
 * "An official website of …" (the municipality from `MunicipalityProvider`, Boston by default),
 * with a disclosure button (Enter or Space) explaining how to tell an official site.
 * @example <OfficialBanner />
 */
export function OfficialBanner({ statement, domain }: OfficialBannerProps) {
  const { t, locale } = useStrings(enOfficialBanner);
  const municipality = useMunicipality();
  const label = typeof statement === 'string' ? statement : municipality.officialBanner;
  // The municipality may not have the statement in this language yet: then it is English.
  const lang = municipality.lang === locale ? undefined : municipality.lang;
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <section className="cob-official-banner" aria-label={label}>
      <p className="cob-official-banner__bar">
        {statement ?? <span lang={lang}>{municipality.officialBanner}</span>}{' '}
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
            {t('officialBannerDomain', { domain: domain ?? municipality.officialDomain })}
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
