import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AuditLog, RecordInput } from './createAuditLog';
import { defineAgreement } from './defineAgreement';
import { type AuditErrorCode, AuditLogError } from './errors';
import { canonicalize } from './internal/canonical';
import {
  type FieldPlan,
  prefixesOf,
  project,
  pseudonymizer,
  type Treatment,
  treatmentFn,
} from './internal/deidentify';
import { invalidInput } from './internal/invalidInput';
import {
  type Classification,
  compareClassification,
  type DataSharingAgreement,
  type FieldInfo,
  fieldsOf,
} from './internal/schemas';

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
  /** The audit event that recorded the share: id, seq and hash, so the receipt can be checked. */
  audit: { eventId: string; seq: number; hash: string };
}

export interface ShareOptions<S extends z.ZodType> {
  /** The records' schema, with classification metadata (`classified()`). */
  schema: S;
  /** Dataset name the agreement must list (default: the schema's meta id, e.g. `ServiceRequest`). */
  dataset?: string;
  agreement: DataSharingAgreement;
  /** Department code of who receives the records. */
  recipient: string;
  /** Why; must be one of the agreement's purposes. */
  purpose: string;
  /** The log the `share.export` event (or the refusal) is recorded in. */
  audit: AuditLog;
  /** Who is sharing. */
  actor: RecordInput['actor'];
  /**
   * Secret for pseudonyms (HMAC-SHA256). The key is derived per agreement, so pseudonyms join
   * records within one agreement and not across agreements. Required when a rule pseudonymizes.
   */
  pseudonymKey?: string | Uint8Array;
  /** Clock for the validity check (default now). */
  now?: Date;
}

export interface ShareResult {
  records: Record<string, unknown>[];
  manifest: ShareManifest;
}

function datasetOf(schema: z.ZodType, given: string | undefined): string {
  if (given) return given;
  const meta = (schema as { meta?: () => { id?: string; title?: string } | undefined }).meta?.();
  const id = meta?.id ?? meta?.title;
  if (!id) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      'share: pass `dataset` (the schema has no meta id to name it)',
    );
  }
  return id;
}

function validate(schema: z.ZodType, records: readonly unknown[]) {
  return records.map((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      throw invalidInput(
        'SHARE_INVALID_RECORD',
        `share: record ${index} does not match the schema`,
        parsed.error.issues,
        { pathPrefix: [index], cause: parsed.error },
      );
    }
    return parsed.data;
  });
}

async function finish(
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
    },
  });
  return {
    records,
    manifest: {
      mode,
      ...base,
      recordCount: records.length,
      fields,
      contentHash,
      sharedAt: event.time,
      audit: { eventId: event.id, seq: event.integrity.seq, hash: event.integrity.hash },
    },
  };
}

/** What `share()` would do with one field of the schema. */
export interface PlannedField {
  path: string;
  classification: Classification;
  /**
   * `keep` or a de-identification rule (`mask`, `generalize`, `truncate`, `pseudonymize`,
   * `hash`): the field leaves, treated so. `drop`: the agreement's rule removes it. `omitted`: the
   * agreement's `allowedFields` does not list it. `refused`: it is above the agreement's ceiling
   * and has no rule, so the share would be refused with `SHARE_ABOVE_CEILING`.
   */
  treatment: Treatment | 'omitted' | 'refused';
}

/** Why `share()` would refuse: the code it would throw with and the message it would give. */
export interface ShareRefusal {
  code: Extract<AuditErrorCode, `SHARE_${string}`>;
  message: string;
}

/** Options of `planShare`: the checks it makes depend on what you already know. */
export interface PlanShareOptions {
  /** Dataset name (default: the schema's meta id, as `share()`). */
  dataset?: string;
  /** Checked against the agreement's recipient when given. */
  recipient?: string;
  /** Checked against the agreement's purposes when given. */
  purpose?: string;
  /** Clock for the validity check (default now). */
  now?: Date;
}

/** What a share under an agreement would do, field by field, before any record leaves. */
export interface SharePlan {
  agreementId: string;
  dataset: string;
  /** The agreement's classification ceiling (`restricted` when it sets none). */
  ceiling: Classification;
  /** Every field of the schema, in `fieldsOf` order, with what would happen to it. */
  fields: PlannedField[];
  /** The fields that would leave, as the manifest will list them. */
  leaving: ManifestField[];
  /** Whether a rule pseudonymizes or hashes, so `share()` needs a `pseudonymKey`. */
  needsPseudonymKey: boolean;
  /** The first reason `share()` would refuse, if any (the same code and message it would use). */
  refusal?: ShareRefusal;
}

interface InternalPlan extends SharePlan {
  agreement: DataSharingAgreement;
  infos: Map<string, FieldInfo>;
}

