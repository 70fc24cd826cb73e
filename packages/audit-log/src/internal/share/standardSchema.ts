import * as standards from '@cityofboston/standards-schema';
import type { z } from 'zod';
import { compareClassification, type FieldInfo, fieldsOf } from '../schemas';

/**
 * Fields a look-alike schema classifies lower than the standard schema of the same name (a
 * schema whose meta id is `ServiceRequest` must not make `contact.email` public to slip under an
 * agreement's ceiling). Empty when the dataset is not a standard record.
 */
export function loweredFields(dataset: string, given: readonly FieldInfo[]): string[] {
  const standard = (standards as unknown as Record<string, unknown>)[dataset];
  if (!standard || typeof standard !== 'object' || !('_zod' in standard)) return [];
  const reference = new Map(fieldsOf(standard as z.ZodType).map((f) => [f.path, f.meta]));
  const out: string[] = [];
  for (const field of given) {
    const meta = reference.get(field.path);
    if (meta && compareClassification(field.meta.classification, meta.classification) < 0) {
      out.push(
        `${field.path} (${field.meta.classification}, the standard says ${meta.classification})`,
      );
    }
  }
  return out;
}
