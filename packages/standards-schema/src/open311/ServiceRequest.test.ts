import { describe, expect, it } from 'vitest';
import { classificationOf, fieldsOf } from '../fieldsOf';
import { redact } from '../redact';
import { ServiceRequest } from './ServiceRequest';

// The GeoReport v2 "GET service_request" example (wiki.open311.org/GeoReport_v2), with its ids as
// strings and its nulls left out, which is what this strict schema's output looks like.
const specExample = {
  service_request_id: '638344',
  status: 'closed',
  status_notes: 'Duplicate request.',
  service_name: 'Sidewalk and Curb Issues',
  service_code: '006',
  requested_datetime: '2010-04-14T06:37:38-08:00',
  updated_datetime: '2010-04-14T06:37:38-08:00',
  expected_datetime: '2010-04-15T06:37:38-08:00',
  address: '8TH AVE and JUDAH ST',
  address_id: '545483',
  zipcode: '94122',
  lat: 37.762221815,
  long: -122.4651145,
  media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
} as const;

const boston: ServiceRequest = {
  service_request_id: '101005551234',
  status: 'open',
  service_code: 'PWD-POTHOLE',
  service_name: 'Request for Pothole Repair',
  description: 'Deep pothole outside 12 Main St, near my driveway',
  requested_datetime: '2025-04-14T06:37:38-04:00',
  address: '12 Main St, Charlestown, MA 02129',
  zipcode: '02129',
  lat: 42.37412,
  long: -71.06327,
  source: 'Citizens Connect App',
  origin: 'API',
  priority: 'Medium',
  department: 'PWD',
  ward: '2',
  precinct: '2-4',
  contact: {
    first_name: 'Avery',
    last_name: 'Quinn',
    email: 'avery@example.org',
    phone: '(617) 555-0142',
  },
  activities: [
    { datetime: '2025-04-14T07:00:00-04:00', type: 'note', note: 'Called back; resident not home' },
  ],
};

describe('ServiceRequest (Open311 GeoReport v2)', () => {
  it('accepts the specification example', () => {
    expect(ServiceRequest.parse(specExample)).toEqual(specExample);
  });

  it('accepts a Boston request with extensions and normalizes the reporter phone to E.164', () => {
    const parsed = ServiceRequest.parse(boston);
    expect(parsed.contact?.phone).toBe('+16175550142');
    expect(parsed.zipcode).toBe('02129');
  });

  it('requires service_request_id, status, service_code and requested_datetime', () => {
    for (const key of [
      'service_request_id',
      'status',
      'service_code',
      'requested_datetime',
    ] as const) {
      const { [key]: _gone, ...rest } = specExample;
      const result = ServiceRequest.safeParse(rest);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([key]);
    }
  });

  it('rejects what the spec forbids: other statuses, times without zone, lat without long', () => {
    const bad = (patch: Record<string, unknown>) =>
      ServiceRequest.safeParse({ ...specExample, ...patch }).success;
    expect(bad({ status: 'pending' })).toBe(false);
    expect(bad({ requested_datetime: '2010-04-14 06:37:38' })).toBe(false);
    expect(bad({ requested_datetime: '2010-13-14T06:37:38Z' })).toBe(false);
    expect(bad({ lat: 91 })).toBe(false);
    expect(bad({ long: undefined })).toBe(false);
    expect(bad({ lat: null })).toBe(false);
    expect(bad({ media_url: 'javascript:alert(1)' })).toBe(false);
    expect(bad({ precinct: 'two' })).toBe(false);
    expect(bad({ service_request_id: '' })).toBe(false);
  });

  it('accepts what GeoReport v2 allows and normalizes it: nulls, numeric ids, times without seconds', () => {
    const parsed = ServiceRequest.parse({
      ...specExample,
      service_request_id: 638344,
      description: null,
      agency_responsible: null,
      service_notice: null,
      zipcode: 94122,
      requested_datetime: '2011-02-03T14:18-08:00',
      lat: null,
      long: null,
    });
    expect(parsed.service_request_id).toBe('638344');
    expect(parsed.zipcode).toBe('94122');
    expect(parsed.description).toBeUndefined();
    expect(parsed.lat).toBeUndefined();
    expect(parsed.requested_datetime).toBe('2011-02-03T14:18:00-08:00');
  });

  it('reads Boston’s media_url arrays and open vocabularies without dropping unknown values', () => {
    const parsed = ServiceRequest.parse({
      ...specExample,
      media_url: [{ id: 'a0ir', url: 'https://example.org/a.jpg', tags: ['Create'] }],
      origin: 'API',
      priority: 'Medium',
      source: 'A source added next year',
    });
    expect(parsed.media_url).toEqual([
      { id: 'a0ir', url: 'https://example.org/a.jpg', tags: ['Create'] },
    ]);
    expect(parsed.source).toBe('A source added next year');
  });

  it('classifies reporter contact fields confidential with direct PII', () => {
    const byPath = new Map(fieldsOf(ServiceRequest).map((f) => [f.path, f]));
    for (const path of [
      'contact.first_name',
      'contact.last_name',
      'contact.email',
      'contact.phone',
    ]) {
      expect(byPath.get(path)?.meta.classification).toBe('confidential');
      expect(byPath.get(path)?.meta.pii?.kind).toBe('direct');
    }
    expect(byPath.get('activities[].note')?.meta.pii?.category).toBe('freeText');
    expect(byPath.get('service_code')?.meta.classification).toBe('public');
    expect(classificationOf(ServiceRequest)).toBe('confidential');
  });

  it('redacts to open-data shape for the public', () => {
    const out = redact(ServiceRequest, ServiceRequest.parse(boston), { clearance: 'public' });
    expect(out.contact).toEqual({
      first_name: 'A…',
      last_name: 'Q…',
      email: 'a***@example.org',
      phone: '********0142',
    });
    expect(out.description).toBeUndefined();
    expect(out.address).toBeUndefined();
    expect([out.lat, out.long]).toEqual([42.37, -71.06]);
    expect(out.activities).toEqual([{ datetime: '2025-04-14T07:00:00-04:00', type: 'note' }]);
  });
});
