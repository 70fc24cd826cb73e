// Validation of a `Principal` with issues as `path: message` pairs. `safeParsePrincipal` from
// standards-schema's light `/core` entry applies the `Principal` schema's checks without zod's
// classic runtime, which would cost a browser bundle about 90 kB gzipped (a test holds the two
// to the same verdicts).
import { type Principal, safeParsePrincipal } from '@cityofboston/standards-schema/core';

export type { Principal };

export interface PrincipalIssue {
  path: string;
  message: string;
}

export function parsePrincipal(
  value: Record<string, unknown>,
): { success: true; data: Principal } | { success: false; issues: PrincipalIssue[] } {
  const result = safeParsePrincipal(value);
  if (result.success) return result;
  return {
    success: false,
    issues: result.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    })),
  };
}
