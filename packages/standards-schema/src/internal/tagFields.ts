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
 * (a nested object is tagged as a whole, so its untagged fields inherit `meta`). Getter fields
 * (recursive schemas) stay getters, tagged when first read.
 */
export function tagFields<S extends Shape>(shape: S, meta: FieldMeta): S {
  const out: Shape = {};
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(shape))) {
    const get = descriptor.get;
    if (get) {
      // A recursive field (a zod 4 getter): its schema may not exist yet, so it is read, and
      // tagged, on first use; the same schema instance is returned every time after that, so
      // walkers that stop at a schema they are already inside (plan.ts) see the cycle.
      let tagged: z.core.$ZodType | undefined;
      Object.defineProperty(out, key, {
        enumerable: true,
        configurable: true,
        get() {
          if (!tagged) {
            const schema = get.call(shape) as z.core.$ZodType;
            tagged = isTagged(schema) ? schema : classified(schema, meta);
          }
          return tagged;
        },
      });
      continue;
    }
    const schema = descriptor.value as z.core.$ZodType;
    out[key] = isTagged(schema) ? schema : classified(schema, meta);
  }
  return out as S;
}

/** The usual reason-carrying metadata of fields the standard itself publishes. */
export function publicMeta(reason: string): FieldMeta {
  return { classification: 'public', reason };
}
