import { z } from 'zod';

/**
 * A department's short code, e.g. `PWD` (Public Works), `BTD` (Transportation), `DoIT`.
 * Letters, digits, `_` and `-`, starting with a letter, at most 32 characters.
 */
export const DepartmentCode = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, 'Expected a department code such as "PWD"')
  .meta({ description: 'City department code', examples: ['PWD', 'BTD', 'DoIT'] });
/** A department code string. */
export type DepartmentCode = z.infer<typeof DepartmentCode>;
