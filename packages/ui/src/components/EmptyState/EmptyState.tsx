import type { ReactNode } from 'react';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: ReactNode;
  /** Heading level of the title. Default 2. */
  headingLevel?: 2 | 3 | 4;
  /** What to do next. */
  children?: ReactNode;
  /** A primary action, e.g. a "Create a case" button. */
  action?: ReactNode;
}

/**
 * What a list or search shows when it has nothing, with a way forward. A server component.
 * @example <EmptyState title="No open cases" action={<Button>Create a case</Button>} />
 */
export function EmptyState({ title, headingLevel = 2, children, action }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="cob-empty-state">
      <Heading className="cob-empty-state__title">{title}</Heading>
      {children ? <div className="cob-empty-state__body">{children}</div> : null}
      {action ? <div className="cob-empty-state__action">{action}</div> : null}
    </div>
  );
}
