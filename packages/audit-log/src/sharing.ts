export { type DataSharingAgreement, defineAgreement } from './defineAgreement';
export { exportPublicRecords, type PublicRecordsOptions } from './exportPublicRecords';
export type { Treatment } from './internal/deidentify';
export {
  type ManifestField,
  SHARE_MANIFEST,
  type ShareManifest,
} from './internal/share/manifest';
export { MIN_PSEUDONYM_KEY_BYTES } from './internal/share/pseudonymKey';
export {
  DATA_STEWARD_ROLE,
  type PlannedField,
  type PlanShareOptions,
  planShare,
  type SharePlan,
  type ShareRefusal,
} from './planShare';
export { proveReceipt, verifyReceipt } from './receiptProof';
export { type ReceivedShare, type ShareOptions, type ShareResult, share } from './share';
