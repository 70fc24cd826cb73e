// Until standards-schema's `Principal` schema lands, this mirrors its documented shape.
import { CLASSIFICATIONS, type Classification } from '@cityofboston/standards-schema';

export interface Principal {
  sub: string;
  name: string;
  email?: string;
  department: string;
  roles: string[];
  clearance: Classification;
  employeeType: 'employee' | 'contractor' | 'volunteer';
  accountExpiresAt?: string;
  auth?: { acr?: string; amr?: string[]; authTime?: string };
}

export interface PrincipalIssue {
  path: string;
  message: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function parsePrincipal(
  value: Record<string, unknown>,
): { success: true; data: Principal } | { success: false; issues: PrincipalIssue[] } {
  const issues: PrincipalIssue[] = [];
  const str = (key: string, optional = false) => {
    const v = value[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || v.length === 0) {
      issues.push({ path: key, message: 'expected a non-empty string' });
    }
  };
  str('sub');
  str('name');
  str('email', true);
  str('department');
  if (!Array.isArray(value.roles) || !value.roles.every((r) => typeof r === 'string')) {
    issues.push({ path: 'roles', message: 'expected an array of strings' });
  }
  if (!(CLASSIFICATIONS as readonly unknown[]).includes(value.clearance)) {
    issues.push({ path: 'clearance', message: `expected one of ${CLASSIFICATIONS.join(', ')}` });
  }
  if (!['employee', 'contractor', 'volunteer'].includes(value.employeeType as string)) {
    issues.push({ path: 'employeeType', message: 'expected employee, contractor or volunteer' });
  }
  if (
    value.accountExpiresAt !== undefined &&
    (typeof value.accountExpiresAt !== 'string' || !RFC3339.test(value.accountExpiresAt))
  ) {
    issues.push({ path: 'accountExpiresAt', message: 'expected an RFC 3339 date-time' });
  }
  if (issues.length > 0) return { success: false, issues };
  return { success: true, data: value as unknown as Principal };
}
