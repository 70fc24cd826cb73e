import fc from 'fast-check';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { STATE_PLANE, statePlaneToWgs84, wgs84ToStatePlane } from './statePlane';

const US_FOOT = 1200 / 3937; // metres per US survey foot (the unit M.G.L. c. 97 § 10 names)
const toFeet = (metres: number) => metres / US_FOOT;

/** Metres per degree of latitude and of longitude at `lat` on the GRS80 ellipsoid. */
function degreeLengths(lat: number) {
  const a = 6378137;
  const e2 = 0.0066943800229;
  const sin = Math.sin((lat * Math.PI) / 180);
  const w = 1 - e2 * sin * sin;
  const radian = Math.PI / 180;
  return {
    north: ((a * (1 - e2)) / w ** 1.5) * radian,
    east: (a / Math.sqrt(w)) * Math.cos(lat * radian) * radian,
  };
}

/** North and east metres from `a` to a nearby point `b`. */
function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const length = degreeLengths(a.lat);
  return { north: (b.lat - a.lat) * length.north, east: (b.lon - a.lon) * length.east };
}

describe('Massachusetts State Plane (proj4)', () => {
  it('follows the statute that defines the Mainland zone (M.G.L. c. 97 § 12)', () => {
    // "standard parallels at north latitudes 41°43′ and 42°41′ … origin at the intersection of
    // meridian 71°30′ west … and the parallel 41°00′ north … North (Y) = 750,000 meters and
    // East (X) = 200,000 meters." proj4 must read our definitions as exactly that.
    for (const crs of ['EPSG:2249', 'EPSG:26986'] as const) {
      const def = STATE_PLANE[crs];
      const param = (name: string) => Number(new RegExp(`\\+${name}=([-\\d.]+)`).exec(def)?.[1]);
      expect(param('lat_1')).toBeCloseTo(42 + 41 / 60, 12);
      expect(param('lat_2')).toBeCloseTo(41 + 43 / 60, 12);
      expect(param('lat_0')).toBe(41);
      expect(param('lon_0')).toBe(-71.5);
      expect(param('y_0')).toBe(750_000);
      expect(param('x_0')).toBeCloseTo(200_000, 3);
      expect(def).toContain('+ellps=GRS80');
    }
  });

  it('maps the EPSG false origin (41°N, 71°30′W) to the published false easting/northing', () => {
    const metres = wgs84ToStatePlane({ lat: 41, lon: -71.5 }, 'EPSG:26986');
    expect(metres.x).toBeCloseTo(200000, 3);
    expect(metres.y).toBeCloseTo(750000, 3);
    // EPSG:2249's own parameters: false easting 656,166.667 ftUS, false northing 2,460,625 ftUS.
    const feet = wgs84ToStatePlane({ lat: 41, lon: -71.5 }, 'EPSG:2249');
    expect(feet.x).toBeCloseTo(656166.667, 2);
    expect(feet.y).toBeCloseTo(2460625, 2);
  });

  it("computes EPSG's worked example for Lambert Conic Conformal (2SP) to the published 0.01 ft", () => {
    // IOGP Report 373-7-2 (EPSG Guidance Note 7-2, July 2024), § Lambert Conic Conformal (2SP),
    // Example 1: NAD27 / Texas South Central (EPSG:32040), Clarke 1866, US survey feet. The same
    // method and unit handling as EPSG:2249, run through the same proj4 engine; only the zone
    // constants differ. φ 28°30′N, λ 96°00′W ⇄ E 2,963,503.91 ftUS, N 254,759.80 ftUS.
    const texasSouthCentral =
      '+proj=lcc +lat_0=27.8333333333333 +lon_0=-99 +lat_1=28.3833333333333 +lat_2=30.2833333333333 +x_0=609601.2192024384 +y_0=0 +ellps=clrk66 +units=us-ft +no_defs';
    const converter = proj4('EPSG:4326', texasSouthCentral);
    const [e, n] = converter.forward([-96, 28.5]) as [number, number];
    expect(Math.abs(e - 2963503.91)).toBeLessThan(0.01);
    expect(Math.abs(n - 254759.8)).toBeLessThan(0.01);
    const [lon, lat] = converter.inverse([2963503.91, 254759.8]) as [number, number];
    // 0.01 ft is 3 mm; 1e-7° is about 1 cm.
    expect(Math.abs(lon + 96)).toBeLessThan(1e-7);
    expect(Math.abs(lat - 28.5)).toBeLessThan(1e-7);
  });

  // NGS-adjusted control stations, as MassDOT publishes them in its Geodetic Control service
  // (gis.massdot.state.ma.us …/Assets/GeodeticControl; MHD id, NGS PID): NAD83 (1986) SPC
  // Mainland metres from the NGS adjustment, and the service's WGS84 point for the same mark.
  // NAD83 and WGS84 are different realizations: in Boston the WGS84 point lies about 0.96 m
  // north and 5 cm west of the NAD83 one. This module treats NAD83 latitude/longitude as WGS84
  // (as MassGIS and the City's data do), so its "WGS84" is NAD83 to the centimetre and WGS84 to
  // about a metre. The datum shift is the same to a few millimetres across Boston, so the
  // distances between stations check the projection itself to the centimetre.
  const boston = [
    { pid: 'MY2937', mhd: 1, x: 237262.826, y: 901224.979, lat: 42.36064426, lon: -71.04766282 },
    { pid: 'MY3139', mhd: 4, x: 230990.058, y: 900971.069, lat: 42.35863266, lon: -71.12382121 },
    { pid: 'MY3207', mhd: 5, x: 239384.844, y: 899432.07, lat: 42.34439912, lon: -71.02202587 },
    { pid: 'MY3203', mhd: 6, x: 239039.386, y: 899458.172, lat: 42.34465146, lon: -71.02621651 },
  ];
  const statewide = [
    { pid: 'MY5241', mhd: 1011, x: 255044.225, y: 952429.886, lat: 42.8205366, lon: -70.82691486 },
    { pid: 'MZ2083', mhd: 1087, x: 34151.413, y: 872735.421, lat: 42.08749358, lon: -73.50477617 },
    { pid: 'MY3842', mhd: 1550, x: 321208.334, y: 864034.131, lat: 42.01733997, lon: -70.03651498 },
  ];

  it('places published control stations within the NAD83–WGS84 shift of their WGS84 points', () => {
    for (const station of [...boston, ...statewide]) {
      const ours = statePlaneToWgs84({ x: station.x, y: station.y }, 'EPSG:26986');
      const shift = metresBetween(ours, station);
      // Always north (0.95–0.98 m) and slightly west: the datum shift, not a projection error.
      expect(shift.north, station.pid).toBeGreaterThan(0.9);
      expect(shift.north, station.pid).toBeLessThan(1.0);
      expect(Math.abs(shift.east), station.pid).toBeLessThan(0.12);
    }
  });

  it('reproduces the distances between Boston control stations to the centimetre', () => {
    const shifts = boston.map((station) =>
      metresBetween(statePlaneToWgs84({ x: station.x, y: station.y }, 'EPSG:26986'), station),
    );
    const [first, ...rest] = shifts;
    for (const [i, shift] of rest.entries()) {
      expect(Math.abs(shift.north - (first?.north ?? 0)), boston[i + 1]?.pid).toBeLessThan(0.01);
      expect(Math.abs(shift.east - (first?.east ?? 0)), boston[i + 1]?.pid).toBeLessThan(0.01);
    }
    // And the other way: the WGS84 points, corrected by the common shift, give back the
    // published grid coordinates to the centimetre, in metres and in US survey feet.
    const shift = first ?? { north: 0, east: 0 };
    for (const station of boston) {
      const length = degreeLengths(station.lat);
      const nad83 = {
        lat: station.lat - shift.north / length.north,
        lon: station.lon - shift.east / length.east,
      };
      const metres = wgs84ToStatePlane(nad83, 'EPSG:26986');
      expect(Math.abs(metres.x - station.x), station.pid).toBeLessThan(0.01);
      expect(Math.abs(metres.y - station.y), station.pid).toBeLessThan(0.01);
      const feet = wgs84ToStatePlane(nad83, 'EPSG:2249');
      expect(Math.abs(feet.x - toFeet(station.x)), station.pid).toBeLessThan(0.033);
      expect(Math.abs(feet.y - toFeet(station.y)), station.pid).toBeLessThan(0.033);
    }
  });

  it('places NGS station WHITE 1934 (PID MY2985) where its datasheet describes it', () => {
    // Mass Highway geodetic data sheet: NAD83 SPC Mainland N 900467.464 m, E 232213.791 m; a
    // roof near Brookline St and the Charles River in Cambridge, NE of the BU (Cottage Farm) Bridge.
    const point = statePlaneToWgs84({ x: 232213.791, y: 900467.464 }, 'EPSG:26986');
    expect(point.lat).toBeGreaterThan(42.35);
    expect(point.lat).toBeLessThan(42.358);
    expect(point.lon).toBeGreaterThan(-71.113);
    expect(point.lon).toBeLessThan(-71.103);
    // The same station in US survey feet (the datasheet's factor 3.280833333).
    const feet = statePlaneToWgs84({ x: toFeet(232213.791), y: toFeet(900467.464) }, 'EPSG:2249');
    expect(feet.lat).toBeCloseTo(point.lat, 8);
    expect(feet.lon).toBeCloseTo(point.lon, 8);
  });

  // Anywhere in the Mainland zone's extent (EPSG: 41.46–42.89°N, 73.50–69.86°W).
  const mainland = fc.record({
    lat: fc.double({ min: 41.46, max: 42.89, noNaN: true }),
    lon: fc.double({ min: -73.5, max: -69.86, noNaN: true }),
  });
  const crs = fc.constantFrom('EPSG:2249' as const, 'EPSG:26986' as const);

  it('round-trips any Mainland point through either system to well under a millimetre', () => {
    fc.assert(
      fc.property(mainland, crs, (point, system) => {
        const back = statePlaneToWgs84(wgs84ToStatePlane(point, system), system);
        // 1e-9° is about 0.1 mm.
        expect(Math.abs(back.lat - point.lat)).toBeLessThan(1e-9);
        expect(Math.abs(back.lon - point.lon)).toBeLessThan(1e-9);
      }),
      { numRuns: 500, seed: 2249 },
    );
  });

  it('round-trips grid coordinates and keeps feet and metres the same point', () => {
    fc.assert(
      fc.property(mainland, (point) => {
        const metres = wgs84ToStatePlane(point, 'EPSG:26986');
        const feet = wgs84ToStatePlane(point, 'EPSG:2249');
        // EPSG:2249's false easting is 200,000.0001016 m (656,166.667 ftUS rounded): 0.1 mm.
        expect(Math.abs(feet.x * US_FOOT - metres.x)).toBeLessThan(0.001);
        expect(Math.abs(feet.y * US_FOOT - metres.y)).toBeLessThan(0.001);
        const again = wgs84ToStatePlane(statePlaneToWgs84(metres, 'EPSG:26986'), 'EPSG:26986');
        expect(Math.abs(again.x - metres.x)).toBeLessThan(0.001);
        expect(Math.abs(again.y - metres.y)).toBeLessThan(0.001);
      }),
      { numRuns: 500, seed: 26986 },
    );
  });

  it('rejects swapped axes, wrong units and non-numbers with PROJECTION_FAILED', () => {
    expect(() => statePlaneToWgs84({ x: 900467.464, y: 232213.791 }, 'EPSG:26986')).toThrowError(
      expect.objectContaining({ code: 'PROJECTION_FAILED' }),
    );
    expect(() => statePlaneToWgs84({ x: Number.NaN, y: 1 }, 'EPSG:2249')).toThrowError(
      expect.objectContaining({ code: 'PROJECTION_FAILED' }),
    );
    expect(() => wgs84ToStatePlane({ lat: 34.05, lon: -118.24 }, 'EPSG:2249')).toThrowError(
      expect.objectContaining({ code: 'PROJECTION_FAILED' }),
    );
  });
});
