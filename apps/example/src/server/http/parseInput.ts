import type { z } from 'zod';
import { CaseDeskError } from '../CaseDeskError';

/**
 * Parses a request's query or body with `schema`; a failure is a 400 problem whose `errors`
 * name each field, never a thrown zod error.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: 'invalid_body' | 'invalid_query',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  throw new CaseDeskError(
    code,
    code === 'invalid_body' ? 'The request body is not valid' : 'The query is not valid',
    { issues },
  );
}
