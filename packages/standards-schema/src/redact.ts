import { z } from 'zod';
import { type Classification, isAtMost, isClassification } from './classification';
import type { FieldMeta } from './classified';
import { StandardsSchemaError } from './errors';
import { type Plan, planOf } from './internal/plan';

/** Options of {@link redact}. */
export interface RedactOptions {
  /** The viewer's clearance: fields classified above it are redacted. */
  clearance: Classification;
  /**
   * A keyed hash for fields whose rule is `hash` (for example an HMAC with a key only the
   * service holds). Without it those fields are dropped: an unkeyed hash of an email address or
   * a phone number is reversed by trying them all.
   */
  hash?: (value: string, field: { path: string; meta: FieldMeta }) => string;
}

/**
 * What `redact()` returns: the record's shape with every field possibly absent, and redacted
 * leaves possibly replaced by strings (masks, hashes, truncations, months).
 */
export type Redacted<T> = T extends string | number | boolean | bigint | null | undefined
  ? T | string
  : T extends readonly (infer U)[]
    ? Redacted<U>[]
    : T extends object
      ? { [K in keyof T]?: Redacted<T[K]> }
      : unknown;

const DROP = Symbol('drop');
type Out = unknown | typeof DROP;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function copy(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

const DATE = /^(\d{4})-(\d{2})(?:-\d{2})?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const ZIP = /^(\d{3})\d{2}(?:-\d{4})?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/;

function roundCoordinate(value: number): number {
  return Math.round(value * 100) / 100;
}

function generalize(value: unknown, meta: FieldMeta): Out {
  const category = meta.pii?.category;
  if (typeof value === 'number') {
    return category?.startsWith('location.') ? roundCoordinate(value) : DROP;
  }
  if (typeof value === 'string') {
    const zip = ZIP.exec(value);
    if (
      zip &&
      (category === undefined ||
        category.startsWith('contact.postal') ||
        category.startsWith('location.'))
    )
      return zip[1];
    const date = DATE.exec(value);
    if (date) return `${date[1]}-${date[2]}`;
    return DROP;
  }
  return DROP;
}

function mask(value: unknown, meta: FieldMeta): Out {
  if (typeof value !== 'string') return DROP;
  const category = meta.pii?.category;
  if (category === 'contact.email') {
    const at = value.lastIndexOf('@');
    if (at > 0) return `${value[0]}***${value.slice(at)}`;
  }
  if (
    (category === 'contact.phone' ||
      category === 'financial.account' ||
      category === 'identity.govId') &&
    value.length > 6
  ) {
    // The last four digits are the usual way people recognize their own number.
    return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
  }
  return '*'.repeat(Math.min(Math.max(value.length, 3), 12));
}

function truncate(value: unknown, meta: FieldMeta): Out {
  if (typeof value !== 'string') return DROP;
  const ip = IPV4.exec(value);
  if (ip) return `${ip[1]}.${ip[2]}.${ip[3]}.0`;
  if (value.includes(':') && /^[0-9a-f:]+$/i.test(value)) {
    const groups = value.split(':').slice(0, 3);
    return `${groups.join(':')}::`;
  }
  const keep = meta.truncateLength ?? 1;
  return value.length > keep ? `${value.slice(0, keep)}…` : value;
}

function applyRule(value: unknown, plan: Plan, options: RedactOptions): Out {
  const meta = plan.meta;
  if (value === null || value === undefined) return value;
  const rule = meta.redact ?? 'drop';
  if (rule === 'drop') return DROP;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const one = applyRule(item, plan, options);
      if (one === DROP) return DROP;
      out.push(one);
    }
    return out;
  }
  switch (rule) {
    case 'hash': {
      if (!options.hash) return DROP;
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      return options.hash(text, { path: plan.path, meta });
    }
    case 'mask':
      return mask(value, meta);
    case 'generalize':
      if (isPlainObject(value)) return DROP;
      return generalize(value, meta);
    case 'truncate':
      return truncate(value, meta);
  }
}

/** A value that does not match the schema's shape: shown whole only to a viewer cleared for all of it. */
function failClosed(value: unknown, plan: Plan, clearance: Classification): Out {
  return isAtMost(plan.max, clearance) ? copy(value) : DROP;
}

function walk(plan: Plan, value: unknown, options: RedactOptions): Out {
  if (value === null || value === undefined) return value;
  const clearance = options.clearance;
  switch (plan.kind) {
    case 'leaf':
      return (plan.constant !== undefined && plan.constant.value === value) ||
        isAtMost(plan.meta.classification, clearance)
        ? copy(value)
        : applyRule(value, plan, options);
    case 'lazy':
      return walk(plan.resolve(), value, options);
    case 'object': {
      if (!isPlainObject(value)) return failClosed(value, plan, clearance);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const field = plan.fields.get(key) ?? plan.catchall;
        // Keys the schema does not know never pass through.
        if (!field) continue;
        const result = walk(field, value[key], options);
        if (result !== DROP) out[key] = result;
      }
      // A container classified above the clearance whose every field went: drop it too.
      if (Object.keys(out).length === 0 && !isAtMost(plan.meta.classification, clearance))
        return DROP;
      return out;
    }
    case 'array': {
      if (!Array.isArray(value)) return failClosed(value, plan, clearance);
      const out: unknown[] = [];
      for (const item of value) {
        const result = walk(plan.item, item, options);
        if (result !== DROP) out.push(result);
      }
      return out;
    }
    case 'record': {
      if (!isPlainObject(value)) return failClosed(value, plan, clearance);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const result = walk(plan.value, value[key], options);
        if (result !== DROP) out[key] = result;
      }
      return out;
    }
    case 'union': {
      // Walk the matching option even when everything is visible: its unknown keys must go.
      for (const option of plan.options) {
        if (z.safeParse(option.schema, value).success) return walk(option.plan, value, options);
      }
      return failClosed(value, plan, clearance);
    }
  }
}

/**
 * A copy of `value` fit for a viewer cleared to `clearance`: every field classified above the
 * clearance is dropped, masked, hashed, generalized or truncated as its metadata says (drop when
 * it says nothing). Keys the schema does not know are always dropped. The input is never
 * mutated, and nothing in the result is shared with it. Recursive schemas are walked to the
 * depth of the value (each level redacted by the same rules).
 *
 * @throws StandardsSchemaError `INVALID_CLEARANCE` when `clearance` is not a level.
 *
 * @example
 * ```ts
 * const forPublic = redact(ServiceRequest, request, { clearance: 'public' });
 * // contact is gone, lat/long are rounded to about 1 km, requested_datetime is kept
 * ```
 */
export function redact<S extends z.core.$ZodType>(
  schema: S,
  value: z.output<S>,
  options: RedactOptions,
): Redacted<z.output<S>> {
  if (!isClassification(options?.clearance)) {
    throw new StandardsSchemaError(
      'INVALID_CLEARANCE',
      `redact(): clearance must be one of public, internal, confidential, restricted; got ${JSON.stringify(options?.clearance)}`,
    );
  }
  const result = walk(planOf(schema), value, options);
  return (result === DROP ? undefined : result) as Redacted<z.output<S>>;
}
