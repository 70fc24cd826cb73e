import { type ReactNode, useId } from 'react';

/** An action in a {@link SummaryCard}'s title bar, e.g. "Change" or "Delete". */
export interface SummaryCardAction {
  href: string;
  label: string;
}

/** Props of {@link SummaryCard}. */
export interface SummaryCardProps {
  /** Names the card, e.g. "Contact 1" or "Property at 1 City Hall Sq". */
  title: string;
  /** Heading level of the title. Default 2. */
  headingLevel?: 2 | 3 | 4;
  /** Links that act on the whole card; each gets the card's title as hidden context. */
  actions?: readonly SummaryCardAction[];
  /** Usually a {@link SummaryList}. */
  children: ReactNode;
}

/**
 * A titled group of answers with actions for the whole group (GOV.UK "Summary card"), used when
 * a check-answers page repeats the same questions, e.g. for several contacts. A server component.
 * @example
 * <SummaryCard title="Contact 1" actions={[{ href: '/contacts/1', label: 'Change' }]}>
 *   <SummaryList rows={rows} />
 * </SummaryCard>
 */
export function SummaryCard({ title, headingLevel = 2, actions = [], children }: SummaryCardProps) {
  const Heading = `h${headingLevel}` as const;
  const id = useId();
  return (
    <section className="cob-summary-card" aria-labelledby={id}>
      <div className="cob-summary-card__title-bar">
        <Heading className="cob-summary-card__title" id={id}>
          {title}
        </Heading>
        {actions.length > 0 ? (
          <ul className="cob-summary-card__actions">
            {actions.map((action) => (
              <li key={action.href + action.label}>
                <a href={action.href} className="cob-link">
                  {action.label}
                  <span className="cob-visually-hidden">{` (${title})`}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="cob-summary-card__body">{children}</div>
    </section>
  );
}
