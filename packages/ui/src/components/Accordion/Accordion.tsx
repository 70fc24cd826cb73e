'use client';
import type { ReactNode } from 'react';
import { Disclosure } from '../Disclosure/Disclosure.js';

/** A section of an {@link Accordion}. */
export interface AccordionItem {
  id: string;
  title: ReactNode;
  content: ReactNode;
  defaultOpen?: boolean;
}

/** Props of {@link Accordion}. */
export interface AccordionProps {
  items: readonly AccordionItem[];
  /** Level of each section's heading, to fit the page outline. Default 3. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

/**
 * Stacked sections, each a {@link Disclosure} inside a heading (WAI-ARIA accordion pattern);
 * sections open independently.
 * @example <Accordion items={[{ id: 'hours', title: 'Hours', content: <p>9 to 5</p> }]} />
 */
export function Accordion({ items, headingLevel = 3 }: AccordionProps) {
  return (
    <div className="cob-accordion">
      {items.map((item) => (
        <div key={item.id} className="cob-accordion__item">
          <Disclosure
            summary={item.title}
            headingLevel={headingLevel}
            defaultOpen={item.defaultOpen ?? false}
          >
            {item.content}
          </Disclosure>
        </div>
      ))}
    </div>
  );
}
