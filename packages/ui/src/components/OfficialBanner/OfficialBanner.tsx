'use client';
import { type ReactNode, useId, useState } from 'react';
import { enOfficialBanner } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { LockIcon } from '../../internal/icons.js';
import { useMunicipality } from '../../municipality/context.js';
import { MunicipalityLogo } from '../../municipality/MunicipalityLogo.js';

/** Props of {@link OfficialBanner}. */
export interface OfficialBannerProps {
  /** The banner's statement. Default: the municipality's, in the page's language. */
  statement?: ReactNode;
  /** The official domain named in the details. Default: the municipality's (`boston.gov`). */
  domain?: string;
  /**
   * The small mark before the statement, decorative (as USWDS's banner shows the flag). Default:
   * the municipality's logo for light backgrounds, unless `statement` is given (then it may
   * speak for another body: pass its mark here); `false` for none.
   */
  mark?: ReactNode | false;
}

/**
 * "An official website of …" (the municipality from `MunicipalityProvider`, Boston by default)
 * after the municipality's small mark, with a disclosure button (Enter or Space) explaining how to tell an official site.
 * @example <OfficialBanner />
 */
export function OfficialBanner({ statement, domain, mark }: OfficialBannerProps) {
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
        {mark === false ? null : mark !== undefined ? (
          <span className="cob-municipality-logo cob-municipality-logo--banner" aria-hidden="true">
            {mark}
          </span>
        ) : statement === undefined ? (
          <MunicipalityLogo placement="banner" />
        ) : null}
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
