'use client';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { enCookieBanner } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** Props of {@link CookieBanner}. */
export interface CookieBannerProps {
  /** The banner's heading, e.g. "Cookies on Boston 311". */
  title: ReactNode;
  /** What the cookies are for. */
  children: ReactNode;
  /** The cookies page. */
  cookiesHref: string;
  /** Store the choice (a cookie, the app's consent store). Called before the confirmation. */
  onChoice: (accepted: boolean) => void;
  /** Called when the resident hides the confirmation message. */
  onHide?: () => void;
}

/**
 * Asks for consent to non-essential cookies (GOV.UK "Cookie banner"), at the very top of the
 * page, before the skip link's target. Accept and Reject are equal buttons; after a choice the
 * question is replaced by a confirmation that takes focus and can be hidden. Render it only while
 * the choice is unknown.
 * @example <CookieBanner title="Cookies on Boston 311" cookiesHref="/cookies" onChoice={save}>We use…</CookieBanner>
 */
export function CookieBanner({
  title,
  children,
  cookiesHref,
  onChoice,
  onHide,
}: CookieBannerProps) {
  const { t } = useStrings(enCookieBanner);
  const titleId = useId();
  const [choice, setChoice] = useState<boolean | null>(null);
  const [hidden, setHidden] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (choice !== null) confirmation.current?.focus();
  }, [choice]);
  if (hidden) return null;
  const choose = (accepted: boolean) => {
    onChoice(accepted);
    setChoice(accepted);
  };
  return (
    <section className="cob-cookie-banner" aria-labelledby={titleId}>
      {choice === null ? (
        <div className="cob-cookie-banner__inner">
          <h2 className="cob-cookie-banner__title" id={titleId}>
            {title}
          </h2>
          <div className="cob-cookie-banner__body">{children}</div>
          <div className="cob-cookie-banner__actions">
            <button
              type="button"
              className="cob-button cob-button--primary"
              onClick={() => choose(true)}
            >
              {t('acceptCookies')}
            </button>
            <button
              type="button"
              className="cob-button cob-button--primary"
              onClick={() => choose(false)}
            >
              {t('rejectCookies')}
            </button>
            <a className="cob-link" href={cookiesHref}>
              {t('viewCookies')}
            </a>
          </div>
        </div>
      ) : (
        <div className="cob-cookie-banner__inner" ref={confirmation} tabIndex={-1} role="alert">
          <h2 className="cob-cookie-banner__title" id={titleId}>
            {title}
          </h2>
          <p className="cob-cookie-banner__body">
            {t(choice ? 'cookiesAccepted' : 'cookiesRejected')}
          </p>
          <div className="cob-cookie-banner__actions">
            <button
              type="button"
              className="cob-button cob-button--secondary"
              onClick={() => {
                setHidden(true);
                onHide?.();
              }}
            >
              {t('hideCookieMessage')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