function plan<S extends z.ZodType>(
  schema: S,
  agreementInput: DataSharingAgreement,
  options: PlanShareOptions,
): InternalPlan {
  const agreement = defineAgreement(agreementInput);
  const dataset = datasetOf(schema, options.dataset);
  const now = options.now ?? new Date();
  const ceiling: Classification = agreement.classificationCeiling ?? 'restricted';
  const rules = agreement.deidentification ?? {};
  const allowed = agreement.allowedFields ? new Set(agreement.allowedFields) : undefined;
  const fields: PlannedField[] = [];
  const infos = new Map<string, FieldInfo>();
  for (const info of fieldsOf(schema)) {
    const base = { path: info.path, classification: info.meta.classification };
    infos.set(info.path, info);
    const rule = rules[info.path];
    if (allowed && !allowed.has(info.path)) fields.push({ ...base, treatment: 'omitted' });
    else if (rule !== undefined) fields.push({ ...base, treatment: rule });
    else if (compareClassification(info.meta.classification, ceiling) > 0) {
      fields.push({ ...base, treatment: 'refused' });
    } else fields.push({ ...base, treatment: 'keep' });
  }
  const leaving = fields.flatMap((f) =>
    f.treatment === 'omitted' || f.treatment === 'refused' || f.treatment === 'drop'
      ? []
      : [{ path: f.path, classification: f.classification, treatment: f.treatment }],
  );
  const refused = fields.filter((f) => f.treatment === 'refused');

  let refusal: ShareRefusal | undefined;
  const refuse = (code: ShareRefusal['code'], message: string) => {
    refusal ??= { code, message };
  };
  if (now.getTime() < Date.parse(agreement.validFrom)) {
    refuse(
      'SHARE_AGREEMENT_NOT_YET_VALID',
      `agreement ${agreement.id} starts ${agreement.validFrom}`,
    );
  }
  if (agreement.validUntil !== undefined && now.getTime() >= Date.parse(agreement.validUntil)) {
    refuse('SHARE_AGREEMENT_EXPIRED', `agreement ${agreement.id} ended ${agreement.validUntil}`);
  }
  if (options.recipient !== undefined && options.recipient !== agreement.recipient) {
    refuse(
      'SHARE_WRONG_RECIPIENT',
      `agreement ${agreement.id} is with ${agreement.recipient}, not ${options.recipient}`,
    );
  }
  if (options.purpose !== undefined && !agreement.purposes.includes(options.purpose)) {
    refuse(
      'SHARE_PURPOSE_NOT_ALLOWED',
      `purpose ${JSON.stringify(options.purpose)} is not one of ${agreement.purposes.join(', ')}`,
    );
  }
  if (!agreement.datasets.includes(dataset)) {
    refuse(
      'SHARE_DATASET_NOT_COVERED',
      `dataset ${dataset} is not one of ${agreement.datasets.join(', ')}`,
    );
  }
  if (refused.length > 0) {
    refuse(
      'SHARE_ABOVE_CEILING',
      `fields above the ${ceiling} ceiling without a de-identification rule: ${refused
        .map((f) => `${f.path} (${f.classification})`)
        .join(', ')}`,
    );
  }
  return {
    agreement,
    infos,
    agreementId: agreement.id,
    dataset,
    ceiling,
    fields,
    leaving,
    needsPseudonymKey: leaving.some(
      (f) => f.treatment === 'pseudonymize' || f.treatment === 'hash',
    ),
    ...(refusal ? { refusal } : {}),
  };
}

/**
 * Plans a share without sharing anything or writing an audit event: for every field of the
 * schema, whether it would leave as is, de-identified (and how), dropped, omitted or refused,
 * and the first reason `share()` would refuse. It is the same plan `share()` applies, so a
 * preview built on it cannot drift from what is actually shared.
 *
 * @throws AuditLogError `INVALID_AGREEMENT` for an invalid agreement, `INVALID_OPTIONS` when the
 *   dataset cannot be named.
 *
 * @example
 * ```ts
 * const { fields, refusal } = planShare(ServiceRequest, agreement, { purpose: 'street-planning' });
 * for (const f of fields) console.log(f.path, f.treatment); // e.g. "lat generalize"
 * if (refusal) console.log(refusal.code, refusal.message);
 * ```
 */
export function planShare<S extends z.ZodType>(
  schema: S,
  agreement: DataSharingAgreement,
  options: PlanShareOptions = {},
): SharePlan {
  const { agreement: _agreement, infos: _infos, ...publicPlan } = plan(schema, agreement, options);
  return publicPlan;
}

