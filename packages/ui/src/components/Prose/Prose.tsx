import type { ReactNode } from 'react';

/** Props of {@link Prose}. */
export interface ProseProps {
  /** Rich text: headings, paragraphs, lists, links, as HTML elements (e.g. from a CMS). */
  children: ReactNode;
}

/**
 * Styles running text that the app does not class itself (a CMS page, help text): the heading
 * type scale in Montserrat, body text in the body face, a readable line length, list and link
 * spacing. A server component.
 * @example <Prose><h2>How to apply</h2><p>Apply online or in person.</p></Prose>
 */
export function Prose({ children }: ProseProps) {
  return <div className="cob-prose">{children}</div>;
}
