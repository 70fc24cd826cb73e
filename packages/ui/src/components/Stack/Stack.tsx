import type { ReactNode } from 'react';

/** Space between a {@link Stack}'s children, from the spacing scale. */
export type StackGap = 1 | 2 | 3 | 4 | 6 | 8;

/** Props of {@link Stack}. */
export interface StackProps {
  /** Default 4 (1rem). */
  gap?: StackGap;
  /** The element rendered. Default `div`. */
  as?: 'div' | 'section' | 'ul' | 'ol' | 'form';
  children: ReactNode;
}

/**
 * Children one under another with even space between them, from the spacing tokens. A server
 * component.
 * @example <Stack gap={6}><TextField label="Name" /><Button>Continue</Button></Stack>
 */
export function Stack({ gap = 4, as: Element = 'div', children }: StackProps) {
  return (
    <Element
      className="cob-stack"
      style={{ '--cob-stack-gap': `var(--cob-space-${gap})` } as never}
    >
      {children}
    </Element>
  );
}
