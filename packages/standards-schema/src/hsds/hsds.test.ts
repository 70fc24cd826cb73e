import { describe, expect, it } from 'vitest';
import { HsdsAddress, HsdsLocation, HsdsOrganization, HsdsPhone, HsdsService } from './hsds';

const orgId = '0b1c7b2e-6a1f-4f8e-9d3a-2c1e5f6a7b8c';
const svcId = '1c2d8c3f-7b2a-4a9f-8e4b-3d2f6a7b8c9d';
const locId = '2d3e9d4a-8c3b-4b0a-9f5c-4e3a7b8c9d0e';

describe('HSDS 3.0', () => {
  it('accepts an organization with a service, a location with an address, and phones', () => {
    const org = {
      id: orgId,
      name: 'Boston Centers for Youth & Families',
      description: 'Community centers across Boston.',
      website: 'https://www.boston.gov/departments/boston-centers-youth-families',
      services: [
        {
          id: svcId,
          organization_id: orgId,
          name: 'Youth swim lessons',
          status: 'active',
          minimum_age: 6,
          maximum_age: 17,
        },
      ],
      locations: [
        {
          id: locId,
          location_type: 'physical',
          name: 'BCYF Curtis Hall',
          latitude: 42.3093,
          longitude: -71.1137,
          addresses: [
            {
              id: '3e4f0e5b-9d4c-4c1b-8a6d-5f4b8c9d0e1f',
              location_id: locId,
              address_1: '20 South St',
              city: 'Jamaica Plain',
              state_province: 'MA',
              postal_code: '02130',
              country: 'US',
              address_type: 'physical',
            },
          ],
        },
      ],
      phones: [
        {
          id: '4f5a1f6c-0e5d-4d2c-9b7e-6a5c9d0e1f2a',
          number: '617-635-5193',
          type: 'voice',
          languages: [{ id: '5a6b2a7d-1f6e-4e3d-8c8f-7b6d0e1f2a3b', code: 'es' }],
        },
      ],
    };
    expect(HsdsOrganization.parse(org)).toEqual(org);
  });

  it('rejects non-UUID ids, unknown statuses and phone types, and an address without a type', () => {
    expect(
      HsdsService.safeParse({ id: 'svc-1', organization_id: orgId, name: 'x', status: 'active' })
        .success,
    ).toBe(false);
    expect(
      HsdsService.safeParse({ id: svcId, organization_id: orgId, name: 'x', status: 'open' })
        .success,
    ).toBe(false);
    expect(HsdsPhone.safeParse({ id: svcId, number: '1', type: 'satellite' }).success).toBe(false);
    expect(
      HsdsAddress.safeParse({
        id: svcId,
        address_1: '1 A St',
        city: 'Boston',
        state_province: 'MA',
        postal_code: '02201',
        country: 'US',
      }).error?.issues[0]?.path,
    ).toEqual(['address_type']);
  });

  it('requires a url for a virtual location and sane age ranges', () => {
    expect(
      HsdsLocation.safeParse({ id: locId, location_type: 'virtual' }).error?.issues[0]?.path,
    ).toEqual(['url']);
    expect(
      HsdsService.safeParse({
        id: svcId,
        organization_id: orgId,
        name: 'x',
        status: 'active',
        minimum_age: 18,
        maximum_age: 5,
      }).success,
    ).toBe(false);
  });
});
