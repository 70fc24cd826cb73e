'use client';
import { type ReactNode, useId, useState } from 'react';
import { ChevronIcon } from '../../internal/icons.js';

/** Props of {@link Disclosure}. */
export interface DisclosureProps {
  /** The button's text. */
  summary: ReactNode;
  /** Open initially (uncontrolled). */
  defaultOpen?: boolean;
  /** Open state (controlled). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Wrap the button in a heading of this level (for accordions). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  children?: ReactNode;
}

/**
 * Shows and hides content: a button with `aria-expanded` controlling a region (WAI-ARIA
 * disclosure pattern). Enter and Space toggle it.
 * @example <Disclosure summary="Why we ask for your address">…</Disclosure>
 */
export function Disclosure({
  summary,
  defaultOpen = false,
  open,
  onOpenChange,
  headingLevel,
  children,
}: DisclosureProps) {
  const [internal, setInternal] = useState(defaultOpen);
  const isOpen = open ?? internal;
  const id = useId();
  const button = (
    <button
      type="button"
      className="cob-disclosure__button"
      aria-expanded={isOpen}
      aria-controls={id}
      onClick={() => {
        setInternal(!isOpen);
        onOpenChange?.(!isOpen);
      }}
    >
      <ChevronIcon className="cob-disclosure__icon" />
      {summary}
    </button>
  );
  const Heading = headingLevel ? (`h${headingLevel}` as const) : null;
  return (
    <div className={isOpen ? 'cob-disclosure cob-disclosure--open' : 'cob-disclosure'}>
      {Heading ? <Heading className="cob-disclosure__heading">{button}</Heading> : button}
      <div id={id} className="cob-disclosure__panel" hidden={!isOpen}>
        {children}
      </div>
    </div>
  );
}