/**
 * Shares records with another department under a data-sharing agreement. It refuses, records
 * the refusal as a `denied` audit event, and throws with a specific code when the purpose is
 * not allowed (`SHARE_PURPOSE_NOT_ALLOWED`), the agreement is not yet or no longer valid
 * (`SHARE_AGREEMENT_NOT_YET_VALID`, `SHARE_AGREEMENT_EXPIRED`), the recipient is another
 * (`SHARE_WRONG_RECIPIENT`), the dataset is not covered (`SHARE_DATASET_NOT_COVERED`), or a field
 * above the agreement's ceiling has no de-identification rule (`SHARE_ABOVE_CEILING`).
 * Otherwise it keeps only the allowed fields, applies each field's rule (drop, mask, generalize,
 * truncate, or an HMAC-SHA256 pseudonym keyed per agreement), records a `share.export` event and
 * returns the records with a manifest the recipient keeps as the receipt. `planShare` shows the
 * same decisions beforehand.
 *
 * @example
 * ```ts
 * const { records, manifest } = await share(requests, {
 *   schema: ServiceRequest, agreement, recipient: 'BTD', purpose: 'street-planning',
 *   audit: log, actor: { type: 'user', id: 'u-42' }, pseudonymKey: process.env.SHARE_KEY,
 * });
 * ```
 */
export async function share<S extends z.ZodType>(
  records: readonly unknown[],
  options: ShareOptions<S>,
): Promise<ShareResult> {
  const planned = plan(options.schema, options.agreement, {
    recipient: options.recipient,
    purpose: options.purpose,
    ...(options.dataset !== undefined ? { dataset: options.dataset } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
  });
  const { agreement, dataset } = planned;

  if (planned.refusal) {
    const { code, message } = planned.refusal;
    const error = new AuditLogError(code, `share refused: ${message}`);
    // The refusal is accountable too; if even that cannot be recorded, the caller learns both.
    await options.audit
      .record({
        actor: options.actor,
        action: 'share.export',
        target: { type: dataset, id: agreement.id },
        outcome: 'denied',
        reason: `${code}: ${message}`,
        purpose: options.purpose,
        agreementId: agreement.id,
        details: { recipient: options.recipient, recordCount: records.length },
      })
      .catch((cause: unknown) => {
        throw new AuditLogError(code, `${error.message} (and the refusal could not be recorded)`, {
          cause,
        });
      });
    throw error;
  }
  if (planned.needsPseudonymKey && options.pseudonymKey === undefined) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      'share: the agreement pseudonymizes fields; pass `pseudonymKey`',
    );
  }

  const pseudonym = pseudonymizer(options.pseudonymKey ?? '', agreement.id);
  const plans = new Map<string, FieldPlan>();
  for (const field of planned.leaving) {
    const info = planned.infos.get(field.path) as FieldInfo;
    plans.set(field.path, {
      info,
      treatment: field.treatment,
      apply: treatmentFn(info.meta, field.treatment, pseudonym),
    });
  }
  const parsed = validate(options.schema, records);
  const prefixes = prefixesOf(plans.keys());
  const out = parsed.map((r) => project(r, plans, prefixes) as Record<string, unknown>);
  return finish(
    'share',
    out,
    planned.leaving,
    {
      agreementId: agreement.id,
      agreementTitle: agreement.title,
      provider: agreement.provider,
      recipient: options.recipient,
      purpose: options.purpose,
      dataset,
      legalBasis: agreement.legalBasis,
      ...(agreement.duties ? { duties: agreement.duties } : {}),
    },
    options.audit,
    options.actor,
  );
}

export interface PublicRecordsOptions<S extends z.ZodType> {
  schema: S;
  dataset?: string;
  audit: AuditLog;
  actor: RecordInput['actor'];
  /** e.g. `public-records-request` (the default) or `open-data`. */
  purpose?: string;
  /** Who asked (a request number, or `public`). */
  recipient?: string;
}

/**
 * Public-records mode: keeps only fields classified `public` (everything else is left out,
 * whatever its rule), records a `share.public-records` event and returns a manifest.
 *
 * @example
 * ```ts
 * const { records } = await exportPublicRecords(requests, { schema: ServiceRequest, audit: log, actor });
 * ```
 */
export async function exportPublicRecords<S extends z.ZodType>(
  records: readonly unknown[],
  options: PublicRecordsOptions<S>,
): Promise<ShareResult> {
  const dataset = datasetOf(options.schema, options.dataset);
  const plans = new Map<string, FieldPlan>();
  for (const info of fieldsOf(options.schema)) {
    if (info.meta.classification !== 'public') continue;
    plans.set(info.path, { info, treatment: 'keep', apply: (v) => v });
  }
  const parsed = validate(options.schema, records);
  const prefixes = prefixesOf(plans.keys());
  const out = parsed.map((r) => project(r, plans, prefixes) as Record<string, unknown>);
  const fields = [...plans.values()].map((p) => ({
    path: p.info.path,
    classification: 'public' as const,
    treatment: p.treatment,
  }));
  return finish(
    'public-records',
    out,
    fields,
    {
      recipient: options.recipient ?? 'public',
      purpose: options.purpose ?? 'public-records-request',
      dataset,
    },
    options.audit,
    options.actor,
  );
}
