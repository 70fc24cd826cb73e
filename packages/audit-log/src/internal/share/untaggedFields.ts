import { z } from 'zod';
import { classified, type FieldInfo, type FieldMeta, fieldsOf } from '../schemas';

let sentinel: FieldMeta | null | undefined;

/**
 * `fieldsOf` gives a field that neither it nor an enclosing field tags the root default, one
 * shared `{ classification: 'public' }` object. That object is how an untagged field is told
 * from one tagged `public` on purpose. If a later standards-schema stops sharing it (checked
 * here on two probes), every field reading plain `public` counts as untagged: deny by default.
 */
function untaggedDefault(): FieldMeta | null {
  if (sentinel !== undefined) return sentinel;
  const [a, b] = fieldsOf(z.object({ a: z.string(), b: z.number() }));
  const [tagged] = fieldsOf(z.object({ t: classified(z.string(), { classification: 'public' }) }));
  sentinel = a && b && tagged && a.meta === b.meta && tagged.meta !== a.meta ? a.meta : null;
  return sentinel;
}

/** Whether a field carries no classification metadata, its own or an enclosing field's. */
export function isUntagged(info: FieldInfo): boolean {
  const plain = untaggedDefault();
  if (plain) return info.meta === plain;
  return info.meta.classification === 'public' && Object.keys(info.meta).length === 1;
}
