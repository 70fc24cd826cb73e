import type { ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

/** A step of the heading type scale. */
export type HeadingSize = 'xl' | 'lg' | 'md' | 'sm';

/** Props of {@link Heading}. */
export interface HeadingProps {
  /** The outline level (h1–h6): what the heading is in the page's structure. */
  level: 1 | 2 | 3 | 4 | 5 | 6;
  /** How big it looks, separate from its level. Default from the level (h1 `xl`, h2 `lg`...). */
  size?: HeadingSize;
  /** A caption above the heading, e.g. the section of a form ("Apply for a permit"). */
  caption?: ReactNode;
  id?: string;
  children: ReactNode;
}

const DEFAULT_SIZE: Record<HeadingProps['level'], HeadingSize> = {
  1: 'xl',
  2: 'lg',
  3: 'md',
  4: 'sm',
  5: 'sm',
  6: 'sm',
};

/**
 * A heading in the kit's type scale (Montserrat, as Boston's brand asks for headings), with its
 * visual size independent of its level, and an optional caption that is part of the heading's
 * name. A server component.
 * @example <Heading level={1} caption="Apply for a resident parking permit">Your vehicle</Heading>
 */
export function Heading({ level, size, caption, id, children }: HeadingProps) {
  const Element = `h${level}` as const;
  return (
    <Element id={id} className={cx('cob-heading', `cob-heading--${size ?? DEFAULT_SIZE[level]}`)}>
      {caption ? (
        <>
          <span className="cob-heading__caption">{caption}</span>{' '}
        </>
      ) : null}
      {children}
    </Element>
  );
}
