// Walks a zod 4 schema once and records, per field, the effective classification metadata.
// zod 4 keeps `.meta()`/registry entries on the exact schema instance they were attached to, so
// `classificationRegistry.get(z.string().optional())` misses metadata set on the inner string:
// the walk reads through every wrapper and keeps the outermost metadata it finds.
import type { z } from 'zod';
import { type Classification, compareClassification, maxClassification } from '../classification';
import { classificationRegistry, type FieldMeta } from '../classified';

type AnySchema = z.core.$ZodType;

/** A compiled view of one node of a schema: what `fieldsOf` lists and what `redact` follows. */
export type Plan = LeafPlan | ObjectPlan | ArrayPlan | RecordPlan | UnionPlan | LazyPlan;

interface PlanBase {
  /** Field path from the root, e.g. `contact.email`, `activities[].note`; '' for the root. */
  path: string;
  /** Effective metadata at this node (own, else inherited from the enclosing field). */
  meta: FieldMeta;
  /** The highest classification anywhere at or below this node. */
  max: Classification;
  /** Whether the field may be absent from a parsed value. */
  optional: boolean;
}
export interface LeafPlan extends PlanBase {
  kind: 'leaf';
  /** A single-value literal: the schema already says its value, so it reveals nothing. */
  constant?: { value: unknown };
}
export interface ObjectPlan extends PlanBase {
  kind: 'object';
  fields: Map<string, Plan>;
  /** Extra keys of a `catchall`/`looseObject`: only kept when the catchall itself is tagged. */
  catchall: Plan | undefined;
}
export interface ArrayPlan extends PlanBase {
  kind: 'array';
  item: Plan;
}
export interface RecordPlan extends PlanBase {
  kind: 'record';
  value: Plan;
}
export interface UnionPlan extends PlanBase {
  kind: 'union';
  options: { schema: AnySchema; plan: Plan }[];
}
export interface LazyPlan extends PlanBase {
  kind: 'lazy';
  resolve: () => Plan;
}

/**
 * The metadata of a field nothing tagged: `public` by default. Compared by identity, so
 * `fieldsOf` can tell an untagged field from one explicitly tagged `public`.
 */
export const UNTAGGED: FieldMeta = Object.freeze({ classification: 'public' });

function defOf(schema: AnySchema): z.core.$ZodTypeDef & Record<string, unknown> {
  return schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
}

function combine(inherited: FieldMeta, own: FieldMeta | undefined): FieldMeta {
  if (!own) return inherited;
  // A field inside a classified container is never less protected than the container.
  if (compareClassification(own.classification, inherited.classification) >= 0) return own;
  return { ...inherited, ...own, classification: inherited.classification };
}

/** Reads through wrappers; returns the structural schema, its metadata and optionality. */
export function unwrap(
  schema: AnySchema,
  inherited: FieldMeta,
): { core: AnySchema; meta: FieldMeta; explicit: boolean; optional: boolean } {
  let current = schema;
  let own: FieldMeta | undefined;
  let optional = false;
  for (let depth = 0; depth < 64; depth++) {
    if (!own) own = classificationRegistry.get(current);
    const def = defOf(current);
    switch (def.type) {
      case 'optional':
        optional = true;
        current = def.innerType as AnySchema;
        continue;
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
      case 'success':
        current = def.innerType as AnySchema;
        continue;
      case 'pipe': {
        const input = def.in as AnySchema;
        const output = def.out as AnySchema;
        // The parsed value has the output's shape unless the output is a bare transform.
        const structural = defOf(output).type === 'transform' ? input : output;
        const other = structural === input ? output : input;
        if (!own) own = findMeta(other);
        current = structural;
        continue;
      }
      default:
        return {
          core: current,
          meta: combine(inherited, own),
          explicit: own !== undefined,
          optional,
        };
    }
  }
  return { core: current, meta: combine(inherited, own), explicit: own !== undefined, optional };
}

function findMeta(schema: AnySchema): FieldMeta | undefined {
  let current: AnySchema | undefined = schema;
  for (let depth = 0; current && depth < 64; depth++) {
    const own = classificationRegistry.get(current);
    if (own) return own;
    const def = defOf(current);
    current = (def.innerType ?? def.in) as AnySchema | undefined;
  }
  return undefined;
}

const rootCache = new WeakMap<AnySchema, Plan>();

