export {
  AuditActor,
  AuditBatchIntegrity,
  AuditChainIntegrity,
  AuditEvent,
  AuditEventInput,
  AuditIntegrity,
  AuditTarget,
} from './AuditEvent';
export { BostonSamAddress } from './address/BostonSamAddress';
export { formatPostalAddress, PostalAddress, ZipCode } from './address/PostalAddress';
export {
  STATE_PLANE,
  type StatePlaneCrs,
  type StatePlanePoint,
  statePlaneToWgs84,
  wgs84ToStatePlane,
} from './address/statePlane';
export { normalizeBldsPermit, PermitFeed } from './blds/feed';
export {
  BLDS_CONTRACTOR_TRADES,
  BLDS_PERMIT_CLASSES,
  BLDS_PERMIT_TYPES,
  BLDS_STATUSES,
  BLDS_WORK_CLASSES,
  Permit,
} from './blds/Permit';
export {
  CLASSIFICATIONS,
  Classification,
  ClassificationSchema,
  classificationRank,
  compareClassification,
  isAtMost,
  isClassification,
  maxClassification,
} from './classification';
export {
  classificationRegistry,
  classified,
  FieldMeta,
  PII_CATEGORIES,
  PII_KINDS,
  type PiiCategory,
  type PiiKind,
  REDACTION_METHODS,
  type RedactionMethod,
} from './classified';
export {
  DataSharingAgreement,
  DEIDENTIFICATION_METHODS,
  type DeidentificationMethod,
} from './DataSharingAgreement';
export {
  BOSTON_DEPARTMENTS,
  Department,
  DepartmentList,
  departmentByCode,
} from './Department';
export { DEPARTMENT_CODE_PATTERN, DepartmentCode } from './DepartmentCode';
export { DcatOrganization, type DcatOrganizationValue } from './dcat/DcatOrganization';
export { DcatUs3Dataset, migrateDcatUs11To3 } from './dcat/DcatUs3';
export {
  ACCESS_LEVELS,
  type AccessLevel,
  accessLevelFor,
  DcatCatalog,
  DcatDataset,
  DcatDistribution,
  datasetAccessLevel,
} from './dcat/DcatUs11';
export {
  STANDARDS_SCHEMA_ERROR_CODES,
  StandardsSchemaError,
  type StandardsSchemaErrorCode,
} from './errors';
export { classificationOf, type FieldInfo, fieldsOf } from './fieldsOf';
export { formatIssue, formatIssues, formatPath } from './formatIssues';
export {
  BudgetLine,
  LIFECYCLE_STAGES,
  metricStatus,
  PerformanceMetric,
  ProcurementRequest,
  TECHNOLOGY_CATEGORIES,
  TechnologyAsset,
} from './governance/governance';
export {
  HsdsAddress,
  HsdsContact,
  HsdsLocation,
  HsdsOrganization,
  HsdsPhone,
  HsdsService,
} from './hsds/hsds';
export { BOSTON_MUNICIPALITY } from './municipality/bostonMunicipality';
export {
  IdentityClaimMapping,
  MUNICIPALITY_KINDS,
  Municipality,
  type MunicipalityInput,
} from './municipality/Municipality';
export {
  BostonActivity,
  BostonAttribute,
  BostonEvent,
  BostonMedia,
  CaseDeskActivity,
  MediaUrl,
  RequestOrigin,
  RequestPriority,
  RequestSource,
} from './open311/BostonOpen311';
export {
  CKAN_DEFAULT_POINT,
  type Ckan311Layout,
  Ckan311Row,
  Ckan311ServiceRequest,
  type CkanMapOptions,
  ckan311Layout,
  ckan311RowToServiceRequest,
} from './open311/ckan';
export { normalizeOpen311Request, ServiceRequestFeed } from './open311/feed';
export { Open311DateTime } from './open311/Open311DateTime';
export { OpenData311Extension } from './open311/OpenDataExtension';
export {
  CreateServiceRequest,
  Open311Errors,
  Service,
  ServiceAttribute,
  ServiceDefinition,
  ServiceDiscovery,
  ServiceRequestCreated,
  ServiceRequestFromToken,
} from './open311/Service';
export {
  REQUEST_ORIGINS,
  REQUEST_PRIORITIES,
  REQUEST_SOURCES,
  ServiceRequest,
  ServiceRequestActivity,
  ServiceRequestContact,
  type ServiceRequestInput,
  ServiceRequestStatus,
} from './open311/ServiceRequest';
export { ContactDetail, Person } from './Person';
export { EmployeeType, Principal } from './Principal';
export { CalendarDate, DateTime } from './primitives/DateTime';
export { Email } from './primitives/Email';
export {
  GeoJsonLinearRing,
  GeoJsonPoint,
  GeoJsonPolygon,
  GeoJsonPosition,
} from './primitives/GeoJson';
export { GeoPoint } from './primitives/GeoPoint';
export { LanguageTag } from './primitives/LanguageTag';
export {
  CITY_TIME_ZONE,
  DateTimeInput,
  type LocalTimeReading,
  localToDateTime,
  readLocalDateTime,
} from './primitives/localDateTime';
export { Money } from './primitives/Money';
export { normalizePhone, Phone } from './primitives/Phone';
export { type Redacted, type RedactOptions, redact } from './redact';
export {
  EMPLOYEE_TYPES,
  type PrincipalParseResult,
  safeParsePrincipal,
} from './safeParsePrincipal';
export {
  type BulkResult,
  compiled,
  createParser,
  type ValidateManyResult,
  validateMany,
} from './validateMany';
