import { z } from 'zod';

/**
 * A GeoJSON position: `[longitude, latitude]` or `[longitude, latitude, altitude]` in WGS84
 * (RFC 7946 §3.1.1: longitude first).
 */
export const GeoJsonPosition = z.union([
  z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number()]),
]);
/** A GeoJSON position. */
export type GeoJsonPosition = z.infer<typeof GeoJsonPosition>;

/**
 * A GeoJSON Point geometry.
 *
 * Standard: [RFC 7946 §3.1.2](https://www.rfc-editor.org/rfc/rfc7946#section-3.1.2).
 *
 * @example
 * ```ts
 * GeoJsonPoint.parse({ type: 'Point', coordinates: [-71.0589, 42.3601] });
 * ```
 */
export const GeoJsonPoint = z
  .object({ type: z.literal('Point'), coordinates: GeoJsonPosition })
  .meta({ id: 'GeoJsonPoint', description: 'RFC 7946 Point' });
/** A GeoJSON Point. */
export type GeoJsonPoint = z.infer<typeof GeoJsonPoint>;

const samePosition = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** A closed linear ring: at least four positions, the last equal to the first (RFC 7946 §3.1.6). */
export const GeoJsonLinearRing = z
  .array(GeoJsonPosition)
  .min(4)
  .refine((ring) => samePosition(ring[0], ring[ring.length - 1]), {
    message: 'A linear ring must end where it starts (RFC 7946 §3.1.6)',
  });

/**
 * A GeoJSON Polygon geometry: an exterior ring, then any holes.
 *
 * Standard: [RFC 7946 §3.1.6](https://www.rfc-editor.org/rfc/rfc7946#section-3.1.6).
 */
export const GeoJsonPolygon = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(GeoJsonLinearRing).min(1) })
  .meta({ id: 'GeoJsonPolygon', description: 'RFC 7946 Polygon' });
/** A GeoJSON Polygon. */
export type GeoJsonPolygon = z.infer<typeof GeoJsonPolygon>;
