'use client';
import { useCallback } from 'react';

/** How urgently a message is announced. */
export type Politeness = 'polite' | 'assertive';

const regions = new Map<Politeness, HTMLElement>();

function region(politeness: Politeness): HTMLElement {
  const existing = regions.get(politeness);
  if (existing?.isConnected) return existing;
  const el = document.createElement('div');
  el.setAttribute('aria-live', politeness);
  el.setAttribute('aria-atomic', 'true');
  el.setAttribute('data-cob-announcer', politeness);
  el.className = 'cob-visually-hidden';
  document.body.appendChild(el);
  regions.set(politeness, el);
  return el;
}

/**
 * Announces a message to screen readers through a shared, visually hidden live region
 * (WCAG 4.1.3 Status Messages), e.g. "12 results" after filtering or "Case saved".
 * The region exists before the text changes, so announcements are not lost.
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
