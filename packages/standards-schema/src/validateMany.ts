import { z } from 'zod';
import { type AcceptorPayload, acceptorOf, REJECT } from './internal/acceptor';
import { fieldwiseIssuesOf } from './internal/fieldwiseIssues';
import { normalFormOf } from './internal/normalForm';

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
  /**
   * 1 when zod accepts the record and returns a value equal to it, -1 when zod rejects it, 0
   * when the acceptor must tell (see normalForm.ts).
   */
  same: (record: unknown) => 1 | 0 | -1;
  /** zod's output for a record the compiled check accepts, else REJECT. */
  fast: (record: unknown) => T | typeof REJECT;
  /**
   * zod's own parse, with its issues finalized as `safeParse` does; `known`, the rejected fields
   * `same` found, spares looking for them again.
   */
  slow: (record: unknown, known?: number[]) => BulkResult<T>;
  /** The rejected fields `same` found on the record it last answered -1 to. */
  failing: () => number[] | undefined;
}

function bulkOf<S extends z.core.$ZodType>(schema: S): Bulk<z.output<S>> {
  const accept = acceptorOf(schema);
  const normal = normalFormOf(schema);
  const fieldwise = fieldwiseIssuesOf(schema);
  const runtime = accept ? schema : compiled(schema);
  const payload: AcceptorPayload = { value: undefined, issues: [] };
  // The rejected fields the normal-form check found on the last record it said -1 to.
  let failing: number[] | undefined;
  const same = (record: unknown): 1 | 0 | -1 => {
    if (!normal) return 0;
    try {
      const verdict = normal(record, payload);
      if (payload.issues.length !== 0) payload.issues.length = 0;
      failing = payload.failing;
      payload.failing = undefined;
      return verdict;
    } catch {
      payload.issues.length = 0;
      payload.failing = undefined;
      return 0;
    }
  };
  const fast = (record: unknown): z.output<S> | typeof REJECT => {
    if (!accept) return REJECT;
    try {
      const out = accept(record, payload);
      if (out === REJECT && payload.issues.length !== 0) payload.issues.length = 0;
      return out as z.output<S> | typeof REJECT;
    } catch {
      // A transform or refinement threw or went async: zod's parser does the same in `slow`.
      payload.issues.length = 0;
      return REJECT;
    }
  };
  const ctx = { async: false } as const;
  const finalize = (issues: z.core.$ZodRawIssue[]) => {
    const config = z.core.config();
    return issues.map((issue) => z.core.util.finalizeIssue(issue, ctx, config));
  };
  const slow = (record: unknown, known?: number[]): BulkResult<z.output<S>> => {
    // An object's issues are its failing fields' issues: parse only those (fieldwiseIssues.ts).
    const raw = fieldwise?.(record, known);
    if (raw) return { success: false, issues: finalize(raw) };
    const result = runtime._zod.run({ value: record, issues: [] }, ctx);
    if (result instanceof Promise) throw new z.core.$ZodAsyncError();
    if (result.issues.length === 0) return { success: true, data: result.value as z.output<S> };
    return { success: false, issues: finalize(result.issues) };
  };
  return { same, fast, slow, failing: () => failing };
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
 * of the rest, exactly as `schema.safeParse` would for each (the same values, the same issues).
 * Three paths, all generated once per schema from its zod definition:
 * - a record already in the form zod returns (ids as strings, no `null`, times with seconds, no
 *   key the schema would strip) is returned as it is, not copied: the result is the input object
 *   (in its own key order; symbol-keyed and non-enumerable properties, which no JSON or CSV
 *   value has, are not looked at);
 * - a record that needs normalizing goes through a compiled acceptance check that builds zod's
 *   output;
 * - an invalid object record gets zod's issues from zod's parser run on its failing fields only.
 * Faster than ajv on the City's 311 records when they are clean, about as fast with 10% invalid
 * (it reports every issue, ajv the first; see the README's benchmark). Use it for files and
 * feeds; use `schema.safeParse` for one record.
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
  const { same, fast, slow, failing } = bulkOf(schema);
  const valid: z.output<S>[] = [];
  const invalid: { index: number; issues: z.core.$ZodIssue[] }[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    // The common case: already in the form zod returns, so the record is its own result.
    const verdict = same(record);
    if (verdict === 1) {
      valid.push(record as z.output<S>);
      continue;
    }
    if (verdict === 0) {
      const out = fast(record);
      if (out !== REJECT) {
        valid.push(out);
        continue;
      }
    }
    const result = slow(record, verdict === -1 ? failing() : undefined);
    if (result.success) valid.push(result.data);
    else invalid.push({ index, issues: result.issues });
  }
  return { valid, invalid };
}
