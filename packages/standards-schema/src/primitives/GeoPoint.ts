import { z } from 'zod';

/**
 * A WGS84 point as latitude and longitude in decimal degrees (EPSG:4326 axis names; GeoJSON's
 * `[lon, lat]` order is `GeoJsonPoint`).
 *
 * Standard: [WGS 84 / EPSG:4326](https://epsg.io/4326).
 *
 * @example
 * ```ts
 * GeoPoint.parse({ lat: 42.3601, lon: -71.0589 }); // Boston City Hall Plaza
 * ```
 */
export const GeoPoint = z
  .object({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .meta({ id: 'GeoPoint', description: 'WGS84 latitude/longitude in decimal degrees' });
/** A WGS84 latitude/longitude. */
export type GeoPoint = z.infer<typeof GeoPoint>;
