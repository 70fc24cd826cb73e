import type { ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

/** Colour of a {@link Tag}; the word inside always carries the meaning. */
export type TagVariant = 'info' | 'neutral' | 'success' | 'warning' | 'error';

/** Props of {@link Tag}. */
export interface TagProps {
  children: ReactNode;
  /** Default `info`. The text must say the status; the colour only reinforces it (WCAG 1.4.1). */
  variant?: TagVariant;
}

/**
 * A short status label such as "Open", "Closed" or "Overdue". Not interactive. A server component.
 * @example <Tag variant="success">Closed</Tag>
 */
export function Tag({ children, variant = 'info' }: TagProps) {
  return (
    <strong className={cx('cob-tag', variant !== 'info' && `cob-tag--${variant}`)}>
      {children}
    </strong>
  );
}
