export { type AuditMiddlewareOptions, type AuditRequest, auditMiddleware } from './auditMiddleware';
export {
  type Checkpoint,
  type CheckpointSigner,
  generateCheckpointKeys,
  type KeyInput,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint';
export type { CheckpointSink } from './checkpointSinks/sink';
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
export {
  type AnyAuditEvent,
  type BatchIntegrity,
  type ChainIntegrity,
  type EventIntegrity,
  GENESIS_HASH,
  hashEvent,
  isBatchIntegrity,
} from './internal/chain';
export { hashBatchEvent } from './internal/sealBatch';
export { type MemoryStore, memoryStore } from './memoryStore';
export { EMPTY_ROOT, eventLeafHash, type HashInput, leafHash, nodeHash } from './merkle/hash';
export {
  CompactRange,
  consistencyProof,
  inclusionProof,
  type MerkleLeaves,
  MerkleLevels,
  treeRoot,
} from './merkle/tree';
export { verifyConsistency, verifyInclusion } from './merkle/verify';
export {
  checkpointText,
  defaultOrigin,
  openCheckpoint,
  parseCheckpointText,
  type SignedCheckpoint,
  signCheckpointNote,
  type TreeHead,
} from './note/checkpointNote';
export {
  type NoteSigner,
  type NoteVerifier,
  noteKeyId,
  openNote,
  parseVerifierKey,
  signNote,
  type TrustedKey,
  verifierKey,
} from './note/signedNote';
export {
  type ConsistencyProof,
  proveConsistency,
  verifyConsistencyProof,
} from './proofs/consistency';
export {
  type EventProof,
  type EventProofResult,
  proveEvent,
  verifyEventProof,
} from './proofs/eventProof';
export type {
  AuditQuery,
  AuditQueryPage,
  AuditStore,
  ChainHead,
  SealedEvent,
  UnplacedEvents,
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
export type { StoredCheckpoint, VerifyProblem } from './verifyTrust';
export { type WithAuditOptions, withAudit } from './withAudit';
