'use client';
import type { CLASSIFICATIONS } from '@cityofboston/standards-schema';
import { enClassification, enLabel } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';

/** The English strings this component shows (without an I18nProvider). */
const STRINGS = { ...enClassification, ...enLabel };

/** standards-schema's classification levels: `public` < `internal` < `confidential` < `restricted`. */
export type ClassificationLevel = (typeof CLASSIFICATIONS)[number];

const LABELS: Record<ClassificationLevel, keyof typeof enClassification> = {
  public: 'classificationPublic',
  internal: 'classificationInternal',
  confidential: 'classificationConfidential',
  restricted: 'classificationRestricted',
};

/** Props of {@link ClassificationBadge}. */
export interface ClassificationBadgeProps {
  /** The record's or field's classification (standards-schema's `Classification`). */
  level: ClassificationLevel;
  /** `sm` for a field next to its label. Default `md`. */
  size?: 'sm' | 'md';
}

/**
 * Shows a data classification (public, internal, confidential, restricted) as text with a
 * colour per level; the word "Classification" is read before it by screen readers.
 * @example <ClassificationBadge level="confidential" />
 */
export function ClassificationBadge({ level, size = 'md' }: ClassificationBadgeProps) {
  const { t } = useStrings(STRINGS);
  return (
    <span className={`cob-classification cob-classification--${level} cob-classification--${size}`}>
      <span className="cob-visually-hidden">
        {t('labelPrefix', { label: t('classification') })}
      </span>
      {t(LABELS[level])}
    </span>
  );
}
