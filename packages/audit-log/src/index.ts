export { type AuditMiddlewareOptions, type AuditRequest, auditMiddleware } from './auditMiddleware';
export {
  type Checkpoint,
  type CheckpointSigner,
  generateCheckpointKeys,
  type KeyInput,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint';
export {
  type AuditLog,
  type BatchOptions,
  type CreateAuditLogOptions,
  createAuditLog,
  createEventId,
  type DetailsOptions,
  type RecordInput,
  type RecordOptions,
} from './createAuditLog';
export {
  AUDIT_ERROR_CODES,
  type AuditErrorCode,
  type AuditIssue,
  AuditLogError,
  isAuditLogError,
} from './errors';
export { GENESIS_HASH, hashEvent } from './internal/chain';
export { type MemoryStore, memoryStore } from './memoryStore';
export type {
  AuditQuery,
  AuditQueryPage,
  AuditStore,
  ChainHead,
  SealedEvent,
  UnsealedEvent,
} from './store';
export { OCSF_CLASSES, type OcsfEvent, type ToOcsfOptions, toOcsf } from './toOcsf';
export { type OtelAttributeValue, type OtelLogRecord, toOtelLogRecord } from './toOtelLogRecord';
export {
  VERIFY_FAILURE_REASONS,
  type VerifyFailureReason,
  type VerifyOptions,
  type VerifyResult,
  type VerifySource,
  verify,
} from './verify';
export { type WithAuditOptions, withAudit } from './withAudit';
