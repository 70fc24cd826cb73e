// `Principal.safeParse` without zod's classic runtime, for browser bundles (the `/core` entry).
// zod 4 classic cannot be tree-shaken: a `Principal` schema costs a browser about 90 kB gzipped,
// the same schema in `zod/mini` about 7 kB, this about 1 kB. It applies the very checks the
// `Principal` schema declares, with zod's own patterns for email and date-time (`zod/v4/core`
// regexes, the ones the classic schemas use), and returns zod-shaped issues. Tests hold it to
// the schema: both accept and reject the same generated inputs, with the same output and paths.
import type { $ZodIssue } from 'zod/v4/core';
import { regexes } from 'zod/v4/core';
import { CLASSIFICATIONS } from './classification';
import { DEPARTMENT_CODE_MESSAGE, DEPARTMENT_CODE_PATTERN } from './DepartmentCode';
import type { Principal } from './Principal';

/** How a person works for the City: the values of the `EmployeeType` schema. */
export const EMPLOYEE_TYPES = ['employee', 'contractor', 'volunteer'] as const;

/** What {@link safeParsePrincipal} returns: the parsed `Principal`, or zod issues. */
export type PrincipalParseResult =
  | { success: true; data: Principal }
  | { success: false; issues: $ZodIssue[] };

type Path = (string | number)[];
type Issues = $ZodIssue[];

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidType(
  expected: 'string' | 'array' | 'object',
  input: unknown,
  path: Path,
  issues: Issues,
) {
  issues.push({
    code: 'invalid_type',
    expected,
    path,
    message: `Invalid input: expected ${expected}, received ${typeName(input)}`,
  });
}

/** `z.string().min(1)`, optionally with a format pattern (`z.email()`, `z.iso.datetime()`). */
function string(input: unknown, path: Path, issues: Issues, format?: Format): boolean {
  if (typeof input !== 'string') {
    invalidType('string', input, path, issues);
    return false;
  }
  let ok = true;
  if (format) {
    if (!format.pattern.test(input)) {
      issues.push({
        code: 'invalid_format',
        format: format.name,
        pattern: format.pattern.source,
        path,
        message: format.message,
      });
      ok = false;
    }
  } else if (input.length < 1) {
    issues.push({
      code: 'too_small',
      origin: 'string',
      minimum: 1,
      inclusive: true,
      path,
      message: 'Too small: expected string to have >=1 characters',
    });
    ok = false;
  }
  return ok;
}

function oneOf(values: readonly string[], input: unknown, path: Path, issues: Issues): boolean {
  if (typeof input === 'string' && values.includes(input)) return true;
  issues.push({
    code: 'invalid_value',
    values: [...values],
    path,
    message: `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join('|')}`,
  });
  return false;
}

/** `z.array(z.string().min(1))`: a copy of the array, or undefined when invalid. */
function strings(input: unknown, path: Path, issues: Issues): string[] | undefined {
  if (!Array.isArray(input)) {
    invalidType('array', input, path, issues);
    return undefined;
  }
  let ok = true;
  input.forEach((item, index) => {
    if (!string(item, [...path, index], issues)) ok = false;
  });
  return ok ? [...(input as string[])] : undefined;
}

interface Format {
  name: string;
  pattern: RegExp;
  message: string;
}
// Built on first use, not at import: a bundle that imports only the classification helpers from
// `/core` then leaves zod's regexes out.
let formats: { email: Format; dateTime: Format; department: Format } | undefined;
function getFormats() {
  formats ??= {
    email: { name: 'email', pattern: regexes.email, message: 'Invalid email address' },
    dateTime: {
      name: 'datetime',
      pattern: regexes.datetime({ offset: true }),
      message: 'Invalid ISO datetime',
    },
    department: {
      name: 'regex',
      pattern: DEPARTMENT_CODE_PATTERN,
      message: DEPARTMENT_CODE_MESSAGE,
    },
  };
  return formats;
}

/**
 * Validates a value as a {@link Principal} exactly as `Principal.safeParse` does (unknown keys
 * dropped, the same checks, zod-shaped issues), without loading zod's classic runtime: for
 * browser code, where the `Principal` schema would cost about 90 kB gzipped.
 *
 * @example
 * ```ts
 * import { safeParsePrincipal } from '@cityofboston/standards-schema/core';
 *
 * const result = safeParsePrincipal(JSON.parse(body));
 * if (!result.success) console.log(result.issues.map((i) => i.path.join('.')));
 * ```
 */
export function safeParsePrincipal(value: unknown): PrincipalParseResult {
  const issues: Issues = [];
  const { email: EMAIL, dateTime: DATETIME, department: DEPARTMENT } = getFormats();
  if (!isObject(value)) {
    invalidType('object', value, [], issues);
    return { success: false, issues };
  }
  const out: Record<string, unknown> = {};
  const field = (key: string, check: (input: unknown, path: Path) => boolean) => {
    if (check(value[key], [key])) out[key] = value[key];
  };
  const optional = (key: string, check: (input: unknown, path: Path) => boolean) => {
    if (!(key in value)) return;
    if (value[key] === undefined || check(value[key], [key])) out[key] = value[key];
  };

  field('sub', (v, p) => string(v, p, issues));
  field('name', (v, p) => string(v, p, issues));
  optional('email', (v, p) => string(v, p, issues, EMAIL));
  field('department', (v, p) => string(v, p, issues, DEPARTMENT));
  const roles = strings(value.roles, ['roles'], issues);
  if (roles) out.roles = roles;
  field('clearance', (v, p) => oneOf(CLASSIFICATIONS, v, p, issues));
  field('employeeType', (v, p) => oneOf(EMPLOYEE_TYPES, v, p, issues));
  optional('accountExpiresAt', (v, p) => string(v, p, issues, DATETIME));
  if ('auth' in value && value.auth !== undefined) {
    const auth = value.auth;
    if (!isObject(auth)) invalidType('object', auth, ['auth'], issues);
    else {
      const parsed: Record<string, unknown> = {};
      if ('acr' in auth && (auth.acr === undefined || string(auth.acr, ['auth', 'acr'], issues)))
        parsed.acr = auth.acr;
      if ('amr' in auth) {
        if (auth.amr === undefined) parsed.amr = undefined;
        else {
          const amr = strings(auth.amr, ['auth', 'amr'], issues);
          if (amr) parsed.amr = amr;
        }
      }
      if (
        'authTime' in auth &&
        (auth.authTime === undefined ||
          string(auth.authTime, ['auth', 'authTime'], issues, DATETIME))
      )
        parsed.authTime = auth.authTime;
      out.auth = parsed;
    }
  } else if ('auth' in value) out.auth = undefined;

  if (issues.length > 0) return { success: false, issues };
  return { success: true, data: out as Principal };
}
