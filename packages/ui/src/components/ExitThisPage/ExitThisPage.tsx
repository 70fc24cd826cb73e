'use client';
import { useEffect, useRef, useState } from 'react';
import { enExitThisPage, enPunctuation } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** Props of {@link ExitThisPage}. */
export interface ExitThisPageProps {
  /** A neutral page to go to, e.g. a weather or search site. Replaces this page in history. */
  href: string;
  /**
   * What leaving does. Default: `location.replace(href)`, so Back does not return here. Give
   * your own to also clear the session first.
   */
  onExit?: (href: string) => void;
}

/** The English strings this component shows (without an I18nProvider). */
const STRINGS = { ...enExitThisPage, ...enPunctuation };

/** Three Shift presses within this window leave the page, as in GOV.UK Frontend. */
export const EXIT_SHIFT_WINDOW_MS = 5000;

/**
 * A quick way out for residents who may be at risk if someone sees the page (GOV.UK "Exit this
 * page"): a button that replaces the page with a neutral one, also triggered by pressing Shift
 * three times. Once triggered the page is covered at once, so nothing stays on screen while the
 * next page loads.
 * @example <ExitThisPage href="https://www.weather.gov" />
 */
export function ExitThisPage({ href, onExit }: ExitThisPageProps) {
  const { t } = useStrings(STRINGS);
  const [exiting, setExiting] = useState(false);
  const presses = useRef<number[]>([]);
  const exit = useRef(() => {});
  exit.current = () => {
    setExiting(true);
    if (onExit) onExit(href);
    else window.location.replace(href);
  };
  useEffect(() => {
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== 'Shift') return;
      const now = Date.now();
      presses.current = [...presses.current.filter((t0) => now - t0 < EXIT_SHIFT_WINDOW_MS), now];
      if (presses.current.length >= 3) {
        presses.current = [];
        exit.current();
      }
    };
    document.addEventListener('keyup', onKeyUp);
    return () => document.removeEventListener('keyup', onKeyUp);
  }, []);
  return (
    <div className="cob-exit-this-page">
      {/* biome-ignore lint/a11y/useSemanticElements: a link first, so leaving works before JavaScript loads (as GOV.UK's does); a button to assistive technology */}
      <a
        href={href}
        role="button"
        className="cob-button cob-button--danger cob-exit-this-page__button"
        onClick={(event) => {
          event.preventDefault();
          exit.current();
        }}
        onKeyDown={(event) => {
          // A link styled as a button must answer Space too.
          if (event.key === ' ') {
            event.preventDefault();
            exit.current();
          }
        }}
      >
        {t('exitThisPage')}
        <span className="cob-visually-hidden">
          {t('sentenceBreak')}
          {t('exitThisPageHint')}
        </span>
      </a>
      {exiting ? (
        <div className="cob-exit-this-page__overlay" role="status">
          {t('exitingPage')}
        </div>
      ) : null}
    </div>
  );
}
