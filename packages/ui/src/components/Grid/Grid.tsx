import type { ReactNode } from 'react';

/** Props of {@link Grid}. */
export interface GridProps {
  /**
   * The narrowest a column may get before the grid drops a column, as CSS, e.g. `'16rem'`.
   * Default `'18rem'`: three columns at 1280 px, one at 375 px.
   */
  minColumnWidth?: string;
  /** Default 6 (1.5rem), from the spacing scale. */
  gap?: 2 | 4 | 6 | 8;
  children: ReactNode;
}

/**
 * A responsive grid of equal columns (cards, link lists) that reflows without media queries, so
 * content never needs horizontal scrolling at 320 px (WCAG 1.4.10). A server component.
 * @example <Grid><Card title="Trash" href="/trash" /><Card title="Parking" href="/parking" /></Grid>
 */
export function Grid({ minColumnWidth = '18rem', gap = 6, children }: GridProps) {
  return (
    <div
      className="cob-grid"
      style={
        { '--cob-grid-min': minColumnWidth, '--cob-grid-gap': `var(--cob-space-${gap})` } as never
      }
    >
      {children}
    </div>
  );
}
