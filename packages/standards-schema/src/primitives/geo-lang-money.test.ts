import { describe, expect, it } from 'vitest';
import { GeoJsonPoint, GeoJsonPolygon } from './GeoJson';
import { GeoPoint } from './GeoPoint';
import { LanguageTag } from './LanguageTag';
import { Money } from './Money';
import { Phone } from './Phone';

describe('GeoPoint (WGS84)', () => {
  it('accepts degrees in range and rejects out-of-range or swapped values', () => {
    expect(GeoPoint.safeParse({ lat: 42.3601, lon: -71.0589 }).success).toBe(true);
    expect(GeoPoint.safeParse({ lat: 95, lon: -71.0589 }).success).toBe(false);
    expect(GeoPoint.safeParse({ latitude: 42.36, longitude: -71.05 }).success).toBe(false);
    expect(GeoPoint.safeParse({ lat: 42.36, lon: 181 }).success).toBe(false);
  });
});

describe('GeoJSON (RFC 7946)', () => {
  it('accepts the RFC’s Point and Polygon examples (Appendix A)', () => {
    expect(GeoJsonPoint.safeParse({ type: 'Point', coordinates: [100.0, 0.0] }).success).toBe(true);
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [100.0, 0.0],
          [101.0, 0.0],
          [101.0, 1.0],
          [100.0, 1.0],
          [100.0, 0.0],
        ],
        [
          [100.8, 0.8],
          [100.8, 0.2],
          [100.2, 0.2],
          [100.2, 0.8],
          [100.8, 0.8],
        ],
      ],
    };
    expect(GeoJsonPolygon.safeParse(polygon).success).toBe(true);
  });

  it('rejects an open ring, a short ring and latitude out of range', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    };
    expect(GeoJsonPolygon.safeParse(open).error?.issues[0]?.message).toMatch(/end where it starts/);
    expect(
      GeoJsonPolygon.safeParse({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }).success,
    ).toBe(false);
    expect(GeoJsonPoint.safeParse({ type: 'Point', coordinates: [0, 95] }).success).toBe(false);
  });
});

describe('Phone (E.164)', () => {
  it('normalizes US formats and keeps international E.164', () => {
    expect(Phone.parse('617-635-4500')).toBe('+16176354500');
    expect(Phone.parse('1 (617) 635.4500')).toBe('+16176354500');
    expect(Phone.parse('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('rejects numbers without an area code or with invalid NANP codes', () => {
    expect(Phone.safeParse('635-4500').success).toBe(false);
    expect(Phone.safeParse('+11234567890').success).toBe(false);
    expect(Phone.safeParse('+0123').success).toBe(false);
  });
});

describe('LanguageTag (BCP 47)', () => {
  it('accepts RFC 5646 Appendix A examples', () => {
    for (const tag of [
      'de',
      'zh-Hant',
      'zh-Hans-CN',
      'sr-Latn-RS',
      'es-419',
      'de-CH-1901',
      'en-US-x-twain',
      'x-whatever',
      'ht',
      'cv',
    ]) {
      expect(LanguageTag.safeParse(tag).success, tag).toBe(true);
    }
  });

  it('rejects malformed tags', () => {
    for (const tag of ['', 'en_US', 'de-419-DE', 'a-DE', 'toolonglanguage', 'en-'])
      expect(LanguageTag.safeParse(tag).success, tag).toBe(false);
  });
});

describe('Money (ISO 4217)', () => {
  it('accepts decimal strings within the currency’s minor unit', () => {
    expect(Money.safeParse({ amount: '1250000.00', currency: 'USD' }).success).toBe(true);
    expect(Money.safeParse({ amount: '500', currency: 'JPY' }).success).toBe(true);
  });

  it('rejects floats, extra decimals and unknown or lower-case codes', () => {
    expect(Money.safeParse({ amount: 12.5, currency: 'USD' }).success).toBe(false);
    expect(Money.safeParse({ amount: '1.005', currency: 'USD' }).error?.issues[0]?.path).toEqual([
      'amount',
    ]);
    expect(Money.safeParse({ amount: '1.5', currency: 'JPY' }).success).toBe(false);
    expect(Money.safeParse({ amount: '1', currency: 'usd' }).success).toBe(false);
    expect(Money.safeParse({ amount: '1', currency: 'XYZ' }).error?.issues[0]?.path).toEqual([
      'currency',
    ]);
  });
});
