export { type DataSharingAgreement, defineAgreement } from './defineAgreement';
export type { Treatment } from './internal/deidentify';
export {
  exportPublicRecords,
  type ManifestField,
  type PublicRecordsOptions,
  type ShareManifest,
  type ShareOptions,
  type ShareResult,
  share,
} from './share';
