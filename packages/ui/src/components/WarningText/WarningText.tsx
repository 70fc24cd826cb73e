'use client';
import type { ReactNode } from 'react';
import { enLabel, enWarningText } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** The English strings this component shows (without an I18nProvider). */
const STRINGS = { ...enWarningText, ...enLabel };

/** Props of {@link WarningText}. */
export interface WarningTextProps {
  /** What the resident must know, e.g. "You can be fined up to $300 if you do not register." */
  children: ReactNode;
}

/**
 * Important text the resident must not miss, such as a legal consequence (GOV.UK "Warning text").
 * The "!" icon is decorative; the word "Warning" is spoken before the text.
 * @example <WarningText>You can be fined up to $300 if you do not register.</WarningText>
 */
export function WarningText({ children }: WarningTextProps) {
  const { t } = useStrings(STRINGS);
  return (
    <div className="cob-warning-text">
      <span className="cob-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="cob-warning-text__text">
        <span className="cob-visually-hidden">
          {t('labelPrefix', { label: t('warningPrefix') })}
        </span>
        {children}
      </strong>
    </div>
  );
}