/** The plan of a whole schema (cached per schema instance). */
export function planOf(schema: AnySchema): Plan {
  let plan = rootCache.get(schema);
  if (!plan) {
    plan = compile(schema, UNTAGGED, '', new Set());
    rootCache.set(schema, plan);
  }
  return plan;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function compile(schema: AnySchema, inherited: FieldMeta, path: string, active: Set<object>): Plan {
  const { core, meta, optional } = unwrap(schema, inherited);
  const def = defOf(core);
  const base = { path, meta, optional, max: meta.classification };
  switch (def.type) {
    case 'object': {
      // A recursive object (a zod 4 getter field that leads back to an enclosing object, such
      // as DCAT-US's subOrganizationOf): the subtree repeats what is already being compiled.
      // Clones (`classified`, `.meta()`) share their definition, so the definition is the key.
      if (active.has(def)) return recursion(core, inherited, path, base);
      active.add(def);
      const plan = compileObject(def, meta, path, active, base);
      active.delete(def);
      return plan;
    }
    case 'array':
    case 'set': {
      const element = (def.element ?? def.valueType) as AnySchema;
      const item = compile(element, meta, `${path}[]`, active);
      if (item.kind === 'leaf') return { kind: 'leaf', ...base, meta: item.meta, max: item.max };
      return {
        kind: 'array',
        ...base,
        max: maxClassification(meta.classification, item.max),
        item,
      };
    }
    case 'tuple': {
      const items = [...(def.items as AnySchema[]), ...(def.rest ? [def.rest as AnySchema] : [])];
      const plans = items.map((element) => compile(element, meta, `${path}[]`, active));
      const max = maxClassification(meta.classification, ...plans.map((plan) => plan.max));
      const top = plans.reduce<FieldMeta>(
        (acc, plan) =>
          compareClassification(plan.meta.classification, acc.classification) > 0 ? plan.meta : acc,
        meta,
      );
      return { kind: 'leaf', ...base, meta: top, max };
    }
    case 'record':
    case 'map': {
      const valueSchema = def.valueType as AnySchema;
      const value = compile(valueSchema, meta, join(path, '*'), active);
      if (value.kind === 'leaf') return { kind: 'leaf', ...base, meta: value.meta, max: value.max };
      return {
        kind: 'record',
        ...base,
        max: maxClassification(meta.classification, value.max),
        value,
      };
    }
    case 'union': {
      const options = (def.options as AnySchema[]).map((option) => ({
        schema: option,
        plan: compile(option, meta, path, active),
      }));
      const max = maxClassification(meta.classification, ...options.map((o) => o.plan.max));
      if (options.every((option) => option.plan.kind === 'leaf')) {
        const top = options.reduce<FieldMeta>(
          (acc, o) =>
            compareClassification(o.plan.meta.classification, acc.classification) > 0
              ? o.plan.meta
              : acc,
          meta,
        );
        return { kind: 'leaf', ...base, meta: top, max };
      }
      return { kind: 'union', ...base, max, options };
    }
    case 'intersection': {
      const left = compile(def.left as AnySchema, meta, path, active);
      const right = compile(def.right as AnySchema, meta, path, active);
      if (left.kind === 'object' && right.kind === 'object') {
        const fields = new Map(left.fields);
        for (const [key, plan] of right.fields) {
          const existing = fields.get(key);
          if (!existing || compareClassification(plan.max, existing.max) > 0) fields.set(key, plan);
        }
        return {
          kind: 'object',
          ...base,
          max: maxClassification(left.max, right.max),
          fields,
          catchall: left.catchall ?? right.catchall,
        };
      }
      const top = compareClassification(left.max, right.max) >= 0 ? left : right;
      return { kind: 'leaf', ...base, meta: top.meta, max: maxClassification(left.max, right.max) };
    }
    case 'lazy': {
      // A recursive schema: the subtree repeats what is already being compiled.
      if (active.has(core)) return recursion(core, inherited, path, base);
      active.add(core);
      const getter = (def as unknown as { getter: () => AnySchema }).getter;
      const plan = compile(getter(), meta, path, active);
      active.delete(core);
      return { ...plan, optional: plan.optional || optional };
    }
    case 'literal':
      if ((def.values as unknown[]).length === 1)
        return { kind: 'leaf', ...base, constant: { value: (def.values as unknown[])[0] } };
      return { kind: 'leaf', ...base };
    default:
      return { kind: 'leaf', ...base };
  }
}

type Base = Pick<PlanBase, 'path' | 'meta' | 'optional' | 'max'>;

/**
 * Where a recursive schema comes back to a node that is being compiled: a plan compiled one
 * level at a time, when a value that deep is walked (so compiling always terminates).
 */
function recursion(core: AnySchema, inherited: FieldMeta, path: string, base: Base): LazyPlan {
  let resolved: Plan | undefined;
  return {
    kind: 'lazy',
    ...base,
    resolve: () => {
      resolved ??= compile(core, inherited, path, new Set());
      return resolved;
    },
  };
}

function compileObject(
  def: z.core.$ZodTypeDef & Record<string, unknown>,
  meta: FieldMeta,
  path: string,
  active: Set<object>,
  base: Base,
): ObjectPlan {
  const shape = def.shape as Record<string, AnySchema>;
  const fields = new Map<string, Plan>();
  let max = meta.classification;
  for (const [key, child] of Object.entries(shape)) {
    const plan = compile(child, meta, join(path, key), active);
    fields.set(key, plan);
    max = maxClassification(max, plan.max);
  }
  let catchall: Plan | undefined;
  const rest = def.catchall as AnySchema | undefined;
  if (rest && defOf(rest).type !== 'never' && findMeta(rest)) {
    catchall = compile(rest, meta, join(path, '*'), active);
    max = maxClassification(max, catchall.max);
  }
  return { kind: 'object', ...base, max, fields, catchall };
}
