'use client';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { enAlert, enNotificationBanner } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';

/** The English strings this component shows (without an I18nProvider). */
const STRINGS = { ...enNotificationBanner, ...enAlert };

/** Props of {@link NotificationBanner}. */
export interface NotificationBannerProps {
  /**
   * `important` (default): something the resident needs to know about the service, present when
   * the page loads. `success`: the result of what they just did; it is announced and takes focus.
   */
  variant?: 'important' | 'success';
  /** The banner's title. Default "Important" or "Success" in the current language. */
  title?: ReactNode;
  /** Heading level of the main message, if you give one inside `children`. */
  children: ReactNode;
  /** Move focus to a success banner when it appears. Default true for `success`. */
  autoFocus?: boolean;
}

/**
 * A message about the whole service or the result of an action (GOV.UK "Notification banner"),
 * at the top of the main content. A labelled region; a success banner is an `alert` that takes
 * focus, so a screen reader hears it at once.
 * @example <NotificationBanner variant="success">Your address was updated.</NotificationBanner>
 */
export function NotificationBanner({
  variant = 'important',
  title,
  children,
  autoFocus = variant === 'success',
}: NotificationBannerProps) {
  const { t } = useStrings(STRINGS);
  const titleId = useId();
  const ref = useRef<HTMLElement & HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const className = cx('cob-notification-banner', `cob-notification-banner--${variant}`);
  const body = (
    <>
      <div className="cob-notification-banner__header">
        <h2 className="cob-notification-banner__title" id={titleId}>
          {title ?? t(variant === 'success' ? 'alertSuccess' : 'important')}
        </h2>
      </div>
      <div className="cob-notification-banner__content">{children}</div>
    </>
  );
  const tabIndex = autoFocus ? -1 : undefined;
  return variant === 'success' ? (
    <div ref={ref} className={className} role="alert" aria-labelledby={titleId} tabIndex={tabIndex}>
      {body}
    </div>
  ) : (
    <section ref={ref} className={className} aria-labelledby={titleId} tabIndex={tabIndex}>
      {body}
    </section>
  );
}
