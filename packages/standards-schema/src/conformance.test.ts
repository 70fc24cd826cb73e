// The conformance corpus (conformance/, sources and licences in conformance/SOURCES.md): real
// public records run through our zod schema, our exported JSON Schema and, where one exists,
// the standard's official JSON Schema. A verdict that differs from the recorded one fails,
// and so does a disagreement between our two schemas on any record.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addCityKeywords, jsonSchemaOf } from './json-schema';
import { Ckan311ServiceRequest, ckan311Layout } from './open311/ckan';
import { ServiceRequest } from './open311/ServiceRequest';
import { redact } from './redact';

const root = join(import.meta.dirname, '..', 'conformance');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const ours = addCityKeywords(
  addFormats(new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: false })),
);
const oursServiceRequest = ours.compile(jsonSchemaOf('ServiceRequest'));

// The official schemas are draft-04 style documents without `$schema`; ajv's default (draft-07)
// reads them as written. Non-strict: they use `description` next to `$ref`.
const official = addFormats(new Ajv({ strict: false }));
official.addSchema(JSON.parse(read('official-schemas/open311/request.json')), 'request.json');
const officialRequest = official.getSchema('request.json');

interface CorpusFile {
  records: { verdict: 'valid' | 'invalid'; why: string; record: Record<string, unknown> }[];
}

describe('conformance: Open311 GeoReport v2 (Boston production records)', () => {
  const corpus = JSON.parse(read('open311/boston-digital-fixtures.json')) as CorpusFile;

  it.each(corpus.records.map((r, i) => [i, r] as const))(
    'record %i: zod, our JSON Schema and the recorded verdict agree',
    (_i, { verdict, record }) => {
      expect(ServiceRequest.safeParse(record).success).toBe(verdict === 'valid');
      expect(oursServiceRequest(record)).toBe(verdict === 'valid');
    },
  );

  it('the official schema agrees, except on Boston’s media_url array (a documented decision)', () => {
    if (!officialRequest) throw new Error('official request.json did not compile');
    for (const { record } of corpus.records) {
      const officialVerdict = officialRequest(record);
      const arrayMedia = Array.isArray(record.media_url);
      expect(officialVerdict).toBe(!arrayMedia);
      // Without the array the official schema accepts the same record.
      expect(officialRequest({ ...record, media_url: null })).toBe(true);
    }
  });
});

describe('conformance: the City’s open-data 311 CSV (legacy layout, 100 real rows)', () => {
  const rows = parse(read('ckan-311/boston311-100.csv'), { columns: true }) as Record<
    string,
    string
  >[];

  it('detects the legacy layout', () => {
    expect(rows).toHaveLength(100);
    expect(ckan311Layout(rows[0] ?? {})).toBe('legacy');
  });

  it('reads every row as a valid ServiceRequest that our JSON Schema also accepts', () => {
    for (const row of rows) {
      const result = Ckan311ServiceRequest.safeParse(row);
      expect(result.error?.issues ?? [], row.case_enquiry_id).toEqual([]);
      expect(oursServiceRequest(result.data), row.case_enquiry_id).toBe(true);
    }
  });

  it('keeps photos, reads local time with its offset, drops placeholders, loses no column', () => {
    const byId = new Map(rows.map((row) => [row.case_enquiry_id, row]));
    const withPhoto = Ckan311ServiceRequest.parse(byId.get('101004113348'));
    expect(withPhoto.media_url).toMatch(/^https:\/\/311\.boston\.gov\/media\//);
    expect(withPhoto.requested_datetime).toBe('2022-01-01T06:46:29-05:00');
    expect(withPhoto.open_data).toMatchObject({ layout: 'legacy', on_time: 'ONTIME' });
    const cityHall = Ckan311ServiceRequest.parse(byId.get('101004113717'));
    expect(cityHall.lat).toBeUndefined();
    expect(cityHall.open_data?.case_title).toBe('Request for Pothole Repair');
  });

  it('never shows a closure reason to the public: real ones hold a name and a phone number', () => {
    const row = rows.find((r) => /Regards/.test(r.closure_reason ?? ''));
    expect(row).toBeDefined();
    const parsed = Ckan311ServiceRequest.parse(row);
    const shown = redact(ServiceRequest, parsed, { clearance: 'public' });
    expect(JSON.stringify(shown)).not.toMatch(/Regards|\d{3}-\d{3}-\d{4}/);
    expect(shown.service_name).toBe('Request for Pothole Repair');
  });
});
