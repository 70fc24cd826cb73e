import type { z } from 'zod';

/** A path as people read it: `contact.email`, `activities[2].note`, `attributes["odd key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(record)' : out;
}

/** One issue as `path: message`. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * Readable lines for a validation failure, one per issue, each starting with the field path.
 * Union failures list what each alternative expected.
 *
 * @example
 * ```ts
 * const result = ServiceRequest.safeParse({ status: 'pending' });
 * if (!result.success) console.log(formatIssues(result.error).join('\n'));
 * // service_request_id: Invalid input: expected string, received undefined
 * // status: Invalid option: expected one of "open"|"closed"
 * // ...
 * ```
 */
export function formatIssues(error: z.core.$ZodError | readonly z.core.$ZodIssue[]): string[] {
  const issues = Array.isArray(error) ? error : (error as z.core.$ZodError).issues;
  const lines: string[] = [];
  for (const issue of issues as readonly z.core.$ZodIssue[]) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const options = issue.errors.map((branch) =>
        branch
          .map((inner) => formatIssue({ ...inner, path: [...issue.path, ...inner.path] }))
          .join('; '),
      );
      lines.push(
        `${formatPath(issue.path)}: ${issue.message} (${options.map((o, i) => `option ${i + 1}: ${o}`).join(' | ')})`,
      );
    } else {
      lines.push(formatIssue(issue));
    }
  }
  return lines;
}
