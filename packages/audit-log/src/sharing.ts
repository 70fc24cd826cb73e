export { type DataSharingAgreement, defineAgreement } from './defineAgreement';
export type { Treatment } from './internal/deidentify';
export { proveReceipt, verifyReceipt } from './receiptProof';
export {
  exportPublicRecords,
  type ManifestField,
  type PlannedField,
  type PlanShareOptions,
  type PublicRecordsOptions,
  planShare,
  type ShareManifest,
  type ShareOptions,
  type SharePlan,
  type ShareRefusal,
  type ShareResult,
  share,
} from './share';
