'use client';
import type { ReactNode } from 'react';
import { enBackLink } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { ChevronIcon } from '../../internal/icons.js';

/** Props of {@link BackLink}. */
export interface BackLinkProps {
  /** Where the previous page is. Link to it, not to `javascript:history.back()`. */
  href: string;
  /** Default "Back" in the current language. */
  children?: ReactNode;
}

/**
 * A link to the previous page of a transaction, above the page's content (GOV.UK "Back link").
 * The chevron points back in both writing directions.
 * @example <BackLink href="/apply/address" />
 */
export function BackLink({ href, children }: BackLinkProps) {
  const { t } = useStrings(enBackLink);
  return (
    <a className="cob-back-link" href={href}>
      <ChevronIcon className="cob-back-link__icon" />
      {children ?? t('back')}
    </a>
  );
}
