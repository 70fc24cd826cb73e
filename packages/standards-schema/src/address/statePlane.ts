import proj4 from 'proj4';
import { StandardsSchemaError } from '../errors';
import type { GeoPoint } from '../primitives/GeoPoint';

/**
 * Massachusetts State Plane, Mainland zone, NAD83, in the two units City and State GIS use:
 * `EPSG:2249` in US survey feet (Boston's Street Address Management, assessing parcels) and
 * `EPSG:26986` in metres (MassGIS). Definitions as published by EPSG and M.G.L. c. 97 § 12
 * (Lambert Conformal Conic 2SP, standard parallels 41°43′ and 42°41′, origin 41°N 71°30′W,
 * false easting 200,000 m, false northing 750,000 m).
 *
 * Datum: the geographic side is NAD83, taken as WGS84 without a datum shift (as MassGIS and the
 * City's data do). The two differ by about a metre in Boston, so results are NAD83 to the
 * centimetre and WGS84 (GPS) to about a metre.
 */
export const STATE_PLANE = {
  'EPSG:2249':
    '+proj=lcc +lat_0=41 +lon_0=-71.5 +lat_1=42.6833333333333 +lat_2=41.7166666666667 +x_0=200000.0001016 +y_0=750000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=us-ft +no_defs',
  'EPSG:26986':
    '+proj=lcc +lat_0=41 +lon_0=-71.5 +lat_1=42.6833333333333 +lat_2=41.7166666666667 +x_0=200000 +y_0=750000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
} as const;

/** `EPSG:2249` (US survey feet) or `EPSG:26986` (metres). */
export type StatePlaneCrs = keyof typeof STATE_PLANE;

/** Easting/northing in a state plane system. */
export interface StatePlanePoint {
  x: number;
  y: number;
}

const converters = new Map<StatePlaneCrs, proj4.Converter>();
function converter(crs: StatePlaneCrs): proj4.Converter {
  let c = converters.get(crs);
  if (!c) {
    const definition = STATE_PLANE[crs];
    if (!definition) {
      throw new StandardsSchemaError(
        'PROJECTION_FAILED',
        `Unknown coordinate system ${String(crs)}; expected EPSG:2249 or EPSG:26986`,
      );
    }
    c = proj4('EPSG:4326', definition);
    converters.set(crs, c);
  }
  return c;
}

// Massachusetts and its waters, generously: outside it the mainland zone is the wrong tool.
function inMassachusetts(point: GeoPoint): boolean {
  return point.lat > 40.5 && point.lat < 43.5 && point.lon > -74 && point.lon < -69;
}

/**
 * Converts state plane coordinates to WGS84 latitude/longitude (via proj4).
 *
 * @throws StandardsSchemaError `PROJECTION_FAILED` for non-finite input or a result outside
 *   Massachusetts (usually swapped x/y or the wrong unit).
 *
 * @example
 * ```ts
 * statePlaneToWgs84({ x: 775_000, y: 2_955_000 }, 'EPSG:2249'); // { lat: 42.35…, lon: -71.06… }
 * ```
 */
export function statePlaneToWgs84(point: StatePlanePoint, crs: StatePlaneCrs): GeoPoint {
  if (!Number.isFinite(point?.x) || !Number.isFinite(point?.y)) {
    throw new StandardsSchemaError(
      'PROJECTION_FAILED',
      `State plane coordinates must be finite numbers; got ${JSON.stringify(point)}`,
    );
  }
  const [lon, lat] = converter(crs).inverse([point.x, point.y]) as [number, number];
  const out = { lat, lon };
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !inMassachusetts(out)) {
    throw new StandardsSchemaError(
      'PROJECTION_FAILED',
      `${crs} point (${point.x}, ${point.y}) is not in Massachusetts (lat ${lat}, lon ${lon}); check the unit and the x/y order`,
    );
  }
  return out;
}

/**
 * Converts WGS84 latitude/longitude to state plane coordinates (via proj4).
 *
 * @throws StandardsSchemaError `PROJECTION_FAILED` for a point outside Massachusetts.
 */
export function wgs84ToStatePlane(point: GeoPoint, crs: StatePlaneCrs): StatePlanePoint {
  if (!Number.isFinite(point?.lat) || !Number.isFinite(point?.lon) || !inMassachusetts(point)) {
    throw new StandardsSchemaError(
      'PROJECTION_FAILED',
      `Point ${JSON.stringify(point)} is not in Massachusetts`,
    );
  }
  const [x, y] = converter(crs).forward([point.lon, point.lat]) as [number, number];
  return { x, y };
}
