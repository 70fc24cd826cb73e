import { z } from 'zod';
import { type $ZodRegistry, registry } from 'zod/v4/core';
import { Classification } from './classification';
import { StandardsSchemaError } from './errors';

/**
 * Categories of personal data a field can hold. `demographic.*` covers birth date, gender,
 * language and disability; `freeText` is anything a person typed (it may hold anything);
 * `media` is photos, audio and video.
 */
export const PII_CATEGORIES = [
  'identity.name',
  'identity.govId',
  'financial.account',
  'biometric',
  'contact.email',
  'contact.phone',
  'contact.postal',
  'location.precise',
  'location.coarse',
  'online.identifier',
  'demographic.birthDate',
  'demographic.gender',
  'demographic.language',
  'demographic.disability',
  'freeText',
  'media',
] as const;

/** One of {@link PII_CATEGORIES}. */
export type PiiCategory = (typeof PII_CATEGORIES)[number];

/**
 * How personal data identifies someone: `direct` on its own (a name, an email), `linkable` with
 * another source (an account id, an IP address), `quasi` in combination (ZIP code, birth date,
 * gender).
 */
export const PII_KINDS = ['direct', 'linkable', 'quasi'] as const;

/** One of {@link PII_KINDS}. */
export type PiiKind = (typeof PII_KINDS)[number];

/**
 * What `redact()` does with a field the viewer is not cleared for:
 * - `drop`: remove it (the default, and the fallback when another method does not apply).
 * - `mask`: keep the shape, hide the content (`j***@example.org`, `******4567`).
 * - `hash`: replace with the caller's keyed hash (a stable pseudonym); dropped without one.
 * - `generalize`: coordinates to 2 decimals (about 1 km), dates to the month, ZIP codes to
 *   their first 3 digits, ages and years to the decade.
 * - `truncate`: keep the first `truncateLength` characters (default 1; an initial), IPv4
 *   addresses to their /24 network, IPv6 to their /48.
 */
export const REDACTION_METHODS = ['drop', 'mask', 'hash', 'generalize', 'truncate'] as const;

/** One of {@link REDACTION_METHODS}. */
export type RedactionMethod = (typeof REDACTION_METHODS)[number];

/**
 * zod schema for {@link FieldMeta}; `classified()` checks metadata against it. (Built in a
 * pure-annotated closure so that bundles of the light `/core` entry can drop it.)
 */
export const FieldMeta = /* @__PURE__ */ (() =>
  z
    .object({
      classification: Classification,
      pii: z
        .object({
          category: z.enum(PII_CATEGORIES),
          kind: z.enum(PII_KINDS),
        })
        .strict()
        .optional(),
      redact: z.enum(REDACTION_METHODS).optional(),
      /** Laws and policies that protect the field, e.g. `M.G.L. c. 93H`. */
      legal: z.array(z.string().min(1)).optional(),
      /** Characters `truncate` keeps (default 1). */
      truncateLength: z.int().min(0).max(64).optional(),
      /** Why the field has this level, in one sentence (shown in the data inventory). */
      reason: z.string().min(1).optional(),
    })
    .strict())();

/**
 * A field's data-governance metadata: its classification level, what personal data it is, how
 * to redact it for viewers below its level, and the laws that protect it.
 */
export type FieldMeta = z.infer<typeof FieldMeta>;

/**
 * The typed zod registry that holds every field's {@link FieldMeta}. It comes from `zod/v4/core`
 * (the same `registry()` that classic `z.registry` is), so reading it costs no classic runtime. zod registries look up a
 * schema's clones too (`.describe()` keeps the metadata), but not through wrappers such as
 * `.optional()`: use `fieldsOf()` to read it.
 */
export const classificationRegistry: $ZodRegistry<FieldMeta> =
  /* @__PURE__ */ registry<FieldMeta>();

/**
 * Tags a schema with its classification metadata and returns a tagged copy (the input schema is
 * left alone, so shared primitives such as `Email` can be tagged differently in each record).
 *
 * @throws StandardsSchemaError `INVALID_FIELD_META` when `meta` is not a valid {@link FieldMeta}.
 *
 * @example
 * ```ts
 * const Reporter = z.object({
 *   name: classified(z.string(), {
 *     classification: 'confidential',
 *     pii: { category: 'identity.name', kind: 'direct' },
 *     redact: 'mask',
 *   }),
 *   ward: z.string(), // public
 * });
 * ```
 */
export function classified<S extends z.core.$ZodType>(schema: S, meta: FieldMeta): S {
  const checked = FieldMeta.safeParse(meta);
  if (!checked.success) {
    throw new StandardsSchemaError(
      'INVALID_FIELD_META',
      `classified(): invalid field metadata: ${checked.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
      { cause: checked.error },
    );
  }
  const copy = z.core.util.clone(schema) as S;
  classificationRegistry.add(copy, checked.data);
  return copy;
}
