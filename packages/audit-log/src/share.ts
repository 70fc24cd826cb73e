import type { z } from 'zod';
import type { AuditLog, RecordInput } from './createAuditLog';
import { type AuditErrorCode, AuditLogError } from './errors';
import {
  type FieldPlan,
  prefixesOf,
  project,
  pseudonymizer,
  treatmentFn,
} from './internal/deidentify';
import { invalidInput } from './internal/invalidInput';
import type { DataSharingAgreement, FieldInfo } from './internal/schemas';
import {
  finishShare,
  manifestsIn,
  recordsOf,
  type ShareManifest,
  type ShareResult,
} from './internal/share/manifest';
import { readPseudonymKey } from './internal/share/pseudonymKey';
import { plan } from './planShare';

export type { ShareResult };

/** Data received under an agreement: records with the manifest they came with. */
export interface ReceivedShare {
  records: readonly unknown[];
  manifest: ShareManifest;
}

export interface ShareOptions<S extends z.ZodType> {
  /**
   * The records' schema. Every field must carry classification metadata (`classified()`); the
   * schema's meta id names the dataset, which the agreement must list.
   */
  schema: S;
  agreement: DataSharingAgreement;
  /** Department code of who receives the records. */
  recipient: string;
  /** Why; must be one of the agreement's purposes. */
  purpose: string;
  /** The log the `share.export` event (or the refusal) is recorded in. */
  audit: AuditLog;
  /**
   * Who is sharing: a member of the agreement's provider department, or a data steward
   * (`DATA_STEWARD_ROLE`).
   */
  actor: RecordInput['actor'];
  /**
   * Secret for pseudonyms (HMAC-SHA256), derived per agreement so pseudonyms join records within
   * one agreement and not across agreements: a `Uint8Array` of at least 32 bytes, or a base64url
   * string decoding to at least 32 (`randomBytes(32).toString('base64url')`). Required when a
   * rule pseudonymizes; its id (a fingerprint) goes in the manifest.
   */
  pseudonymKey?: string | Uint8Array;
  /**
   * The field (as `fieldsOf` names it) that says which department a record belongs to (default
   * `department`). Every record must belong to the agreement's provider.
   */
  departmentField?: string;
}

function valueAt(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * Shares records with another department under a data-sharing agreement. It refuses, records
 * the refusal as a `denied` audit event with its reason, and throws with a specific code when:
 * the purpose is not allowed (`SHARE_PURPOSE_NOT_ALLOWED`); the agreement is not yet or no longer
 * valid by this server's clock (`SHARE_AGREEMENT_NOT_YET_VALID`, `SHARE_AGREEMENT_EXPIRED`); the
 * recipient is another (`SHARE_WRONG_RECIPIENT`); the actor is not in the provider department
 * nor a data steward, or a record belongs to another department (`SHARE_WRONG_DEPARTMENT`); the
 * schema's dataset is not covered (`SHARE_DATASET_NOT_COVERED`) or is a look-alike of a standard
 * schema that lowers a classification (`SHARE_SCHEMA_MISMATCH`); a field has no classification
 * metadata (`SHARE_UNTAGGED_FIELD`); a field above the agreement's ceiling has no
 * de-identification rule (`SHARE_ABOVE_CEILING`); the input was itself received under an
 * agreement with `noResharing` (`SHARE_RESHARING_FORBIDDEN`); the pseudonym key is missing or
 * weak (`SHARE_KEY_REFUSED`); or a record does not match the schema (`SHARE_INVALID_RECORD`).
 * Otherwise it keeps only the allowed fields, applies each field's rule (drop, mask, generalize,
 * truncate, or an HMAC-SHA256 pseudonym keyed per agreement), records a `share.export` event and
 * returns the records with a manifest (also attached to the records) that the recipient keeps
 * as the receipt. `planShare` shows the same decisions beforehand.
 *
 * @example
 * ```ts
 * const { records, manifest } = await share(requests, {
 *   schema: ServiceRequest, agreement, recipient: 'BTD', purpose: 'street-planning',
 *   audit: log, actor: { type: 'user', id: 'u-42', department: 'PWD' },
 *   pseudonymKey: process.env.SHARE_KEY, // randomBytes(32).toString('base64url')
 * });
 * ```
 */
