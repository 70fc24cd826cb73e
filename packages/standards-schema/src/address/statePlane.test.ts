import { describe, expect, it } from 'vitest';
import { statePlaneToWgs84, wgs84ToStatePlane } from './statePlane';

const US_FOOT = 1200 / 3937; // metres per US survey foot

describe('Massachusetts State Plane (proj4)', () => {
  it('maps the EPSG false origin (41°N, 71°30′W) to the published false easting/northing', () => {
    const metres = wgs84ToStatePlane({ lat: 41, lon: -71.5 }, 'EPSG:26986');
    expect(metres.x).toBeCloseTo(200000, 3);
    expect(metres.y).toBeCloseTo(750000, 3);
    const feet = wgs84ToStatePlane({ lat: 41, lon: -71.5 }, 'EPSG:2249');
    expect(feet.x).toBeCloseTo(656166.667, 2);
    expect(feet.y).toBeCloseTo(2460625, 2);
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
    const feet = statePlaneToWgs84(
      { x: 232213.791 / US_FOOT, y: 900467.464 / US_FOOT },
      'EPSG:2249',
    );
    expect(feet.lat).toBeCloseTo(point.lat, 7);
    expect(feet.lon).toBeCloseTo(point.lon, 7);
  });

  it('round-trips Boston City Hall to within a millimetre in both systems', () => {
    const cityHall = { lat: 42.360253, lon: -71.058291 };
    for (const crs of ['EPSG:2249', 'EPSG:26986'] as const) {
      const back = statePlaneToWgs84(wgs84ToStatePlane(cityHall, crs), crs);
      expect(back.lat).toBeCloseTo(cityHall.lat, 8);
      expect(back.lon).toBeCloseTo(cityHall.lon, 8);
    }
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
