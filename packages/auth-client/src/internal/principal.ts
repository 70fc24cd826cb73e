// Validation against the shared `Principal` schema, with issues as `path: message` pairs.
import { Principal } from '@cityofboston/standards-schema';

export type { Principal };

export interface PrincipalIssue {
  path: string;
  message: string;
}

export function parsePrincipal(
  value: Record<string, unknown>,
): { success: true; data: Principal } | { success: false; issues: PrincipalIssue[] } {
  const result = Principal.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    })),
  };
}
