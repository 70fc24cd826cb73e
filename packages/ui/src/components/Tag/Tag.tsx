import type { ReactNode } from 'react';

/** Props of {@link Tag}. */
export interface TagProps {
  children: ReactNode;
}

/**
 * A short status label such as "Open" or "Assigned". Not interactive. A server component.
 * @example <Tag>Open</Tag>
 */
export function Tag({ children }: TagProps) {
  return <strong className="cob-tag">{children}</strong>;
}
