import type { z } from 'zod';
import type { AuditLog, RecordInput } from './createAuditLog';
import { AuditLogError } from './errors';
import { type FieldPlan, prefixesOf, project } from './internal/deidentify';
import { invalidInput } from './internal/invalidInput';
import { fieldsOf } from './internal/schemas';
import { finishShare, type ShareResult } from './internal/share/manifest';
import { isUntagged } from './internal/share/untaggedFields';
import { datasetOf } from './planShare';

export interface PublicRecordsOptions<S extends z.ZodType> {
  schema: S;
  /** Dataset name (default: the schema's meta id). */
  dataset?: string;
  audit: AuditLog;
  actor: RecordInput['actor'];
  /** e.g. `public-records-request` (the default) or `open-data`. */
  purpose?: string;
  /** Who asked (a request number, or `public`). */
  recipient?: string;
}

/**
 * Public-records mode: keeps only fields tagged `public` (everything else, untagged fields
 * included, is left out whatever its rule), records a `share.public-records` event and returns a
 * manifest.
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
  const dataset = options.dataset || datasetOf(options.schema);
  if (!dataset) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      'exportPublicRecords: pass `dataset` (the schema has no meta id to name it)',
    );
  }
  const plans = new Map<string, FieldPlan>();
  for (const info of fieldsOf(options.schema)) {
    if (info.meta.classification !== 'public' || isUntagged(info)) continue;
    plans.set(info.path, { info, treatment: 'keep', apply: (v) => v });
  }
  const parsed = records.map((record, index) => {
    const result = options.schema.safeParse(record);
    if (!result.success) {
      throw invalidInput(
        'SHARE_INVALID_RECORD',
        `exportPublicRecords: record ${index} does not match the schema`,
        result.error.issues,
        { pathPrefix: [index], cause: result.error },
      );
    }
    return result.data;
  });
  const prefixes = prefixesOf(plans.keys());
  const out = parsed.map((r) => project(r, plans, prefixes) as Record<string, unknown>);
  const fields = [...plans.values()].map((p) => ({
    path: p.info.path,
    classification: 'public' as const,
    treatment: p.treatment,
  }));
  return finishShare(
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
