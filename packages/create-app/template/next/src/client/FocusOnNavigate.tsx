'use client';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * Moves focus to the page heading after a client-side navigation, as a page load would, so
 * keyboard and screen reader users start at the new page's top.
 */
export function FocusOnNavigate() {
  const path = usePathname();
  const first = useRef(path);
  useEffect(() => {
    if (path === first.current) return;
    first.current = '';
    const h1 = document.querySelector('main h1');
    if (h1 instanceof HTMLElement) {
      h1.tabIndex = -1;
      h1.focus();
    }
  }, [path]);
  return null;
}
