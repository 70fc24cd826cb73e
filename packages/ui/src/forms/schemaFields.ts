import type { z } from 'zod';
import { UiError } from '../errors.js';

/** What a form needs to know about one field of a schema. */
export interface SchemaField {
  name: string;
  /** From `.meta({ title })`, else the name in words ("firstName" → "First name"). */
  label: string;
  /** From `.meta({ description })` or `.describe()`. */
  hint?: string;
  /** True unless the field accepts `undefined`. */
  required: boolean;
  /** The innermost zod type: `string`, `number`, `boolean`, `array`, `enum`, `date`... */
  kind: string;
  /** Options, for enums. */
  options?: readonly string[];
}

type AnySchema = z.ZodType & {
  _zod: { def: { type: string; innerType?: AnySchema; entries?: Record<string, string> } };
};

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
]);

function unwrap(schema: AnySchema): AnySchema[] {
  const chain = [schema];
  let current = schema;
  while (WRAPPERS.has(current._zod.def.type) && current._zod.def.innerType) {
    current = current._zod.def.innerType;
    chain.push(current);
  }
  return chain;
}

function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Reads labels, hints, required flags and kinds from a zod object schema, looking through
 * optional/nullable/default wrappers for metadata.
 */
export function describeSchema(schema: z.ZodObject): SchemaField[] {
  const def = (schema as unknown as AnySchema)._zod?.def as {
    type: string;
    shape?: Record<string, AnySchema>;
  };
  if (def?.type !== 'object' || !def.shape) {
    throw new UiError(
      'UI_UNSUPPORTED_SCHEMA',
      'useSchemaForm: expected a zod object schema (z.object({...}))',
    );
  }
  return Object.entries(def.shape).map(([name, field]) => {
    const chain = unwrap(field);
    const inner = chain[chain.length - 1] as AnySchema;
    let title: string | undefined;
    let description: string | undefined;
    for (const layer of chain) {
      const meta = (
        layer as unknown as { meta: () => Record<string, unknown> | undefined }
      ).meta?.();
      if (title === undefined && typeof meta?.title === 'string') title = meta.title;
      if (description === undefined && typeof meta?.description === 'string')
        description = meta.description;
      if (description === undefined && typeof layer.description === 'string')
        description = layer.description;
    }
    const entries = inner._zod.def.entries;
    return {
      name,
      label: title ?? humanize(name),
      ...(description !== undefined ? { hint: description } : {}),
      required: !field.safeParse(undefined).success,
      kind: inner._zod.def.type,
      ...(entries ? { options: Object.values(entries) } : {}),
    };
  });
}

/**
 * Turns submitted form data into the object the schema parses: empty text becomes `undefined`
 * (so "required" is reported as missing), arrays take every value, booleans are checkboxes,
 * numbers are converted.
 */
export function valuesFromFormData(
  fields: readonly SchemaField[],
  data: FormData,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind === 'array') {
      out[field.name] = data.getAll(field.name).map(String);
      continue;
    }
    if (field.kind === 'boolean') {
      out[field.name] = data.has(field.name);
      continue;
    }
    const value = data.get(field.name);
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
      out[field.name] = undefined;
      continue;
    }
    if (typeof value !== 'string') {
      out[field.name] = value;
      continue;
    }
    out[field.name] = field.kind === 'number' ? Number(value) : value.trim();
  }
  return out;
}
