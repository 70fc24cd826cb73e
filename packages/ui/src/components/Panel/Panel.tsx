import type { ReactNode } from 'react';

/** Props of {@link Panel}. */
export interface PanelProps {
  /** What happened, e.g. "Application complete". */
  title: ReactNode;
  /** Default 1: the panel is usually the page's heading. */
  headingLevel?: 1 | 2;
  /** The reference number or next step. */
  children?: ReactNode;
}

/**
 * The confirmation panel at the end of a transaction (GOV.UK "Panel"): a large heading and the
 * reference the resident needs. A server component.
 * @example <Panel title="Application complete">Your reference number<br /><strong>HDJ2123F</strong></Panel>
 */
export function Panel({ title, headingLevel = 1, children }: PanelProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="cob-panel">
      <Heading className="cob-panel__title">{title}</Heading>
      {children ? <div className="cob-panel__body">{children}</div> : null}
    </div>
  );
}
