// Turns a CSV row (header -> text) into the record shape a schema expects: `contact.email`
// headers become nested objects, empty cells are absent, and cells become numbers, booleans or
// JSON arrays/objects where the schema wants them. What cannot be converted is left as text, so
// validation reports it with its path.
import type { z } from 'zod';
import { coreSchema as core } from './schemaCore';

type AnySchema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;

function child(schema: AnySchema | undefined, key: string): AnySchema | undefined {
  const inner = core(schema);
  if (!inner) return undefined;
  const def = inner._zod.def as Def;
  if (def.type === 'object') return (def.shape as Record<string, AnySchema>)[key];
  if (def.type === 'record') return def.valueType as AnySchema;
  return undefined;
}

function convert(schema: AnySchema | undefined, text: string): unknown {
  const inner = core(schema);
  const type = inner ? (inner._zod.def as Def).type : 'string';
  switch (type) {
    case 'number':
    case 'bigint': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'array':
    case 'tuple':
    case 'object':
    case 'record':
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    default:
      return text;
  }
}

export function csvRowToRecord(
  schema: AnySchema,
  row: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [header, text] of Object.entries(row)) {
    if (text === '') continue;
    const path = header.split('.');
    let target = out;
    let node: AnySchema | undefined = schema;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as string;
      node = child(node, key);
      const next = target[key];
      if (typeof next === 'object' && next !== null && !Array.isArray(next))
        target = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        target[key] = created;
        target = created;
      }
    }
    const last = path[path.length - 1] as string;
    target[last] = convert(child(node, last), text);
  }
  return out;
}
