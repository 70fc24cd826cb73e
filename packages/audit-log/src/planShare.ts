import type { z } from 'zod';
import type { RecordInput } from './createAuditLog';
import { defineAgreement } from './defineAgreement';
import type { AuditErrorCode } from './errors';
import type { Treatment } from './internal/deidentify';
import {
  type Classification,
  compareClassification,
  type DataSharingAgreement,
  type FieldInfo,
  fieldsOf,
} from './internal/schemas';
import type { ManifestField } from './internal/share/manifest';
import { loweredFields } from './internal/share/standardSchema';
import { isUntagged } from './internal/share/untaggedFields';

/**
 * The role that may act for any department under an agreement (a City data steward, who
 * administers sharing across departments). Everyone else acts for their own department only.
 */
export const DATA_STEWARD_ROLE = 'data-steward';

/** What `share()` would do with one field of the schema. */
export interface PlannedField {
  path: string;
  classification: Classification;
  /**
   * `keep` or a de-identification rule (`mask`, `generalize`, `truncate`, `pseudonymize`,
   * `hash`): the field leaves, treated so. `drop`: the agreement's rule removes it. `omitted`: the
   * agreement's `allowedFields` does not list it. `refused`: it is above the agreement's ceiling
   * and has no rule, or it has no classification metadata, so the share would be refused.
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
  /** Checked against the agreement's recipient when given. */
  recipient?: string;
  /** Checked against the agreement's purposes when given. */
  purpose?: string;
  /**
   * Who the plan is for, checked when given: a member of the provider department (a share
   * leaving it) or of the recipient (a read under the agreement), or a data steward.
   */
  actor?: Pick<RecordInput['actor'], 'department' | 'roles'>;
}

