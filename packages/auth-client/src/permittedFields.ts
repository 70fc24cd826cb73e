import { fieldsOf, type Principal } from '@cityofboston/standards-schema/core';
import { allows } from './internal/clearance';

/** A schema `fieldsOf` can read (a zod schema from `@cityofboston/standards-schema`, or yours). */
export type ClassifiedSchema = Parameters<typeof fieldsOf>[0];

/**
 * The field paths of `schema` that `principal` may see: those whose classification is at most
 * the principal's clearance (paths as `fieldsOf` gives them, e.g. `contact.email`,
 * `activities[].note`). An expired account may see nothing.
 *
 * @example
 * ```ts
 * permittedFields(clerk, ServiceRequest); // no 'contact.email' for an `internal` clearance
 * ```
 */
export function permittedFields(
  principal: Principal,
  schema: ClassifiedSchema,
  now: Date = new Date(),
): string[] {
  if (
    principal.accountExpiresAt !== undefined &&
    Date.parse(principal.accountExpiresAt) <= now.getTime()
  ) {
    return [];
  }
  return fieldsOf(schema)
    .filter((field) => allows(principal.clearance, field.meta.classification))
    .map((field) => field.path);
}
