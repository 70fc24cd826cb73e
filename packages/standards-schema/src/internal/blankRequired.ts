// Feed readers treat `null` and blank strings as absent (real feeds send them for "no value").
// For a field the schema requires, that turned `"PermitNum": null` into "expected string,
// received undefined", which says nothing about the null the feed sent. These helpers let a
// reader keep such a value as sent when the schema rejects it anyway: the verdict is the same
// (absent or as sent, the field is invalid) and the message names what was sent.
import { z } from 'zod';
import { coreSchema as core } from './schemaCore';

type AnySchema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;

/** The schema of `key` when `schema` is an object schema (under wrappers), else undefined. */
export function fieldSchemaOf(schema: AnySchema | undefined, key: string): AnySchema | undefined {
  const inner = core(schema);
  const def = inner?._zod.def as Def | undefined;
  if (def?.type !== 'object') return undefined;
  const shape = def.shape as Record<string, AnySchema>;
  return Object.hasOwn(shape, key) ? shape[key] : undefined;
}

/** The item schema when `schema` is an array schema (under wrappers), else undefined. */
export function itemSchemaOf(schema: AnySchema | undefined): AnySchema | undefined {
  const def = core(schema)?._zod.def as Def | undefined;
  return def?.type === 'array' ? (def.element as AnySchema) : undefined;
}

/**
 * Whether a reader should keep `value` (a `null` or blank string it would otherwise drop) as
 * sent: the field is required and its schema rejects the value, so validation reports what
 * was sent ("received null") instead of a missing field.
 */
export function keepAsSent(field: AnySchema | undefined, value: unknown): boolean {
  if (!field || field._zod.optin === 'optional') return false;
  return !z.safeParse(field, value).success;
}
