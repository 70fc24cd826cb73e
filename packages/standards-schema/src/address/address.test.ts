import { describe, expect, it } from 'vitest';
import { BostonSamAddress } from './BostonSamAddress';
import { formatPostalAddress, PostalAddress } from './PostalAddress';
import { statePlaneToWgs84 } from './statePlane';

describe('PostalAddress (FGDC / USPS Pub 28)', () => {
  const cityHall = {
    addressNumber: '1',
    streetName: 'City Hall',
    streetNamePostType: 'Sq',
    placeName: 'Boston',
    stateName: 'MA',
    zipCode: '02201',
  };

  it('keeps the ZIP code’s leading zero and formats the USPS line', () => {
    const parsed = PostalAddress.parse(cityHall);
    expect(parsed.zipCode).toBe('02201');
    expect(parsed.country).toBe('US');
    expect(
      formatPostalAddress({
        ...parsed,
        occupancyType: 'Rm',
        occupancyIdentifier: '801',
        zipPlus4: '1020',
      }),
    ).toBe('1 City Hall Sq Rm 801, Boston, MA 02201-1020');
  });

  it('rejects a numeric ZIP (which has lost its zero), a long state and a missing street', () => {
    expect(PostalAddress.safeParse({ ...cityHall, zipCode: 2201 }).success).toBe(false);
    expect(PostalAddress.safeParse({ ...cityHall, zipCode: '2201' }).success).toBe(false);
    expect(PostalAddress.safeParse({ ...cityHall, stateName: 'Mass' }).success).toBe(false);
    const { streetName: _s, ...noStreet } = cityHall;
    expect(PostalAddress.safeParse(noStreet).error?.issues[0]?.path).toEqual(['streetName']);
  });
});

describe('BostonSamAddress', () => {
  const sam = {
    samAddressId: '366213',
    streetNumber: '10',
    streetNumberTo: '14',
    streetName: 'Main',
    streetSuffix: 'St',
    zipCode: '02129',
    ward: '02',
    precinct: '0204',
    parcelId: '0200123000',
  };

  it('accepts a range address with ward, precinct and parcel', () => {
    expect(BostonSamAddress.parse(sam)).toEqual(sam);
  });

  it('rejects a backwards range, a precinct outside its ward and ward 23', () => {
    expect(
      BostonSamAddress.safeParse({ ...sam, streetNumberTo: '8' }).error?.issues[0]?.path,
    ).toEqual(['streetNumberTo']);
    expect(BostonSamAddress.safeParse({ ...sam, precinct: '0304' }).error?.issues[0]?.path).toEqual(
      ['precinct'],
    );
    expect(BostonSamAddress.safeParse({ ...sam, ward: '23', precinct: '2301' }).success).toBe(
      false,
    );
  });

  it('stores the state plane point SAM publishes, convertible to the WGS84 point', () => {
    const withPoint = { ...sam, statePlane: { x: 776000, y: 2966000 } };
    const parsed = BostonSamAddress.parse(withPoint);
    const point = statePlaneToWgs84(parsed.statePlane ?? { x: 0, y: 0 }, 'EPSG:2249');
    expect(BostonSamAddress.parse({ ...parsed, point }).point?.lat).toBeGreaterThan(42.3);
  });
});
