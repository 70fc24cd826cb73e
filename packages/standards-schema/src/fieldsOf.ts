import type { z } from 'zod';
import { type Classification, maxClassification } from './classification';
import type { FieldMeta } from './classified';
import { type Plan, planOf, UNTAGGED } from './internal/plan';

/** One field of a schema with its effective classification metadata. */
export interface FieldInfo {
  /**
   * Dotted path from the record's root: `contact.email`; `[]` marks array items
   * (`activities[].note`) and `*` the values of a record (`attributes.*.value`). An array or
   * record of plain values is one field (`roles`).
   */
  path: string;
  /** The field's own metadata, else its enclosing field's; `{ classification: 'public' }` if none. */
  meta: FieldMeta;
  /** Whether the field may be absent from a valid record (it or an enclosing field is optional). */
  optional: boolean;
  /**
   * Whether the metadata was set by someone: on the field itself or on an enclosing field.
   * `false` means nobody classified it and `meta` is the `public` default; data-sharing code
   * (audit-log's `share()`) refuses such fields. Every field of this package's exported record
   * schemas is tagged.
   */
  tagged: boolean;
}

function info(plan: Plan, optional: boolean): FieldInfo {
  return { path: plan.path, meta: plan.meta, optional, tagged: plan.meta !== UNTAGGED };
}

function collect(plan: Plan, optional: boolean, out: FieldInfo[]): void {
  const absent = optional || plan.optional;
  switch (plan.kind) {
    case 'leaf':
    case 'lazy':
      out.push(info(plan, absent));
      return;
    case 'object':
      if (plan.fields.size === 0 && !plan.catchall) {
        out.push(info(plan, absent));
        return;
      }
      for (const field of plan.fields.values()) collect(field, absent, out);
      if (plan.catchall) collect(plan.catchall, true, out);
      return;
    case 'array':
      collect(plan.item, absent, out);
      return;
    case 'record':
      collect(plan.value, absent, out);
      return;
    case 'union': {
      // A field present in only some options is optional overall; the most protected wins.
      const seen = new Map<string, { info: FieldInfo; count: number }>();
      for (const option of plan.options) {
        const fields: FieldInfo[] = [];
        collect(option.plan, absent, fields);
        for (const info of fields) {
          const prior = seen.get(info.path);
          if (!prior) seen.set(info.path, { info, count: 1 });
          else {
            prior.count++;
            const top =
              maxClassification(prior.info.meta.classification, info.meta.classification) ===
              prior.info.meta.classification
                ? prior.info.meta
                : info.meta;
            prior.info = {
              path: info.path,
              meta: top,
              optional: prior.info.optional || info.optional,
              tagged: prior.info.tagged && info.tagged,
            };
          }
        }
      }
      for (const { info, count } of seen.values()) {
        out.push(count === plan.options.length ? info : { ...info, optional: true });
      }
      return;
    }
  }
}

/**
 * Every field of a schema with its effective classification metadata, reading through
 * `optional`, `nullable`, `default`, `pipe`, `array`, `union`, `record`, `lazy` and nested
 * objects (zod 4 does not show a field's metadata through those wrappers by itself).
 * Fields without metadata inherit their enclosing field's, and are `public` at the root.
 * A recursive schema (a zod 4 getter or `z.lazy` that leads back to an enclosing object, such as
 * `DcatOrganization.subOrganizationOf`) lists its recursive field once, as one field, where it
 * repeats: the list is finite, and the levels below have the same fields.
 *
 * @example
 * ```ts
 * fieldsOf(ServiceRequest).filter((f) => f.meta.classification === 'confidential');
 * // [{ path: 'contact.email', meta: { classification: 'confidential', pii: {...} }, optional: true }, ...]
 * ```
 */
export function fieldsOf(schema: z.core.$ZodType): FieldInfo[] {
  const out: FieldInfo[] = [];
  collect(planOf(schema), false, out);
  return out;
}

/**
 * A record's classification: the highest level of any of its fields (or of the schema's own
 * metadata).
 *
 * @example
 * ```ts
 * classificationOf(ServiceRequest); // 'confidential'
 * ```
 */
export function classificationOf(schema: z.core.$ZodType): Classification {
  return planOf(schema).max;
}
