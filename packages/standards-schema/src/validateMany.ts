import { z } from 'zod';
import { type AcceptorPayload, acceptorOf, REJECT } from './internal/acceptor';

const compiledCache = new WeakMap<z.core.$ZodType, z.core.$ZodType>();

/**
 * The schema compiled with zod's ahead-of-time fast path (`z.compile`), cached per schema. It
 * parses exactly as the schema does (zod falls back to its runtime parser for anything the fast
 * path cannot model, and to build issues for invalid input). {@link validateMany} uses it for
 * schemas its own compiled acceptance check cannot model.
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

/** One record's result on the bulk path: zod's output, or zod's issues. */
export type BulkResult<T> =
  | { success: true; data: T }
  | { success: false; issues: z.core.$ZodIssue[] };

interface Bulk<T> {
  /** zod's output for a record the compiled check accepts, else REJECT. */
  fast: (record: unknown) => T | typeof REJECT;
  /** zod's own parse, with its issues finalized as `safeParse` does. */
  slow: (record: unknown) => BulkResult<T>;
}

function bulkOf<S extends z.core.$ZodType>(schema: S): Bulk<z.output<S>> {
  const accept = acceptorOf(schema);
  const runtime = accept ? schema : compiled(schema);
  const payload: AcceptorPayload = { value: undefined, issues: [] };
  const fast = (record: unknown): z.output<S> | typeof REJECT => {
    if (!accept) return REJECT;
    try {
      const out = accept(record, payload);
      if (out === REJECT) payload.issues.length = 0;
      return out as z.output<S> | typeof REJECT;
    } catch {
      // A transform or refinement threw or went async: zod's parser does the same in `slow`.
      payload.issues.length = 0;
      return REJECT;
    }
  };
  const slow = (record: unknown): BulkResult<z.output<S>> => {
    const ctx = { async: false } as const;
    const result = runtime._zod.run({ value: record, issues: [] }, ctx);
    if (result instanceof Promise) throw new z.core.$ZodAsyncError();
    if (result.issues.length === 0) return { success: true, data: result.value as z.output<S> };
    const config = z.core.config();
    return {
      success: false,
      issues: result.issues.map((issue) => z.core.util.finalizeIssue(issue, ctx, config)),
    };
  };
  return { fast, slow };
}

/**
 * A reusable parse function for one schema, with the same results as `schema.safeParse` (the
 * parsed data, or zod's issues) but faster for valid input: it goes through the acceptance check
 * compiled once per schema from its zod definition (the one `validateMany` uses), and only input
 * the check does not accept goes to zod's own parser, which builds the issues. The issues are
 * finalized as `safeParse` does, without a `ZodError` (build one with `new z.ZodError(issues)`
 * if you need it). Use it on hot paths that parse one value at a time many times, such as an
 * audit log validating each event. The function keeps scratch space between calls: it is not
 * reentrant (do not call it from inside one of the schema's own transforms).
 *
 * @example
 * ```ts
 * const parseRequest = createParser(ServiceRequest);
 * const result = parseRequest(body);
 * if (!result.success) console.log(formatIssues(result.issues));
 * ```
 */
export function createParser<S extends z.core.$ZodType>(
  schema: S,
): (value: unknown) => BulkResult<z.output<S>> {
  const { fast, slow } = bulkOf(schema);
  return (record) => {
    const out = fast(record);
    return out === REJECT ? slow(record) : { success: true, data: out };
  };
}

/**
 * The recommended bulk path: validates many records and returns the parsed ones and the issues
 * of the rest, exactly as `schema.safeParse` would for each. Valid records go through a check
 * compiled once per schema from its zod definition (faster than ajv on the City's 311 records);
 * invalid ones through zod's own parser, so their issues are zod's. Use it for files and feeds;
 * use `schema.safeParse` for one record.
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
  const { fast, slow } = bulkOf(schema);
  const valid: z.output<S>[] = [];
  const invalid: { index: number; issues: z.core.$ZodIssue[] }[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    // The common case allocates nothing beyond zod's output.
    const out = fast(record);
    if (out !== REJECT) {
      valid.push(out);
      continue;
    }
    const result = slow(record);
    if (result.success) valid.push(result.data);
    else invalid.push({ index, issues: result.issues });
  }
  return { valid, invalid };
}
