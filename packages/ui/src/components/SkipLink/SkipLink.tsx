'use client';
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { enSkipLink } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { cx } from '../../internal/cx.js';

/** Props of {@link SkipLink}. */
export interface SkipLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  /** Where to skip to. Default `#main`, the id {@link PageLayout} gives its `<main>`. */
  href?: string;
  /** Link text. Default: the localized "Skip to main content". */
  children?: ReactNode;
}

/**
 * The first focusable element of a page (WCAG 2.4.1 Bypass Blocks): hidden until focused.
 * @example <SkipLink href="#main" />
 */
export function SkipLink({ href = '#main', children, className, onClick, ...rest }: SkipLinkProps) {
  const { t } = useStrings(enSkipLink);
  // Move focus explicitly: some browsers scroll to a fragment without moving focus, and a target
  // without tabindex is not focusable. Without JavaScript the plain link still works.
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !href.startsWith('#')) return;
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  };
  return (
    <a {...rest} href={href} onClick={handleClick} className={cx('cob-skip-link', className)}>
      {children ?? t('skipToMain')}
    </a>
  );
}