export async function share<S extends z.ZodType>(
  input: readonly unknown[] | ReceivedShare,
  options: ShareOptions<S>,
): Promise<ShareResult> {
  const planned = plan(options.schema, options.agreement, {
    recipient: options.recipient,
    purpose: options.purpose,
    actor: options.actor,
    sharing: true,
  });
  const { agreement, dataset } = planned;
  const records = recordsOf(input) ?? [];

  const refuse = async (
    code: Extract<AuditErrorCode, `SHARE_${string}`>,
    message: string,
    error: AuditLogError = new AuditLogError(code, `share refused: ${message}`),
  ): Promise<never> => {
    // The refusal is accountable too; if even that cannot be recorded, the caller learns both.
    await options.audit
      .record({
        actor: options.actor,
        action: 'share.export',
        target: { type: dataset || 'unnamed-dataset', id: agreement.id },
        outcome: 'denied',
        reason: `${code}: ${message}`,
        purpose: options.purpose,
        agreementId: agreement.id,
        details: { recipient: options.recipient, recordCount: records.length, refusal: code },
      })
      .catch((cause: unknown) => {
        throw new AuditLogError(code, `${error.message} (and the refusal could not be recorded)`, {
          cause,
        });
      });
    throw error;
  };

  if (planned.refusal) await refuse(planned.refusal.code, planned.refusal.message);
  if (recordsOf(input) === undefined) {
    await refuse('SHARE_INVALID_RECORD', 'the records must be an array (or a received share)');
  }
  const forbidding = manifestsIn(input).find((m) => m.duties?.noResharing);
  if (forbidding) {
    await refuse(
      'SHARE_RESHARING_FORBIDDEN',
      `the records were received under agreement ${forbidding.agreementId ?? '(unknown)'} from ${forbidding.provider ?? 'another department'}, which forbids re-sharing`,
    );
  }
  let keyId: string | undefined;
  let keyBytes: Uint8Array = new Uint8Array();
  if (options.pseudonymKey !== undefined) {
    const key = readPseudonymKey(options.pseudonymKey);
    if ('problem' in key) await refuse('SHARE_KEY_REFUSED', `pseudonymKey: ${key.problem}`);
    else {
      keyId = key.id;
      keyBytes = key.bytes;
    }
  } else if (planned.needsPseudonymKey) {
    await refuse('SHARE_KEY_REFUSED', 'the agreement pseudonymizes fields; pass `pseudonymKey`');
  }

  const parsed: unknown[] = [];
  for (let index = 0; index < records.length; index++) {
    const result = options.schema.safeParse(records[index]);
    if (!result.success) {
      const error = invalidInput(
        'SHARE_INVALID_RECORD',
        `share refused: record ${index} does not match the schema`,
        result.error.issues,
        { pathPrefix: [index], cause: result.error },
      );
      await refuse('SHARE_INVALID_RECORD', `record ${index} does not match the schema`, error);
    }
    parsed.push((result as { data: unknown }).data);
  }
  const departmentField = options.departmentField ?? 'department';
  if (!planned.infos.has(departmentField)) {
    await refuse(
      'SHARE_WRONG_DEPARTMENT',
      `the schema has no field ${departmentField} saying which department a record belongs to`,
    );
  }
  const foreign = parsed.findIndex((r) => valueAt(r, departmentField) !== agreement.provider);
  if (foreign >= 0) {
    const found = valueAt(parsed[foreign], departmentField);
    await refuse(
      'SHARE_WRONG_DEPARTMENT',
      `record ${foreign} belongs to ${found === undefined ? 'no department' : String(found)}, not the provider ${agreement.provider}`,
    );
  }

  const pseudonym = pseudonymizer(keyBytes, agreement.id);
  const plans = new Map<string, FieldPlan>();
  for (const field of planned.leaving) {
    const info = planned.infos.get(field.path) as FieldInfo;
    plans.set(field.path, {
      info,
      treatment: field.treatment,
      apply: treatmentFn(info.meta, field.treatment, pseudonym),
    });
  }
  const prefixes = prefixesOf(plans.keys());
  const out = parsed.map((r) => project(r, plans, prefixes) as Record<string, unknown>);
  return finishShare(
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
      ...(keyId ? { pseudonymKeyId: keyId } : {}),
    },
    options.audit,
    options.actor,
  );
}
