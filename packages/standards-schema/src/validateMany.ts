import { z } from 'zod';

const compiledCache = new WeakMap<z.core.$ZodType, z.core.$ZodType>();

/**
 * The schema compiled with zod's ahead-of-time fast path (`z.compile`), cached per schema. It
 * parses exactly as the schema does (zod falls back to its runtime parser for anything the fast
 * path cannot model, and to build issues for invalid input).
 */
export function compiled<S extends z.core.$ZodType>(schema: S): S {
  let fast = compiledCache.get(schema);
  if (!fast) {
    fast = z.compile(schema);
    compiledCache.set(schema, fast);
  }
  return fast as S;
}

/** What {@link validateMany} returns. */
export interface ValidateManyResult<T> {
  /** The parsed records, in input order. */
  valid: T[];
  /** Each invalid record's index and zod issues, in input order. */
  invalid: { index: number; issues: z.core.$ZodIssue[] }[];
}

/**
 * The recommended bulk path: validates many records with the compiled schema and returns the
 * parsed ones and the issues of the rest. Use it for files and feeds; use `schema.safeParse`
 * for one record.
 *
 * @example
 * ```ts
 * const { valid, invalid } = validateMany(ServiceRequest, rows);
 * for (const bad of invalid) console.log(bad.index, formatIssues(bad.issues));
 * ```
 */
export function validateMany<S extends z.core.$ZodType>(
  schema: S,
  records: readonly unknown[],
): ValidateManyResult<z.output<S>> {
  const fast = compiled(schema);
  const valid: z.output<S>[] = [];
  const invalid: { index: number; issues: z.core.$ZodIssue[] }[] = [];
  // Every invalid record makes a ZodError, and capturing its stack trace costs more than the
  // validation itself; nothing reads those stacks here. The loop is synchronous, so no other
  // code sees the lowered limit, and `finally` restores it.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (let index = 0; index < records.length; index++) {
      const result = z.safeParse(fast, records[index]);
      if (result.success) valid.push(result.data);
      else invalid.push({ index, issues: result.error.issues });
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return { valid, invalid };
}
