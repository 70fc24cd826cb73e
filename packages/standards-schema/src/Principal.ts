import { z } from 'zod';
import { Classification } from './classification';
import { classified } from './classified';
import { DepartmentCode } from './DepartmentCode';
import { publicMeta, tagFields } from './internal/tagFields';
import { DateTime } from './primitives/DateTime';
import { Email } from './primitives/Email';
import { EMPLOYEE_TYPES } from './safeParsePrincipal';

// Fields not tagged one by one below are public: Sign-in metadata every City app needs to authorize a request; no personal data.
const META = publicMeta(
  'Sign-in metadata every City app needs to authorize a request; no personal data.',
);

/** How a person works for the City. */
export const EmployeeType = z.enum(EMPLOYEE_TYPES);
/** `employee`, `contractor` or `volunteer`. */
export type EmployeeType = z.infer<typeof EmployeeType>;

/**
 * The signed-in identity: who (OIDC `sub`, name, email), where (department), what they may do
 * (roles, clearance) and how they signed in (OIDC `acr`, `amr`, `auth_time`).
 *
 * Standard: claim names follow [OpenID Connect Core 1.0 §2 and §5.1](https://openid.net/specs/openid-connect-core-1_0.html#IDToken);
 * `amr` values follow [RFC 8176](https://www.rfc-editor.org/rfc/rfc8176).
 *
 * Browser code that only needs to check a principal can use `safeParsePrincipal` from
 * `@cityofboston/standards-schema/core`, which applies the same checks without zod's classic
 * runtime.
 *
 * @example
 * ```ts
 * const principal = Principal.parse({
 *   sub: 'u-1042', name: 'Avery Quinn', department: 'PWD', roles: ['case.worker'],
 *   clearance: 'confidential', employeeType: 'employee',
 * });
 * ```
 */
export const Principal = z
  .object(
    tagFields(
      {
        /** The identity provider's stable subject identifier. */
        sub: classified(z.string().min(1), {
          classification: 'internal',
          pii: { category: 'online.identifier', kind: 'linkable' },
          redact: 'hash',
        }),
        name: classified(z.string().min(1), {
          classification: 'internal',
          pii: { category: 'identity.name', kind: 'direct' },
          redact: 'truncate',
        }),
        email: classified(Email, {
          classification: 'internal',
          pii: { category: 'contact.email', kind: 'direct' },
          redact: 'mask',
        }).optional(),
        department: DepartmentCode,
        roles: classified(z.array(z.string().min(1)), { classification: 'internal' }),
        clearance: classified(Classification, { classification: 'internal' }),
        employeeType: classified(EmployeeType, { classification: 'internal' }),
        /** When the account stops working (contractors, volunteers). */
        accountExpiresAt: classified(DateTime, { classification: 'internal' }).optional(),
        /** How the principal authenticated. */
        auth: classified(
          z.object({
            acr: z.string().min(1).optional(),
            amr: z.array(z.string().min(1)).optional(),
            authTime: DateTime.optional(),
          }),
          { classification: 'internal' },
        ).optional(),
      },
      META,
    ),
  )
  .meta({ id: 'Principal', title: 'Principal', description: 'A signed-in City identity.' });
/** A signed-in City identity. */
export type Principal = z.infer<typeof Principal>;
