import { z } from 'zod';
import { classified } from '../classified';
import { DepartmentList } from '../Department';
import { LanguageTag } from '../primitives/LanguageTag';

/** A claim name or a dotted path into the ID token's claims (`realm_access.roles`). */
const ClaimPath = z
  .string()
  .regex(/^[A-Za-z_][\w:-]*(?:\.[A-Za-z_][\w:-]*)*$/, 'Expected a claim name or a dotted path');

/**
 * Where each `Principal` field comes from in the municipality's identity provider's claims.
 * The same fields as auth-client's `ClaimMapping`, as plain claim names (functions are code, not
 * configuration). Missing entries use the OpenID Connect or City default name.
 */
export const IdentityClaimMapping = z
  .object({
    sub: ClaimPath.optional(),
    name: ClaimPath.optional(),
    email: ClaimPath.optional(),
    department: ClaimPath.optional(),
    roles: ClaimPath.optional(),
    clearance: ClaimPath.optional(),
    employeeType: ClaimPath.optional(),
    accountExpiresAt: ClaimPath.optional(),
  })
  .strict()
  .meta({ id: 'IdentityClaimMapping', title: 'Identity claim mapping' });
/** Where each `Principal` field comes from in the identity provider's claims. */
export type IdentityClaimMapping = z.infer<typeof IdentityClaimMapping>;

/** Kinds of Massachusetts municipal government (M.G.L. c. 43B: cities and towns). */
export const MUNICIPALITY_KINDS = ['city', 'town'] as const;

/**
 * A municipality that runs the City SDK: its name as residents read it, its official web domain,
 * its departments, the languages it serves residents in, and how its identity provider names the
 * claims the SDK reads. The Commonwealth's 351 cities and towns each describe themselves with one
 * of these; {@link BOSTON_MUNICIPALITY} is the default. Presentation (logo, theme, translated strings) lives in
 * `@cityofboston/ui`, which reads this record.
 *
 * Every field is `public` (a municipality's name, domain and departments are published facts)
 * except the claim mapping, which describes internal identity infrastructure.
 *
 * @example
 * ```ts
 * const town = Municipality.parse({
 *   kind: 'town', name: 'Town of Millbrook', shortName: 'Millbrook',
 *   officialDomain: 'millbrook-ma.gov', departments: [], languages: ['en', 'pt'],
 * });
 * ```
 */
export const Municipality = z
  .object({
    kind: classified(z.enum(MUNICIPALITY_KINDS), { classification: 'public' }),
    /** The full name residents read, e.g. "City of Boston", "Town of Brookline". */
    name: classified(z.string().min(1), { classification: 'public' }),
    /** The short name, e.g. "Boston". */
    shortName: classified(z.string().min(1), { classification: 'public' }),
    /** The official web domain named in the official-website banner, e.g. `boston.gov`. */
    officialDomain: classified(
      z
        .string()
        .regex(
          /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
          'Expected a lower-case domain name such as boston.gov',
        ),
      { classification: 'public' },
    ),
    /** Two-letter state or territory code (USPS). Default `MA`. */
    state: classified(z.string().regex(/^[A-Z]{2}$/), { classification: 'public' }).default('MA'),
    departments: classified(DepartmentList, { classification: 'public' }),
    /** The languages the municipality serves residents in, the first being the default. */
    languages: classified(z.array(LanguageTag).min(1), { classification: 'public' }),
    identityClaims: classified(IdentityClaimMapping, { classification: 'internal' }).default({}),
  })
  .strict()
  .meta({
    id: 'Municipality',
    title: 'Municipality',
    description: 'A Massachusetts city or town that runs the City SDK',
  });
/** A Massachusetts city or town that runs the City SDK. */
export type Municipality = z.infer<typeof Municipality>;
/** What {@link Municipality.parse} accepts (state and claim mapping may be left out). */
export type MunicipalityInput = z.input<typeof Municipality>;
