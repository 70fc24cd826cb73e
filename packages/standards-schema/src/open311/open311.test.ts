import { describe, expect, it } from 'vitest';
import { datasetAccessLevel } from '../dcat/DcatUs11';
import { fieldsOf } from '../fieldsOf';
import { Ckan311Row, Ckan311ServiceRequest, ckan311RowToServiceRequest } from './ckan';
import { ServiceRequestFeed } from './feed';
import {
  CreateServiceRequest,
  Open311Errors,
  Service,
  ServiceDefinition,
  ServiceDiscovery,
  ServiceRequestCreated,
} from './Service';
import { ServiceRequest } from './ServiceRequest';

describe('Open311 GeoReport v2 resources (examples from the specification)', () => {
  it('accepts the GET services example and rejects an unknown type', () => {
    const service = {
      service_code: '001',
      service_name: 'Cans left out 24x7',
      description:
        'Garbage or recycling cans that have been left out for more than 24 hours after collection.',
      metadata: true,
      type: 'realtime',
      keywords: 'lorem, ipsum, dolor',
      group: 'sanitation',
    };
    expect(Service.parse(service)).toEqual(service);
    expect(Service.safeParse({ ...service, type: 'instant' }).success).toBe(false);
  });

  it('accepts the service definition example; a list attribute without values is rejected', () => {
    const definition = {
      service_code: 'DMV66',
      attributes: [
        {
          variable: true,
          code: 'WHISHETN',
          datatype: 'singlevaluelist',
          required: true,
          order: 1,
          description: 'What is the ticket/tag/DL number?',
          values: [
            { key: '123', name: 'Ford' },
            { key: '124', name: 'Chrysler' },
          ],
        },
      ],
    };
    expect(ServiceDefinition.safeParse(definition).success).toBe(true);
    const { values: _v, ...noValues } = definition.attributes[0] ?? {};
    expect(
      ServiceDefinition.safeParse({ ...definition, attributes: [noValues] }).error?.issues[0]?.path,
    ).toEqual(['attributes', 0, 'values']);
  });

  it('requires a location on POST requests', () => {
    expect(
      CreateServiceRequest.safeParse({
        service_code: '001',
        lat: 37.76524078,
        long: -122.4212043,
        email: 'r@example.org',
        phone: '617-555-0123',
      }).success,
    ).toBe(true);
    expect(
      CreateServiceRequest.safeParse({ service_code: '001', address_id: '545483' }).success,
    ).toBe(true);
    expect(
      CreateServiceRequest.safeParse({ service_code: '001', lat: 37.7 }).error?.issues[0]?.message,
    ).toMatch(/location is required/);
  });

  it('accepts the POST response and token response; an entry needs an id or a token', () => {
    expect(
      ServiceRequestCreated.safeParse([
        {
          service_request_id: '293944',
          service_notice:
            'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code',
          account_id: '',
        },
      ]).success,
    ).toBe(true);
    expect(ServiceRequestCreated.safeParse([{ token: '12345' }]).success).toBe(true);
    expect(ServiceRequestCreated.safeParse([{ service_notice: 'x' }]).success).toBe(false);
    expect(
      ServiceRequestCreated.parse([{ service_request_id: 293944 }])[0]?.service_request_id,
    ).toBe('293944');
    // "token: ... Not returned if service_request_id is returned"
    expect(
      ServiceRequestCreated.safeParse([{ service_request_id: '1', token: '12345' }]).success,
    ).toBe(false);
  });

  it('rejects attribute order 0 or used twice ("1 is shown first in the list")', () => {
    const attribute = { variable: true, code: 'A', datatype: 'string', required: false };
    const definition = (orders: (number | null)[]) =>
      ServiceDefinition.safeParse({
        service_code: 'X',
        attributes: orders.map((order, i) => ({ ...attribute, code: `A${i}`, order })),
      }).success;
    expect(definition([1, 2])).toBe(true);
    expect(definition([null, null])).toBe(true);
    expect(definition([0])).toBe(false);
    expect(definition([1, 1])).toBe(false);
  });

  it('accepts the error array; code need not be the HTTP status', () => {
    expect(
      Open311Errors.safeParse([
        {
          code: 403,
          description: 'Invalid api_key received -- can’t proceed with create_request.',
        },
      ]).success,
    ).toBe(true);
    expect(Open311Errors.safeParse([{ code: 1.5, description: 'x' }]).success).toBe(false);
  });

  it('accepts a service discovery document', () => {
    expect(
      ServiceDiscovery.safeParse({
        changeset: '2011-04-05T17:48:34Z',
        contact: 'Boston 311, 617-635-4500',
        key_service: 'https://311.boston.gov/open311/keys',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: 'https://311.boston.gov/open311/v2',
            changeset: '2011-04-05T17:48:34Z',
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      }).success,
    ).toBe(true);
  });
});

