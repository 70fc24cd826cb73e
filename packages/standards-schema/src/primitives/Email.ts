import { z } from 'zod';

/**
 * An email address (the practical subset of RFC 5322 `addr-spec` that zod accepts). It is not
 * lower-cased: the local part may be case-sensitive.
 *
 * Standard: [RFC 5322 §3.4.1](https://www.rfc-editor.org/rfc/rfc5322#section-3.4.1).
 *
 * @example
 * ```ts
 * Email.parse('resident@example.org');
 * ```
 */
export const Email = z.email().meta({
  description: 'Email address (RFC 5322 addr-spec)',
  examples: ['resident@example.org'],
});
/** An email address string. */
export type Email = z.infer<typeof Email>;
