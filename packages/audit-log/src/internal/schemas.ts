// The shared vocabulary, in one place so every file of this package imports it the same way.
export {
  AuditEvent,
  AuditEventInput,
  type Classification,
  classified,
  compareClassification,
  createParser,
  DataSharingAgreement,
  type DeidentificationMethod,
  type FieldInfo,
  type FieldMeta,
  fieldsOf,
  isAtMost,
  isClassification,
  redact,
} from '@cityofboston/standards-schema';
