// Building blocks for reading GeoReport v2 as the spec text and the official JSON Schemas allow:
// `null` where they allow it (normalized to absent), ids given as numbers (the spec's own JSON
// examples send `"service_request_id":638344`) normalized to strings.
import { z } from 'zod';
import { withFixedPoints } from '../internal/fixedPoint';

const isString = (value: unknown) => typeof value === 'string';
const isNonEmptyString = (value: unknown) => typeof value === 'string' && value !== '';
const isNotNull = (value: unknown) => value !== null;

/** An id: a non-empty string, or a number normalized to its string. */
export function open311Id() {
  return z
    .union([z.string().min(1), z.number()])
    .transform(
      withFixedPoints(
        (value: string | number): string => (typeof value === 'number' ? String(value) : value),
        isString,
      ),
    );
}

/**
 * An optional field that also accepts `null` (GeoReport v2 sends `null` for absent values);
 * `null` becomes `undefined`, so parsed records never hold `null`.
 */
export function nullish<S extends z.ZodType>(schema: S) {
  return schema
    .nullable()
    .transform(
      withFixedPoints(
        (value: z.output<S> | null): z.output<S> | undefined =>
          value === null ? undefined : value,
        isNotNull,
      ),
    )
    .optional();
}

/**
 * An optional id or code that may be sent as a number, `null` or `""` (the official schema's
 * `"type": "string"` allows the empty string); `null` and `""` become `undefined`.
 */
export function optionalOpen311Id() {
  return z
    .union([z.string(), z.number()])
    .nullable()
    .transform(
      withFixedPoints(
        (value: string | number | null): string | undefined =>
          value === null || value === '' ? undefined : String(value),
        isNonEmptyString,
      ),
    )
    .optional();
}
