import type { ReactNode } from 'react';

/** Props of {@link InsetText}. */
export interface InsetTextProps {
  children: ReactNode;
}

/**
 * Sets a quotation, an example or extra information apart from the text around it (GOV.UK
 * "Inset text"). A bar marks it, in forced-colors mode too. A server component.
 * @example <InsetText>It can take up to 8 weeks to process a permit.</InsetText>
 */
export function InsetText({ children }: InsetTextProps) {
  return <div className="cob-inset-text">{children}</div>;
}
