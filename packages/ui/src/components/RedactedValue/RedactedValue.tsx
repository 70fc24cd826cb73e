'use client';
import { enPunctuation, enRedacted } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { LockIcon } from '../../internal/icons.js';

/** The English strings this component shows (without an I18nProvider). */
const STRINGS = { ...enRedacted, ...enPunctuation };

/** Props of {@link RedactedValue}. */
export interface RedactedValueProps {
  /** The field's human name, e.g. "email address"; used in the explanation. */
  field: string;
  /**
   * A partly masked value from standards-schema's `redact()` (e.g. `"j•••@example.com"`), shown
   * as is; omit when the value was dropped entirely.
   */
  masked?: string;
}

/**
 * What a viewer sees where a field was redacted for their clearance. Screen readers hear
 * "Redacted" and why ("Hidden: your access level does not allow you to see this email address")
 * instead of a run of bullet characters.
 * @example <RedactedValue field="email address" masked="j•••@example.com" />
 */
export function RedactedValue({ field, masked }: RedactedValueProps) {
  const { t } = useStrings(STRINGS);
  const description = t('redactedDescription', { field });
  return (
    <span className="cob-redacted" title={description}>
      <LockIcon className="cob-redacted__icon" />
      {masked ? (
        <>
          <span aria-hidden="true">{masked}</span>
          <span className="cob-visually-hidden">
            {t('redacted')}
            {t('sentenceBreak')}
            {description}
          </span>
        </>
      ) : (
        <>
          <span>{t('redacted')}</span>
          <span className="cob-visually-hidden">
            {t('sentenceBreak')}
            {description}
          </span>
        </>
      )}
    </span>
  );
}
