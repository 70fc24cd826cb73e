import { createHash } from 'node:crypto';
import type { AuditLog, RecordInput } from '../../createAuditLog';
import { canonicalize } from '../canonical';
import type { Treatment } from '../deidentify';
import type { Classification, DataSharingAgreement } from '../schemas';

/** One field as it left, in the manifest. */
export interface ManifestField {
  path: string;
  classification: Classification;
  treatment: Treatment;
}

/** The receipt of a share: what left, to whom, why, under which agreement, and its audit event. */
export interface ShareManifest {
  /** `share` for an agreement, `public-records` for a public-records export. */
  mode: 'share' | 'public-records';
  agreementId?: string;
  agreementTitle?: string;
  provider?: string;
  recipient: string;
  purpose: string;
  dataset: string;
  recordCount: number;
  fields: ManifestField[];
  /** `sha256:<hex>` of the RFC 8785 canonical JSON of the shared records. */
  contentHash: string;
  sharedAt: string;
  legalBasis?: string[];
  duties?: DataSharingAgreement['duties'];
  /**
   * Which key made the pseudonyms: the first 8 bytes of the key's SHA-256, hex. Pseudonyms of
   * two shares join only when this id is the same.
   */
  pseudonymKeyId?: string;
  /** The audit event that recorded the share: id, seq and hash, so the receipt can be checked. */
  audit: { eventId: string; seq: number; hash: string };
}

/** What `share()` returns: the records, and the manifest that travels with them. */
export interface ShareResult {
  records: Record<string, unknown>[];
  manifest: ShareManifest;
}

/**
 * The manifest rides on every shared record (and the records array) under this symbol, so data
 * received under an agreement carries it even when taken out of its `ShareResult`.
 */
export const SHARE_MANIFEST: unique symbol = Symbol.for('@cityofboston/audit-log/share-manifest');

function attach(target: object, manifest: ShareManifest): void {
  Object.defineProperty(target, SHARE_MANIFEST, { value: manifest, enumerable: false });
}

/** Every manifest the input of a share carries: its envelope's, its array's, its records'. */
export function manifestsIn(input: unknown): ShareManifest[] {
  const found = new Set<ShareManifest>();
  const look = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    const m = (value as { [SHARE_MANIFEST]?: ShareManifest })[SHARE_MANIFEST];
    if (m) found.add(m);
  };
  look(input);
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const envelope = input as { records?: unknown; manifest?: unknown };
    if (envelope.manifest && typeof envelope.manifest === 'object')
      found.add(envelope.manifest as ShareManifest);
    input = envelope.records;
    look(input);
  }
  if (Array.isArray(input)) for (const r of input) look(r);
  return [...found];
}

/** The records of a share's input: an array, or a received `{ records, manifest }`. */
export function recordsOf(input: unknown): readonly unknown[] | undefined {
  if (Array.isArray(input)) return input;
  const records = (input as { records?: unknown } | null)?.records;
  return Array.isArray(records) ? records : undefined;
}

/** Records the `share.export` (or public-records) event and builds the manifest. */
export async function finishShare(
  mode: ShareManifest['mode'],
  records: Record<string, unknown>[],
  fields: ManifestField[],
  base: Omit<
    ShareManifest,
    'mode' | 'recordCount' | 'fields' | 'contentHash' | 'sharedAt' | 'audit'
  >,
  audit: AuditLog,
  actor: RecordInput['actor'],
): Promise<ShareResult> {
  const contentHash = `sha256:${createHash('sha256').update(canonicalize(records)).digest('hex')}`;
  const event = await audit.record({
    actor,
    action: mode === 'share' ? 'share.export' : 'share.public-records',
    target: { type: base.dataset, id: base.agreementId ?? 'public-records' },
    outcome: 'success',
    purpose: base.purpose,
    ...(base.agreementId ? { agreementId: base.agreementId } : {}),
    details: {
      recipient: base.recipient,
      recordCount: records.length,
      fields: fields.map((f) => `${f.path}:${f.treatment}`),
      contentHash,
      ...(base.pseudonymKeyId ? { pseudonymKeyId: base.pseudonymKeyId } : {}),
    },
  });
  const manifest: ShareManifest = {
    mode,
    ...base,
    recordCount: records.length,
    fields,
    contentHash,
    sharedAt: event.time,
    audit: { eventId: event.id, seq: event.integrity.seq, hash: event.integrity.hash },
  };
  attach(records, manifest);
  for (const r of records) attach(r, manifest);
  return { records, manifest };
}
