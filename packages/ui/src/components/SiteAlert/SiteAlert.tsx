'use client';
import { type ReactNode, useState } from 'react';
import { enSiteAlert } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { CloseIcon } from '../../internal/icons.js';
import { IconButton } from '../IconButton/IconButton.js';

/** Props of {@link SiteAlert}. */
export interface SiteAlertProps {
  children: ReactNode;
  /** Let the user hide it. */
  dismissible?: boolean;
  /** Called after the user dismisses it (e.g. to remember the choice). */
  onDismiss?: () => void;
}

/**
 * A site-wide notice under the header (e.g. "City Hall is closed Monday"), in a labelled region.
 * Present on load, so not a live region: it would interrupt every page.
 * @example <SiteAlert dismissible>City Hall is closed Monday for the holiday.</SiteAlert>
 */
export function SiteAlert({ children, dismissible = false, onDismiss }: SiteAlertProps) {
  const { t } = useStrings(enSiteAlert);
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <section className="cob-site-alert" aria-label={t('siteAlert')}>
      <div className="cob-site-alert__inner">
        <div className="cob-site-alert__body">{children}</div>
        {dismissible ? (
          <IconButton
            label={t('dismiss')}
            icon={<CloseIcon />}
            className="cob-site-alert__dismiss"
            onClick={() => {
              setHidden(true);
              onDismiss?.();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
