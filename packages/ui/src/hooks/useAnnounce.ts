'use client';
import { useCallback } from 'react';

/** How urgently a message is announced. */
export type Politeness = 'polite' | 'assertive';

const regions = new WeakMap<Element, Map<Politeness, HTMLElement>>();

/**
 * Where the live region must live. While a modal is open everything outside it is inert (native
 * `<dialog>`) or `aria-hidden` (react-aria overlays), and screen readers ignore live regions
 * there, so the region goes inside the top-most open modal; otherwise into `<body>`.
 */
function host(): Element {
  let modals: Element[] = [];
  try {
    modals = [...document.querySelectorAll('dialog:modal, [aria-modal="true"]')].filter(
      (el) => !(el instanceof HTMLDialogElement) || el.open,
    );
  } catch {
    // A DOM without `:modal` (older engines, jsdom): fall back to aria-modal alone.
    modals = [...document.querySelectorAll('dialog[open][aria-modal="true"], [aria-modal="true"]')];
  }
  return modals.at(-1) ?? document.body;
}

function region(politeness: Politeness): HTMLElement {
  const parent = host();
  let byPoliteness = regions.get(parent);
  if (!byPoliteness) {
    byPoliteness = new Map();
    regions.set(parent, byPoliteness);
  }
  const existing = byPoliteness.get(politeness);
  if (existing?.isConnected && existing.parentElement === parent) return existing;
  const el = document.createElement('div');
  el.setAttribute('aria-live', politeness);
  el.setAttribute('aria-atomic', 'true');
  el.setAttribute('data-cob-announcer', politeness);
  // react-aria's overlays hide everything outside an open popover with aria-hidden, except
  // elements marked as live announcers: without this a combobox's messages were never heard.
  el.setAttribute('data-live-announcer', 'true');
  el.className = 'cob-visually-hidden';
  parent.appendChild(el);
  byPoliteness.set(politeness, el);
  return el;
}

/**
 * Announces a message to screen readers through a shared, visually hidden live region
 * (WCAG 4.1.3 Status Messages), e.g. "12 results" after filtering or "Case saved".
 * The region exists before the text changes, so announcements are not lost; while a modal dialog
 * is open the region is inside it, since the page behind a modal is hidden from screen readers.
 * @example
 * const announce = useAnnounce();
 * announce(`${count} results`);
 */
export function useAnnounce(): (message: string, politeness?: Politeness) => void {
  return useCallback((message: string, politeness: Politeness = 'polite') => {
    if (typeof document === 'undefined') return;
    const el = region(politeness);
    // Clear first, then set on the next frame: repeated identical messages are re-announced.
    el.textContent = '';
    const set = () => {
      el.textContent = message;
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(set);
    else set();
  }, []);
}
