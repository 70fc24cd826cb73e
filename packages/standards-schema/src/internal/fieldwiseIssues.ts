// The bulk path's error path for object schemas. zod parses an object field by field and
// concatenates each field's issues, prefixed with its key; the object's own checks (refinements)
// then run only if no issue so far aborts. So the issues of a record are the issues of its
// failing fields: code generated with the normal-form check and the acceptor (normalForm.ts,
// acceptor.ts) tells, without building issues, which fields zod may not accept, and zod's own
// parser runs only on those. This follows zod's object
// rules for present, absent, optional and defaulted keys (`handlePropertyResult` and the object
// JIT in zod's core) and falls back (returns undefined) whenever they do not settle the result:
// input that is not a plain object, no failing field (an object check failed), or only issues
// that let the object's checks run. Property tests compare it with `safeParse`.
import type { z } from 'zod';
import { type AcceptorPayload, internals } from './acceptor';
import { failingFieldsOf } from './normalForm';

type Node = z.core.$ZodType;
type RawIssue = z.core.$ZodRawIssue & { path?: PropertyKey[]; continue?: boolean };

interface Field {
  key: string;
  schema: Node;
  optin: 'optional' | 'defaulted' | undefined;
  optout: 'optional' | undefined;
}

/** Raw (unfinalized) issues of `record`, as zod's parse would give them, or undefined. */
export type FieldwiseIssues = (record: unknown, failing?: number[]) => RawIssue[] | undefined;

const cache = new WeakMap<Node, FieldwiseIssues | null>();

/** The field-by-field error path for an object schema; undefined for any other schema. */
export function fieldwiseIssuesOf(schema: Node): FieldwiseIssues | undefined {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  const made = make(schema);
  cache.set(schema, made ?? null);
  return made;
}

function make(schema: Node): FieldwiseIssues | undefined {
  const zod = internals(schema);
  const def = zod.def as z.core.$ZodTypeDef & { shape?: Record<string, Node>; catchall?: Node };
  if (!zod.traits.has('$ZodObject') || def.catchall !== undefined || !def.shape) return undefined;
  if (Object.getOwnPropertySymbols(def.shape).length > 0) return undefined;
  const fields: Field[] = Object.keys(def.shape).map((key) => {
    const field = (def.shape as Record<string, Node>)[key] as Node;
    const { optin, optout } = internals(field);
    return { key, schema: field, optin, optout };
  });
  if (fields.some((f) => f.key === '__proto__')) return undefined;
  const locate = failingFieldsOf(schema);
  if (!locate) return undefined;
  const payload: AcceptorPayload = { value: undefined, issues: [] };
  const ctx = { async: false } as const;

  // `failing`: the rejected fields, when the normal-form check has already found them.
  return (record, known) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
    const input = record as Record<string, unknown>;
    const issues: RawIssue[] = [];
    let aborts = false;
    let failing: number[] | undefined = known;
    try {
      failing ??= locate(input, payload);
    } catch {
      // A transform or check threw: zod's parser does the same, let it.
      return undefined;
    } finally {
      if (payload.issues.length !== 0) payload.issues.length = 0;
    }
    if (!failing) return undefined;
    for (const at of failing) {
      const field = fields[at] as Field;
      const present = field.key in input;
      const optionalOut = field.optout === 'optional';
      const result = field.schema._zod.run({ value: input[field.key], issues: [] }, ctx);
      if (result instanceof Promise) return undefined; // zod would throw: let it
      const fieldIssues = result.issues as RawIssue[];
      if (fieldIssues.length > 0) {
        // Absent and optional-in/out: zod ignores the field's issues.
        if (field.optin !== undefined && optionalOut && !present) continue;
        for (const issue of fieldIssues) {
          issue.path = issue.path ? [field.key, ...issue.path] : [field.key];
          if (issue.continue !== true) aborts = true;
          issues.push(issue);
        }
      } else if (!present && field.optin === undefined) {
        issues.push({
          code: 'invalid_type',
          expected: 'nonoptional',
          input: undefined,
          path: [field.key],
        } as RawIssue);
        aborts = true;
      }
    }
    // No failing field (an object check failed), or the object's checks would still run.
    if (issues.length === 0 || !aborts) return undefined;
    return issues;
  };
}