/** What a share under an agreement would do, field by field, before any record leaves. */
export interface SharePlan {
  agreementId: string;
  /** The dataset: the schema's meta id, which the agreement must list. */
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

/** The plan with what `share()` needs besides. */
export interface InternalPlan extends SharePlan {
  agreement: DataSharingAgreement;
  infos: Map<string, FieldInfo>;
}

/** The dataset a schema is: its meta id (or title); '' when it names none. */
export function datasetOf(schema: z.ZodType): string {
  const meta = (schema as { meta?: () => { id?: string; title?: string } | undefined }).meta?.();
  return meta?.id ?? meta?.title ?? '';
}

/** Whether `actor` may act for `department`: a member of it, or a data steward. */
export function actsFor(
  actor: Pick<RecordInput['actor'], 'department' | 'roles'> | undefined,
  ...departments: string[]
): boolean {
  if (!actor) return false;
  if (actor.roles?.includes(DATA_STEWARD_ROLE)) return true;
  return actor.department !== undefined && departments.includes(actor.department);
}

/** The plan `share()` applies and `planShare` shows. Validity is judged by this server's clock. */
export function plan<S extends z.ZodType>(
  schema: S,
  agreementInput: DataSharingAgreement,
  options: PlanShareOptions & { sharing?: boolean },
): InternalPlan {
  const agreement = defineAgreement(agreementInput);
  const dataset = datasetOf(schema);
  const now = Date.now(); // never the caller's clock: it cannot extend an agreement
  const ceiling: Classification = agreement.classificationCeiling ?? 'restricted';
  const rules = agreement.deidentification ?? {};
  const allowed = agreement.allowedFields ? new Set(agreement.allowedFields) : undefined;
  const fields: PlannedField[] = [];
  const infos = new Map<string, FieldInfo>();
  const untagged: string[] = [];
  const all = fieldsOf(schema);
  for (const info of all) {
    const base = { path: info.path, classification: info.meta.classification };
    infos.set(info.path, info);
    const rule = rules[info.path];
    if (allowed && !allowed.has(info.path)) fields.push({ ...base, treatment: 'omitted' });
    else if (isUntagged(info)) {
      untagged.push(info.path);
      fields.push({ ...base, treatment: 'refused' });
    } else if (rule !== undefined) fields.push({ ...base, treatment: rule });
    else if (compareClassification(info.meta.classification, ceiling) > 0) {
      fields.push({ ...base, treatment: 'refused' });
    } else fields.push({ ...base, treatment: 'keep' });
  }
  const leaving = fields.flatMap((f) =>
    f.treatment === 'omitted' || f.treatment === 'refused' || f.treatment === 'drop'
      ? []
      : [{ path: f.path, classification: f.classification, treatment: f.treatment }],
  );
  const aboveCeiling = fields.filter(
    (f) => f.treatment === 'refused' && !untagged.includes(f.path),
  );

  let refusal: ShareRefusal | undefined;
  const refuse = (code: ShareRefusal['code'], message: string) => {
    refusal ??= { code, message };
  };
  if (now < Date.parse(agreement.validFrom)) {
    refuse(
      'SHARE_AGREEMENT_NOT_YET_VALID',
      `agreement ${agreement.id} starts ${agreement.validFrom}`,
    );
  }
  if (agreement.validUntil !== undefined && now >= Date.parse(agreement.validUntil)) {
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
  if (options.sharing || options.actor) {
    // A share leaves the provider; a read under the agreement happens at the recipient.
    const may = options.sharing
      ? actsFor(options.actor, agreement.provider)
      : actsFor(options.actor, agreement.provider, agreement.recipient);
    if (!may) {
      refuse(
        'SHARE_WRONG_DEPARTMENT',
        `the actor's department (${options.actor?.department ?? 'none'}) is not ${
          options.sharing
            ? `the provider ${agreement.provider}`
            : `${agreement.provider} or ${agreement.recipient}`
        }, and the actor is not a ${DATA_STEWARD_ROLE}`,
      );
    }
  }
  if (!dataset || !agreement.datasets.includes(dataset)) {
    refuse(
      'SHARE_DATASET_NOT_COVERED',
      dataset
        ? `dataset ${dataset} is not one of ${agreement.datasets.join(', ')}`
        : `the schema has no meta id naming its dataset (one of ${agreement.datasets.join(', ')})`,
    );
  }
  const lowered = dataset ? loweredFields(dataset, all) : [];
  if (lowered.length > 0) {
    refuse(
      'SHARE_SCHEMA_MISMATCH',
      `the schema named ${dataset} classifies fields lower than the standard ${dataset}: ${lowered.join(', ')}`,
    );
  }
  if (untagged.length > 0) {
    refuse(
      'SHARE_UNTAGGED_FIELD',
      `fields without classification metadata (tag each with classified()): ${untagged.join(', ')}`,
    );
  }
  if (aboveCeiling.length > 0) {
    refuse(
      'SHARE_ABOVE_CEILING',
      `fields above the ${ceiling} ceiling without a de-identification rule: ${aboveCeiling
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
 * preview built on it cannot drift from what is actually shared. The agreement's dates are
 * judged by this server's clock; the dataset is the schema's meta id.
 *
 * @throws AuditLogError `INVALID_AGREEMENT` for an invalid agreement.
 *
 * @example
 * ```ts
 * const { fields, refusal } = planShare(ServiceRequest, agreement, {
 *   purpose: 'street-planning',
 *   actor: { department: 'BTD' }, // a read at the recipient under the agreement
 * });
 * for (const f of fields) console.log(f.path, f.treatment); // e.g. "lat generalize"
 * if (refusal) console.log(refusal.code, refusal.message);
 * ```
 */
export function planShare<S extends z.ZodType>(
  schema: S,
  agreement: DataSharingAgreement,
  options: PlanShareOptions = {},
): SharePlan {
  const {
    agreement: _agreement,
    infos: _infos,
    ...publicPlan
  } = plan(schema, agreement, {
    ...(options.recipient !== undefined ? { recipient: options.recipient } : {}),
    ...(options.purpose !== undefined ? { purpose: options.purpose } : {}),
    ...(options.actor !== undefined ? { actor: options.actor } : {}),
  });
  return publicPlan;
}
