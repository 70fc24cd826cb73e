'use client';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { enToggletip } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** Props of {@link Toggletip}. */
export interface ToggletipProps {
  /** The extra information: short, plain text or a link. */
  children: ReactNode;
  /** The button's accessible name, naming what it explains. Default "More information". */
  label?: string;
}

/**
 * A small "i" button that shows a short explanation on click, tap or Enter (a toggletip, as
 * Inclusive Components and GCDS describe it), instead of a hover-only tooltip that touch and
 * keyboard users cannot reach. The text appears in a live region so it is read out; Escape or a
 * click elsewhere closes it (WCAG 1.4.13).
 * @example <label>Parcel ID <Toggletip label="About parcel IDs">The 10-digit number on your tax bill.</Toggletip></label>
 */
export function Toggletip({ children, label }: ToggletipProps) {
  const { t } = useStrings(enToggletip);
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      ) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);
  return (
    <span className="cob-toggletip" ref={root}>
      <button
        type="button"
        className="cob-toggletip__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">i</span>
        <span className="cob-visually-hidden">{label ?? t('moreInformation')}</span>
      </button>
      <span id={id} role="status" className="cob-toggletip__bubble-region">
        {open ? <span className="cob-toggletip__bubble">{children}</span> : null}
      </span>
    </span>
  );
}
