import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

/** Props of {@link Link}. */
export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  /** `standalone` is bold, for a link on its own line. Default `inline`. */
  variant?: 'inline' | 'standalone';
  /**
   * Opens in a new tab; `newTabHint` is appended for screen readers and sighted users alike
   * (WCAG 3.2.5 advisory). Default hint "(opens in a new tab)".
   */
  external?: boolean;
  /** The hint added to external links. */
  newTabHint?: string;
  children?: ReactNode;
}

/**
 * A link styled to the City's palette, underlined so colour is not the only cue (WCAG 1.4.1).
 * A server component; pass your router's link as a child of the `asChild` pattern if you need one.
 * @example <Link href="/cases/42">Case 42</Link>
 */
export function Link({
  variant = 'inline',
  external = false,
  newTabHint = '(opens in a new tab)',
  className,
  children,
  ...rest
}: LinkProps) {
  return (
    <a
      {...rest}
      className={cx('cob-link', `cob-link--${variant}`, className)}
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
    >
      {children}
      {external ? <span className="cob-link__hint"> {newTabHint}</span> : null}
    </a>
  );
}
