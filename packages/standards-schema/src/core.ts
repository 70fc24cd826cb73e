// The light entry point, `@cityofboston/standards-schema/core`: classification levels and
// helpers, the field registry, `fieldsOf`, and `Principal` checks, for browser bundles. Its
// module graph reaches neither proj4 nor the record schemas, and it uses no zod classic value
// (zod 4 classic is not tree-shakable), so a bundler keeps only what is imported.
export {
  CLASSIFICATIONS,
  type Classification,
  classificationRank,
  compareClassification,
  isAtMost,
  isClassification,
  maxClassification,
} from './classification';
export {
  classificationRegistry,
  type FieldMeta,
  PII_CATEGORIES,
  PII_KINDS,
  type PiiCategory,
  type PiiKind,
  REDACTION_METHODS,
  type RedactionMethod,
} from './classified';
export { DEPARTMENT_CODE_PATTERN, type DepartmentCode } from './DepartmentCode';
export {
  STANDARDS_SCHEMA_ERROR_CODES,
  StandardsSchemaError,
  type StandardsSchemaErrorCode,
} from './errors';
export { classificationOf, type FieldInfo, fieldsOf } from './fieldsOf';
export type { EmployeeType, Principal } from './Principal';
export {
  EMPLOYEE_TYPES,
  type PrincipalParseResult,
  safeParsePrincipal,
} from './safeParsePrincipal';