describe('ServiceRequestFeed (lenient input, strict output)', () => {
  it('turns numeric ids into strings, nulls and empty strings into absent, and restores ZIP zeros', () => {
    const parsed = ServiceRequestFeed.parse({
      service_request_id: 638344,
      status: 'Closed',
      service_code: 6,
      description: null,
      agency_responsible: '',
      requested_datetime: '2010-04-14T06:37:38-08:00',
      address_id: 545483,
      zipcode: 2118,
      lat: '42.3398',
      long: '-71.0892',
    });
    expect(parsed).toEqual({
      service_request_id: '638344',
      status: 'closed',
      service_code: '6',
      requested_datetime: '2010-04-14T06:37:38-08:00',
      address_id: '545483',
      zipcode: '02118',
      lat: 42.3398,
      long: -71.0892,
    });
  });

  it('reads offset-less times as Boston time and still rejects what it cannot fix', () => {
    const base = { service_request_id: '1', status: 'open', service_code: 'X' };
    expect(
      ServiceRequestFeed.parse({ ...base, requested_datetime: '2025-07-01 09:30:00' })
        .requested_datetime,
    ).toBe('2025-07-01T09:30:00-04:00');
    expect(
      ServiceRequestFeed.safeParse({ ...base, requested_datetime: '2025-11-02 01:30:00' }).success,
    ).toBe(false);
    expect(
      ServiceRequestFeed.safeParse({
        ...base,
        requested_datetime: '2025-07-01T09:30:00Z',
        lat: 'north',
      }).success,
    ).toBe(false);
  });
});

