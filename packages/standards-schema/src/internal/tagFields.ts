// Explicit classification for every field of a record schema. `fieldsOf` reports a field nobody
// classified as untagged, and data-sharing code refuses such fields, so each exported record
// schema passes its shape through `tagFields` with the level (and the reason) that applies to
// the fields it does not tag one by one. Fields already tagged keep their own metadata.
import type { z } from 'zod';
import { classificationRegistry, classified, type FieldMeta } from '../classified';

type Shape = Record<string, z.core.$ZodType>;

function isTagged(schema: z.core.$ZodType): boolean {
  let current: z.core.$ZodType | undefined = schema;
  for (let depth = 0; current && depth < 16; depth++) {
    if (classificationRegistry.get(current)) return true;
    const def = current._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    current = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as
      | z.core.$ZodType
      | undefined;
  }
  return false;
}

/**
 * Returns the shape with every field that carries no classification tagged with `meta`
 * (a nested object is tagged as a whole, so its untagged fields inherit `meta`).
 */
export function tagFields<S extends Shape>(shape: S, meta: FieldMeta): S {
  const out: Shape = {};
  for (const [key, schema] of Object.entries(shape))
    out[key] = isTagged(schema) ? schema : classified(schema, meta);
  return out as S;
}

/** The usual reason-carrying metadata of fields the standard itself publishes. */
export function publicMeta(reason: string): FieldMeta {
  return { classification: 'public', reason };
}
