import { z } from 'zod';
import { StandardsSchemaError } from './errors';

/**
 * The City's data classification levels, from least to most protected.
 *
 * - `public`: may be published as open data.
 * - `internal`: for City staff; not personal.
 * - `confidential`: other personal data (contact details, precise home location, free text,
 *   photos).
 * - `restricted`: what Massachusetts law (M.G.L. c. 93H/93I) and CJIS, HIPAA or FERPA protect.
 */
export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;

/**
 * zod schema for a classification level; also the type of the same name.
 *
 * @example
 * ```ts
 * Classification.parse('internal'); // 'internal'
 * Classification.safeParse('secret').success; // false
 * ```
 */
// Module-level schemas are built in pure-annotated closures: this file is part of the light
// `/core` entry, and a bundler may drop an unused schema (and zod's classic runtime with it)
// only when it knows building it has no side effects.
export const Classification = /* @__PURE__ */ (() =>
  z.enum(CLASSIFICATIONS).meta({
    id: 'Classification',
    description:
      'City of Boston data classification level, ordered public < internal < confidential < restricted.',
  }))();
/** One of {@link CLASSIFICATIONS}. */
export type Classification = (typeof CLASSIFICATIONS)[number];

/**
 * The former name of the {@link Classification} schema.
 *
 * @deprecated Use `Classification`, which is both the schema and the type.
 */
export const ClassificationSchema = Classification;

/** Rank of a level: 0 for `public` up to 3 for `restricted`. */
export function classificationRank(level: Classification): number {
  const rank = CLASSIFICATIONS.indexOf(level);
  if (rank < 0)
    throw new StandardsSchemaError(
      'UNKNOWN_CLASSIFICATION',
      `Unknown classification ${JSON.stringify(level)}; expected one of ${CLASSIFICATIONS.join(', ')}`,
    );
  return rank;
}

/**
 * Orders two levels: negative when `a` is less protected than `b`, zero when equal, positive
 * when more protected. Usable as an `Array.prototype.sort` comparator.
 */
export function compareClassification(a: Classification, b: Classification): number {
  return classificationRank(a) - classificationRank(b);
}

/**
 * Whether a viewer cleared to `clearance` may see data classified `level`.
 *
 * @example
 * ```ts
 * isAtMost('confidential', 'restricted'); // true: a restricted clearance sees confidential data
 * isAtMost('restricted', 'internal'); // false
 * ```
 */
export function isAtMost(level: Classification, clearance: Classification): boolean {
  return compareClassification(level, clearance) <= 0;
}

/** The most protected of the given levels; `public` for none. */
export function maxClassification(...levels: readonly Classification[]): Classification {
  let max: Classification = 'public';
  for (const level of levels) if (compareClassification(level, max) > 0) max = level;
  return max;
}

/** Whether a value is a {@link Classification}. */
export function isClassification(value: unknown): value is Classification {
  return typeof value === 'string' && (CLASSIFICATIONS as readonly string[]).includes(value);
}