describe('CKAN 311 row mapper', () => {
  const row = {
    case_enquiry_id: '101005551234',
    open_dt: '2025-07-01 09:30:12',
    sla_target_dt: '2025-07-03 09:30:12',
    closed_dt: '2025-07-02 14:00:00',
    on_time: 'ONTIME',
    case_status: 'Closed',
    closure_reason: 'Case Closed. Case Resolved.',
    case_title: 'Request for Pothole Repair',
    subject: 'Public Works Department',
    reason: 'Highway Maintenance',
    type: 'Request for Pothole Repair',
    queue: 'PWDx_District 1C: North End',
    department: 'PWDx',
    submitted_photo: '',
    closed_photo: '',
    location: '12 Hanover St  Boston  MA  02113',
    neighborhood: 'North End',
    ward: 'Ward 3',
    precinct: '0306',
    location_zipcode: '2113',
    latitude: '42.3631',
    longitude: '-71.0571',
    source: 'Citizens Connect App',
  };

  it('maps a row to a valid ServiceRequest with offsets, ward and precinct', () => {
    const parsed = Ckan311ServiceRequest.parse(row);
    expect(parsed).toMatchObject({
      service_request_id: '101005551234',
      status: 'closed',
      service_code: 'Request-for-Pothole-Repair',
      requested_datetime: '2025-07-01T09:30:12-04:00',
      expected_datetime: '2025-07-03T09:30:12-04:00',
      zipcode: '02113',
      ward: '3',
      precinct: '3-6',
      lat: 42.3631,
      source: 'Citizens Connect App',
      closure: {
        closed_datetime: '2025-07-02T14:00:00-04:00',
        reason: 'Case Closed. Case Resolved.',
      },
    });
  });

  it('drops the City Hall placeholder point', () => {
    const mapped = ckan311RowToServiceRequest({
      ...row,
      latitude: '42.3594',
      longitude: '-71.0587',
    });
    expect(mapped.lat).toBeUndefined();
  });

  it('reports an ambiguous autumn time on its column, or picks one when asked', () => {
    const result = Ckan311ServiceRequest.safeParse({ ...row, open_dt: '2025-11-02 01:30:00' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['open_dt'],
      message: expect.stringMatching(/ambiguous/),
    });
    expect(
      ckan311RowToServiceRequest(
        { ...row, open_dt: '2025-11-02 01:30:00' },
        { ambiguousTime: 'later' },
      ).requested_datetime,
    ).toBe('2025-11-02T01:30:00-05:00');
  });

  it('reads the current layout: BCS- ids, UTC times, photos, and keeps unknown columns', () => {
    const current = {
      case_id: 'BCS-00000001',
      open_date: '2026-03-20 09:00:00+00',
      case_topic: 'Street Light Outage',
      service_name: 'Street Light Outage',
      assigned_department: 'Public Works Department (PWD)',
      assigned_team: 'PWD Street Lighting',
      case_status: 'In progress',
      target_close_date: '2026-03-23 09:00:00+00',
      on_time: 'OVERDUE',
      report_source: 'Call',
      full_address: '30 B St, Boston, MA 02127',
      zip_code: '02127',
      submitted_photo: 'https://example.org/photo.jpg',
      closed_photo: 'https://example.org/closed.jpg',
      longitude: '0',
      latitude: '0',
      new_column_next_year: 'kept',
    };
    const parsed = Ckan311ServiceRequest.parse(current);
    expect(parsed).toMatchObject({
      service_request_id: 'BCS-00000001',
      status: 'open',
      requested_datetime: '2026-03-20T09:00:00Z',
      expected_datetime: '2026-03-23T09:00:00Z',
      media_url: 'https://example.org/photo.jpg',
      open_data: {
        layout: 'current',
        case_status: 'In progress',
        closed_photo: 'https://example.org/closed.jpg',
        other: { new_column_next_year: 'kept' },
      },
    });
    expect(parsed.lat).toBeUndefined();
  });

  it('does not pad postal codes that are not 4-digit US ZIP codes', () => {
    expect(ckan311RowToServiceRequest({ ...row, location_zipcode: 'K1A 0B1' }).zipcode).toBe(
      'K1A 0B1',
    );
    expect(ckan311RowToServiceRequest({ ...row, location_zipcode: '2113' }).zipcode).toBe('02113');
  });
});

describe('ServiceRequestFeed (lenient reading of real feeds)', () => {
  it('reads lat 0, long 0 as no location and keeps unknown sources', () => {
    const parsed = ServiceRequestFeed.parse({
      service_request_id: 1,
      status: 'open',
      service_code: 'X',
      requested_datetime: '2025-01-01T00:00:00Z',
      lat: 0,
      long: 0,
      source: 'Kiosk',
    });
    expect(parsed.lat).toBeUndefined();
    expect(parsed.source).toBe('Kiosk');
  });
});

describe('open-data CSV row and ServiceRequest classify the same data the same way', () => {
  const row = new Map(fieldsOf(Ckan311Row).map((f) => [f.path, f.meta]));
  const request = new Map(fieldsOf(ServiceRequest).map((f) => [f.path, f.meta]));
  it.each([
    ['closure_reason', 'closure.reason'],
    ['location', 'address'],
    ['latitude', 'lat'],
    ['longitude', 'long'],
    ['submitted_photo', 'media_url'],
    ['submittedphoto', 'media_url'],
    ['location_zipcode', 'zipcode'],
    ['zip_code', 'zipcode'],
    ['full_address', 'address'],
    ['queue', 'queue'],
    ['case_enquiry_id', 'service_request_id'],
    ['closure_comments', 'open_data.closure_comments'],
  ])('%s has the metadata of %s', (column, field) => {
    expect(row.get(column)?.classification).toBe(request.get(field)?.classification);
    expect(row.get(column)?.pii).toEqual(request.get(field)?.pii);
  });

  it('gives the same DCAT accessLevel', () => {
    expect(datasetAccessLevel(Ckan311Row)).toBe(datasetAccessLevel(ServiceRequest));
  });
});
