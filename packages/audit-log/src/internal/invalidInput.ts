import { type AuditErrorCode, type AuditIssue, AuditLogError } from '../errors';

/** A zod-shaped validation issue. */
interface RawIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/**
 * A validation failure as an {@link AuditLogError} that keeps the issues and names each bad field
 * by its path in the message, e.g. `invalid audit event: actor.id: Required`.
 */
export function invalidInput(
  code: AuditErrorCode,
  what: string,
  raw: readonly RawIssue[],
  options: { pathPrefix?: readonly PropertyKey[]; cause?: unknown } = {},
): AuditLogError {
  const prefix = options.pathPrefix ?? [];
  const issues: AuditIssue[] = raw.map((i) => ({
    code: i.code,
    path: [...prefix, ...i.path],
    message: i.message,
  }));
  const list = issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return new AuditLogError(code, `${what}: ${list.join('; ')}`, { issues, cause: options.cause });
}
