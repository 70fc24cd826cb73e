// The classification guard: compares every exported schema's `fieldsOf` with a checked-in
// snapshot. Lowering a field's classification, dropping its PII metadata or removing it is a
// data-governance change a reviewer must see, so the guard test fails with a message saying
// which field and how.
import { type Classification, compareClassification } from '../classification';
import type { FieldMeta } from '../classified';
import { fieldsOf } from '../fieldsOf';
import { CATALOG } from './catalog';

export type ClassificationSnapshot = Record<string, Record<string, FieldMeta>>;

export function currentSnapshot(): ClassificationSnapshot {
  const out: ClassificationSnapshot = {};
  for (const name of Object.keys(CATALOG).sort()) {
    const schema = CATALOG[name];
    if (!schema) continue;
    const fields: Record<string, FieldMeta> = {};
    for (const field of fieldsOf(schema)) fields[field.path || '(value)'] = field.meta;
    out[name] = fields;
  }
  return out;
}

/** Problems that lower protection (always wrong without review), and plain differences. */
export function compareSnapshots(
  current: ClassificationSnapshot,
  recorded: ClassificationSnapshot,
): { lowered: string[]; changed: string[] } {
  const lowered: string[] = [];
  const changed: string[] = [];
  for (const [name, fields] of Object.entries(recorded)) {
    const now = current[name];
    if (!now) {
      lowered.push(`${name}: schema no longer exported (its classification metadata is gone)`);
      continue;
    }
    for (const [path, meta] of Object.entries(fields)) {
      const field = now[path];
      if (!field) {
        lowered.push(`${name}.${path}: field removed or renamed (was ${meta.classification})`);
        continue;
      }
      if (compareClassification(field.classification as Classification, meta.classification) < 0) {
        lowered.push(
          `${name}.${path}: classification lowered from ${meta.classification} to ${field.classification}`,
        );
      }
      if (meta.pii && !field.pii)
        lowered.push(`${name}.${path}: PII metadata (${meta.pii.category}) dropped`);
      else if (meta.pii && field.pii && meta.pii.category !== field.pii.category) {
        changed.push(`${name}.${path}: PII category ${meta.pii.category} -> ${field.pii.category}`);
      }
      if (JSON.stringify(field) !== JSON.stringify(meta))
        changed.push(`${name}.${path}: metadata changed`);
    }
    for (const path of Object.keys(now))
      if (!(path in fields)) changed.push(`${name}.${path}: new field`);
  }
  for (const name of Object.keys(current))
    if (!(name in recorded)) changed.push(`${name}: new schema`);
  return { lowered, changed };
}
