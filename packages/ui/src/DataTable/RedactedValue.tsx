import { useI18n } from '../i18n/I18nProvider.js';

/** Props of {@link RedactedValue}. */
export interface RedactedValueProps {
  /** The field's name as the viewer knows it, e.g. "Email"; read out to screen readers. */
  field: string;
}

/**
 * What a viewer sees where a field is above their clearance. Minimal stand-in, local to the
 * DataTable until the kit's own `RedactedValue` (issue 6) lands: it never receives the value,
 * so there is nothing to leak. Sighted users see a neutral bar and "Redacted"; screen readers
 * hear "Hidden: your access level does not allow you to see this {field}".
 */
export function RedactedValue({ field }: RedactedValueProps) {
  const { t } = useI18n();
  return (
    <span className="cob-datatable__redacted" title={t('redactedDescription', { field })}>
      <span aria-hidden="true">{t('redacted')}</span>
      <span className="cob-visually-hidden">{t('redactedDescription', { field })}</span>
    </span>
  );
}
