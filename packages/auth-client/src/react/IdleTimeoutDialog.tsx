import { useEffect, useId, useRef } from 'react';

/** The keys of the dialog's strings, as the ui kit's catalogues name them. */
export type IdleTimeoutMessageKey =
  | 'session.idleTitle'
  | 'session.idleWarningMinutes'
  | 'session.idleWarningSeconds'
  | 'session.idleWarningMoment'
  | 'session.staySignedIn'
  | 'session.signOutNow';

/**
 * A string lookup for the dialog: `@cityofboston/ui`'s `useI18n().t` fits, so the dialog speaks
 * the kit's twelve languages, with CLDR plurals for the minutes and seconds.
 */
export type IdleTimeoutTranslate = (
  key: IdleTimeoutMessageKey,
  values?: { count: number },
) => string;

const ENGLISH: Record<IdleTimeoutMessageKey, string> = {
  'session.idleTitle': 'Are you still there?',
  'session.idleWarningMinutes':
    'For your security, you will be signed out in about {count} minutes because of inactivity.',
  'session.idleWarningSeconds':
    'For your security, you will be signed out in {count} seconds because of inactivity.',
  'session.idleWarningMoment':
    'For your security, you will be signed out in a moment because of inactivity.',
  'session.staySignedIn': 'Stay signed in',
  'session.signOutNow': 'Sign out now',
};

/** English, for an app without the ui kit (counts here are always 2 or more). */
export const englishIdleTimeout: IdleTimeoutTranslate = (key, values) =>
  ENGLISH[key].replace('{count}', String(values?.count ?? ''));

/** Props of {@link IdleTimeoutDialog}. */
export interface IdleTimeoutDialogProps {
  /** Seconds until the session ends. */
  secondsLeft: number;
  onStaySignedIn(): void;
  onSignOut(): void;
  /** The strings; pass `useI18n().t` from `@cityofboston/ui`. Default English. */
  t?: IdleTimeoutTranslate;
}

function warning(t: IdleTimeoutTranslate, seconds: number): string {
  if (seconds >= 90) return t('session.idleWarningMinutes', { count: Math.round(seconds / 60) });
  if (seconds > 1)
    return t('session.idleWarningSeconds', { count: Math.max(1, Math.round(seconds)) });
  return t('session.idleWarningMoment');
}

/**
 * The warning before an idle session ends: a modal `alertdialog` (WCAG 2.2.1 Timing Adjustable)
 * that takes focus, keeps Tab inside, closes on Escape by staying signed in, and gives focus back
 * to where it was. {@link AuthProvider} shows it; it is exported for apps that render their own.
 */
export function IdleTimeoutDialog({
  secondsLeft,
  onStaySignedIn,
  onSignOut,
  t = englishIdleTimeout,
}: IdleTimeoutDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const stayRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    stayRef.current?.focus();
    return () => {
      if (previous && typeof previous.focus === 'function' && previous.isConnected)
        previous.focus();
    };
  }, []);

  // Escape and the Tab trap, as the WAI-ARIA dialog pattern asks; a native listener because the
  // dialog element itself is not interactive.
  const latestStay = useRef(onStaySignedIn);
  latestStay.current = onStaySignedIn;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        latestStay.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>('button')];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('keydown', onKeyDown);
    return () => dialog.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div
      className="city-auth-idle-backdrop"
      style={{
        position: 'fixed',
        inset: 0,
        background: 'rgb(0 0 0 / 0.5)',
        display: 'grid',
        placeItems: 'center',
        zIndex: 1000,
      }}
    >
      <div
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="city-auth-idle-dialog"
        style={{
          background: 'var(--city-surface, #fff)',
          color: 'var(--city-text, #091f2f)',
          padding: '1.5rem',
          maxWidth: '28rem',
          borderRadius: 4,
        }}
      >
        <h2 id={titleId}>{t('session.idleTitle')}</h2>
        <p id={descriptionId}>{warning(t, secondsLeft)}</p>
        <div style={{ display: 'flex', gap: '0.75rem' }}>
          <button ref={stayRef} type="button" onClick={onStaySignedIn}>
            {t('session.staySignedIn')}
          </button>
          <button type="button" onClick={onSignOut}>
            {t('session.signOutNow')}
          </button>
        </div>
      </div>
    </div>
  );
}
