import type { ReactNode } from 'react';

/** Props of {@link Card}. */
export interface CardProps {
  /** The card's heading. */
  title: ReactNode;
  /** Heading level, to fit the page outline (WCAG 1.3.1). Default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Makes the heading a link; the whole card is then clickable through it. */
  href?: string;
  /** Small text above the title, e.g. a category. */
  eyebrow?: ReactNode;
  /** Actions or metadata at the bottom. */
  footer?: ReactNode;
  children?: ReactNode;
}

/**
 * A content summary with a heading. When `href` is set, the heading's link stretches over the
 * card, so there is one link per card for screen readers. A server component.
 * @example <Card title="Case 42" href="/cases/42">Pothole on Main St</Card>
 */
export function Card({ title, headingLevel = 2, href, eyebrow, footer, children }: CardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={href ? 'cob-card cob-card--link' : 'cob-card'}>
      {eyebrow ? <p className="cob-card__eyebrow">{eyebrow}</p> : null}
      <Heading className="cob-card__title">
        {href ? (
          <a className="cob-card__link" href={href}>
            {title}
          </a>
        ) : (
          title
        )}
      </Heading>
      {children ? <div className="cob-card__body">{children}</div> : null}
      {footer ? <div className="cob-card__footer">{footer}</div> : null}
    </article>
  );
}
