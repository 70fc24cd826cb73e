import { z } from 'zod';

/** The pattern of a department code (also checked, without zod, by `safeParsePrincipal`). */
export const DEPARTMENT_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
/** The message of a department code that does not match {@link DEPARTMENT_CODE_PATTERN}. */
export const DEPARTMENT_CODE_MESSAGE = 'Expected a department code such as "PWD"';

/**
 * A department's short code, e.g. `PWD` (Public Works), `BTD` (Transportation), `DoIT`.
 * Letters, digits, `_` and `-`, starting with a letter, at most 32 characters.
 */
// Built in a pure-annotated closure: the light `/core` entry reaches this file for the pattern,
// and a bundler may drop the unused schema (and zod's classic runtime) only if it is pure.
export const DepartmentCode = /* @__PURE__ */ (() =>
  z
    .string()
    .regex(DEPARTMENT_CODE_PATTERN, DEPARTMENT_CODE_MESSAGE)
    .meta({ description: 'City department code', examples: ['PWD', 'BTD', 'DoIT'] }))();
/** A department code string. */
export type DepartmentCode = z.infer<typeof DepartmentCode>;
