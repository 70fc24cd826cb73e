import type { ReactNode } from 'react';

/** A row of a {@link SummaryList}. */
export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  /** E.g. a "Change" link; give it hidden text naming the row ("Change<span hidden> email</span>"). */
  action?: ReactNode;
}

/** Props of {@link SummaryList}. */
export interface SummaryListProps {
  rows: readonly SummaryListRow[];
}

/**
 * Key–value pairs as a description list, e.g. a case's details or a check-your-answers page.
 * A server component.
 * @example <SummaryList rows={[{ key: 'Status', value: 'Open' }]} />
 */
export function SummaryList({ rows }: SummaryListProps) {
  return (
    <dl className="cob-summary-list">
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their order
        <div className="cob-summary-list__row" key={index}>
          <dt className="cob-summary-list__key">{row.key}</dt>
          <dd className="cob-summary-list__value">{row.value}</dd>
          {row.action ? <dd className="cob-summary-list__action">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
