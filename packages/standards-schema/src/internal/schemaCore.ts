// The schema a value is checked against under zod's wrappers, for the readers that look a
// field's schema up (CSV conversion, feed readers keeping a required value as sent).
import type { z } from 'zod';

type AnySchema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;

/** The schema under wrappers (optional, nullable, default, pipe input, lazy). */
export function coreSchema(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 32; depth++) {
    const def = current._zod.def as Def;
    if (def.innerType) current = def.innerType as AnySchema;
    else if (def.type === 'pipe') current = def.in as AnySchema;
    else if (def.type === 'lazy')
      current = (def as unknown as { getter: () => AnySchema }).getter();
    else return current;
  }
  return current;
}
