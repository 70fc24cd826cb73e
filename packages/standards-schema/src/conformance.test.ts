// The conformance corpus (conformance/, sources and licences in conformance/SOURCES.md): real
// public records run through our zod schema, our exported JSON Schema and, where one exists,
// the standard's official JSON Schema. Every record's three verdicts must agree, except where
// a documented decision (DISAGREEMENTS below, and SOURCES.md) says why the standard's text
// decides against the official schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeBldsPermit, PermitFeed } from './blds/feed';
import { Permit } from './blds/Permit';
import { fieldsOf } from './fieldsOf';
import { addCityKeywords, jsonSchemaOf, schemaByName } from './json-schema';
import { Ckan311Row, Ckan311ServiceRequest, ckan311Layout } from './open311/ckan';
import { ServiceRequestFeed } from './open311/feed';
import { ServiceRequest } from './open311/ServiceRequest';
import { redact } from './redact';

const root = join(import.meta.dirname, '..', 'conformance');
/** Whether the zod schema of that name accepts the value. */
const zodAccepts = (name: string, value: unknown) => z.safeParse(schemaByName(name), value).success;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const json = (path: string) => JSON.parse(read(path));

const ours = addCityKeywords(
  addFormats(new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: false })),
);
const oursFor = new Map<string, ValidateFunction>();
const ourJsonSchema = (name: string) => {
  let validate = oursFor.get(name);
  if (!validate) {
    validate = ours.compile(jsonSchemaOf(name));
    oursFor.set(name, validate);
  }
  return validate;
};

// Open311's official schemas have no `$schema` (draft-07 reading) and put `description` next to
// `$ref`, so non-strict. DCAT-US 1.1 non-federal is draft-04 with patterns that are not valid
// Unicode regexes. HSDS 3.0's are plain 2020-12 documents that `$ref` each other by file name.
const open311 = addFormats(new Ajv({ strict: false }));
for (const name of ['request', 'service', 'service-definition'])
  open311.addSchema(json(`official-schemas/open311/${name}.json`), `${name}.json`);
const dcat = addFormats(new AjvDraft04({ strict: false, unicodeRegExp: false }));
dcat.addSchema(
  json('official-schemas/dcat-us-1.1-non-federal/dataset-non-federal.json'),
  'dataset',
);
const hsds = addFormats(new Ajv2020({ strict: false }));
for (const file of readdirSync(join(root, 'official-schemas/hsds-3.0')))
  hsds.addSchema(json(`official-schemas/hsds-3.0/${file}`), file);
const official = (ajv: Ajv, key: string) => {
  const validate = ajv.getSchema(key);
  if (!validate) throw new Error(`official schema ${key} did not compile`);
  return validate;
};

/**
 * Where the standard's text (or a decision of the issue) decides against the official schema:
 * the record, and why. Each entry is checked: the official schema must still disagree.
 */
const DISAGREEMENTS: Record<string, string> = {
  'open311/boston-digital-fixtures.json#0':
    'Boston sends media_url as an array of { id, url, tags }; the official request.json allows a string or null. Boston’s production API and the issue’s decision ("media_url as a string or an array") decide.',
  'open311/spec-examples.json#0':
    'The GeoReport v2 text’s own service definition example sends value keys as numbers ("key":123); the official service-definition.json says "type": "string". The spec text decides: numeric keys are read and normalized to strings.',
  'hsds/official-examples.json#0':
    'The HSDS example location has latitude 100 and longitude 101; HSDS says "decimal degrees in WGS84 datum", where latitude lies in [-90, 90]. The official location.json sets no range; we keep it.',
  'hsds/official-examples.json#2': 'Same location (latitude 100) as the organization example.',
};

interface Entry {
  verdict: 'valid' | 'invalid';
  record: unknown;
  schema?: string;
}

function check(file: string, name: string, officialValidate: ValidateFunction | undefined) {
  const { records } = json(file) as { records: Entry[] };
  return records.map((entry, i) => {
    const key = `${file}#${i}`;
    const schemaName = entry.schema ?? name;
    const zod = zodAccepts(schemaName, entry.record);
    const ourJson = ourJsonSchema(schemaName)(entry.record);
    const theirs = officialValidate ? Boolean(officialValidate(entry.record)) : undefined;
    return { key, zod, ourJson, theirs, expected: entry.verdict === 'valid' };
  });
}

const OPEN311_FILES = [
  'open311/boston-digital-fixtures.json',
  'open311/bloomington-requests.json',
  'open311/chicago-requests.json',
];

describe('conformance: Open311 GeoReport v2', () => {
  it.each(OPEN311_FILES)('%s: zod, our JSON Schema and the official request.json agree', (file) => {
    for (const r of check(file, 'ServiceRequest', official(open311, 'request.json'))) {
      expect(r.zod, r.key).toBe(r.ourJson);
      if (r.key in DISAGREEMENTS) expect(r.theirs, r.key).toBe(!r.zod);
      else expect(r.theirs, r.key).toBe(r.zod);
    }
  });

  it('Boston’s and Chicago’s records are valid; Bloomington’s empty media_url ("") is not, as the official schema says, and the lenient feed reader reads it', () => {
    for (const file of ['open311/boston-digital-fixtures.json', 'open311/chicago-requests.json'])
      for (const r of check(file, 'ServiceRequest', undefined)) expect(r.zod, r.key).toBe(true);
    const bloomington = json('open311/bloomington-requests.json').records as Entry[];
    const strict = bloomington.filter((e) => ServiceRequest.safeParse(e.record).success);
    expect(strict.length).toBe(
      bloomington.filter((e) => (e.record as { media_url?: unknown }).media_url !== '').length,
    );
    for (const e of bloomington) expect(ServiceRequestFeed.safeParse(e.record).success).toBe(true);
  });

  it('Bloomington’s service list: all three agree every service is valid', () => {
    for (const r of check(
      'open311/bloomington-services.json',
      'Service',
      official(open311, 'service.json'),
    )) {
      expect([r.zod, r.ourJson, r.theirs], r.key).toEqual([true, true, true]);
    }
  });

  it('zod, our JSON Schema and the W3C note agree on the calendar and the clock, on a real record', () => {
    const base = (json('open311/chicago-requests.json').records as Entry[])[0]?.record as object;
    const verdicts = (requested_datetime: string) => {
      const record = { ...base, requested_datetime };
      return [zodAccepts('ServiceRequest', record), ourJsonSchema('ServiceRequest')(record)];
    };
    for (const ok of [
      '2024-02-29T10:00Z',
      '2000-02-29T10:00:00-05:00',
      '2014-07-12T23:59:59.5+14:00',
    ])
      expect(verdicts(ok), ok).toEqual([true, true]);
    for (const bad of [
      '2025-02-30T10:00Z', // ajv accepted it when the pattern said only the digits' shape
      '1900-02-29T10:00Z',
      '2014-04-31T10:00Z',
      '2014-07-12T24:00Z',
      '2014-07-12T10:60Z',
      '2014-07-12T10:00:60Z',
      '2014-07-12T10:00+24:00',
    ])
      expect(verdicts(bad), bad).toEqual([false, false]);
  });

  it('the specification’s JSON examples are valid', () => {
    for (const r of check('open311/spec-examples.json', 'ServiceDefinition', undefined)) {
      expect([r.zod, r.ourJson], r.key).toEqual([true, true]);
    }
    const [definition] = check(
      'open311/spec-examples.json',
      'ServiceDefinition',
      official(open311, 'service-definition.json'),
    );
    expect(definition?.theirs).toBe(false); // see DISAGREEMENTS
  });
});

describe('conformance: DCAT-US 1.1 (non-federal) datasets', () => {
  const file = 'dcat/ckanext-datajson-samples.json';
  const officialDataset = official(dcat, 'dataset');

  it('zod, our JSON Schema and the official non-federal schema agree on every real dataset', () => {
    const results = check(file, 'DcatDataset', officialDataset);
    expect(results.length).toBeGreaterThan(10);
    for (const r of results)
      expect([r.zod, r.ourJson, r.theirs], r.key).toEqual([true, true, true]);
  });

  it('agree on the values the issue names, on a real record', () => {
    const base = (json(file).records as Entry[])[3]?.record as Record<string, unknown>;
    const verdicts = (patch: Record<string, unknown>) => {
      const record = { ...base, ...patch };
      return [
        zodAccepts('DcatDataset', record),
        ourJsonSchema('DcatDataset')(record),
        Boolean(officialDataset(record)),
      ];
    };
    expect(verdicts({ modified: '2019-06-27 12:41:27' })).toEqual([true, true, true]);
    expect(verdicts({ modified: '2019-13-45' })).toEqual([false, false, false]);
    expect(verdicts({ temporal: 'garbage' })).toEqual([false, false, false]);
    expect(verdicts({ temporal: '2010-01-01/2010-12-31' })).toEqual([true, true, true]);
    expect(verdicts({ theme: [] })).toEqual([false, false, false]);
    expect(verdicts({ spatial: null })).toEqual([true, true, true]);
    expect(verdicts({ accrualPeriodicity: 'R/P1D' })).toEqual([true, true, true]);
    expect(verdicts({ accrualPeriodicity: 'daily' })).toEqual([false, false, false]);
    expect(verdicts({ bureauCode: ['015:11'], programCode: ['015:001'] })).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('agree on the distribution rules of the official definitions/distribution, on a real record', () => {
    // New York's record (#3): distributions with downloadURL, mediaType, describedBy(Type).
    const base = (json(file).records as Entry[])[3]?.record as {
      distribution: Record<string, unknown>[];
    };
    const real = base.distribution[1] as Record<string, unknown>;
    expect(real.downloadURL).toBeDefined();
    const verdicts = (patch: Record<string, unknown>, drop: string[] = []) => {
      const distribution = { ...real, ...patch };
      for (const key of drop) delete distribution[key];
      const record = { ...base, distribution: [distribution] };
      return [
        zodAccepts('DcatDataset', record),
        ourJsonSchema('DcatDataset')(record),
        Boolean(officialDataset(record)),
      ];
    };
    const ok = [true, true, true];
    const bad = [false, false, false];
    expect(verdicts({})).toEqual(ok);
    // null is "no value" for every field but downloadURL...
    for (const key of [
      'accessURL',
      'format',
      'title',
      'description',
      'conformsTo',
      'describedBy',
      'describedByType',
    ])
      expect(verdicts({ [key]: null }), key).toEqual(ok);
    expect(verdicts({ mediaType: null }, ['downloadURL'])).toEqual(ok);
    // ...but a download needs a media type that is a string.
    expect(verdicts({ mediaType: null })).toEqual(bad);
    expect(verdicts({}, ['mediaType'])).toEqual(bad);
    expect(verdicts({ downloadURL: null })).toEqual(bad);
    for (const key of ['format', 'title', 'description'])
      expect(verdicts({ [key]: '' }), key).toEqual(bad);
    // The official media type pattern, for mediaType and describedByType alike.
    for (const [value, verdict] of [
      ['application/vnd.ms-excel', ok],
      ['application/ld+json', ok],
      ['application/vnd.ogc.wms_xml', ok],
      ['text/csv; charset=utf-8', bad],
      ['text/csv+', bad],
      ['x.y/csv', bad],
      ['csv', bad],
    ] as const) {
      expect(verdicts({ mediaType: value }), value).toEqual(verdict);
      expect(verdicts({ describedByType: value }), value).toEqual(verdict);
    }
    // "Each distribution should contain one accessURL or downloadURL": should, not must.
    expect(verdicts({}, ['downloadURL', 'accessURL'])).toEqual(ok);
  });

  it('keep the federal codes the samples carry, and agree on every dataset field the official schema checks', () => {
    const records = (json(file).records as Entry[]).map((e) => e.record as Record<string, unknown>);
    for (const record of records) {
      const parsed = z.parse(schemaByName('DcatDataset'), record) as Record<string, unknown>;
      for (const key of ['bureauCode', 'programCode', 'language'])
        expect(parsed[key], key).toEqual(record[key]);
    }
    const base = records[3] as Record<string, unknown>;
    const verdicts = (patch: Record<string, unknown>) => {
      const record = { ...base, ...patch };
      return [
        zodAccepts('DcatDataset', record),
        ourJsonSchema('DcatDataset')(record),
        Boolean(officialDataset(record)),
      ];
    };
    const ok = [true, true, true];
    const bad = [false, false, false];
    const cases: [Record<string, unknown>, boolean[]][] = [
      [{ bureauCode: ['018:001'], programCode: ['018:001'] }, ok],
      [{ bureauCode: ['15:11'] }, bad],
      [{ bureauCode: ['015:11', '015:11'] }, bad],
      [{ bureauCode: [] }, bad],
      [{ programCode: ['015:01'] }, bad],
      [{ primaryITInvestmentUII: '023-000000001' }, ok],
      [{ primaryITInvestmentUII: null }, ok],
      [{ primaryITInvestmentUII: 'none' }, bad],
      [{ systemOfRecords: 'https://www.federalregister.gov/sorn' }, ok],
      [{ systemOfRecords: null }, ok],
      [{ systemOfRecords: '' }, bad],
      [{ language: ['en-US', 'es'] }, ok],
      [{ language: ['en us'] }, bad],
      [{ language: ['e'] }, bad],
      [{ describedByType: 'application/json' }, ok],
      [{ describedByType: 'json' }, bad],
      [{ contactPoint: { fn: 'Open Data', hasEmail: 'mailto:open.data+ny@its.ny.gov' } }, ok],
      [{ contactPoint: { fn: 'Open Data', hasEmail: 'mailto:open#data@its.ny.gov' } }, bad],
    ];
    for (const [patch, verdict] of cases)
      expect(verdicts(patch), JSON.stringify(patch)).toEqual(verdict);
    // "rights is required when accessLevel is not public" is a zod refinement that the exported
    // JSON Schema carries as if/then, so the two agree (the official schema has no such rule).
    const nonPublic = { ...base, accessLevel: 'non-public' };
    expect(zodAccepts('DcatDataset', nonPublic)).toBe(false);
    expect(ourJsonSchema('DcatDataset')(nonPublic)).toBe(false);
    expect(ourJsonSchema('DcatDataset')({ ...nonPublic, rights: 'Contains PII' })).toBe(true);
  });

  it('agree that theme and references must not repeat a value ("uniqueItems": true)', () => {
    const base = (json(file).records as Entry[])[3]?.record as Record<string, unknown>;
    const verdicts = (patch: Record<string, unknown>) => {
      const record = { ...base, ...patch };
      return [
        zodAccepts('DcatDataset', record),
        ourJsonSchema('DcatDataset')(record),
        Boolean(officialDataset(record)),
      ];
    };
    expect(verdicts({ theme: ['Health', 'Transportation'] })).toEqual([true, true, true]);
    expect(verdicts({ theme: ['Health', 'Transportation', 'Health'] })).toEqual([
      false,
      false,
      false,
    ]);
    const docs = ['https://example.org/a.pdf', 'https://example.org/b.pdf'];
    expect(verdicts({ references: docs })).toEqual([true, true, true]);
    expect(verdicts({ references: [...docs, docs[0]] })).toEqual([false, false, false]);
    const issue = z.safeParse(schemaByName('DcatDataset'), {
      ...base,
      theme: ['Health', 'Transportation', 'Health'],
    }).error?.issues[0];
    expect(issue?.path).toEqual(['theme', 2]);
    expect(issue?.message).toBe(
      'Duplicate value "Health" (already at index 0); the list must not repeat a value',
    );
  });

  it('agree on the publisher chain at any depth ("subOrganizationOf": {"$ref": "#"})', () => {
    const arm = (json(file).records as Entry[])[0]?.record as Record<string, unknown>;
    const verdicts = (publisher: unknown) => {
      const record = { ...arm, publisher };
      return [
        zodAccepts('DcatDataset', record),
        ourJsonSchema('DcatDataset')(record),
        Boolean(officialDataset(record)),
      ];
    };
    const level = (name: string, parent?: unknown) => ({
      '@type': 'org:Organization',
      name,
      ...(parent === undefined ? {} : { subOrganizationOf: parent }),
    });
    expect(verdicts(arm.publisher)).toEqual([true, true, true]);
    expect(verdicts(level('a', level('b', level('c', level('d', level('e'))))))).toEqual([
      true,
      true,
      true,
    ]);
    // An empty name, a wrong @type or a string parent, four levels down.
    expect(verdicts(level('a', level('b', level('c', level('')))))).toEqual([false, false, false]);
    expect(
      verdicts(level('a', level('b', level('c', { '@type': 'foaf:Agent', name: 'd' })))),
    ).toEqual([false, false, false]);
    expect(verdicts(level('a', level('b', level('c', 'd'))))).toEqual([false, false, false]);
  });
});

describe('conformance: HSDS 3.0 official examples', () => {
  const names: Record<string, string> = {
    organization: 'HsdsOrganization',
    service: 'HsdsService',
    location: 'HsdsLocation',
  };
  it('zod and our JSON Schema agree; the official schema agrees except on latitude 100', () => {
    const { records } = json('hsds/official-examples.json') as {
      records: (Entry & { schema: string })[];
    };
    records.forEach((entry, i) => {
      const key = `hsds/official-examples.json#${i}`;
      const name = names[entry.schema] as string;
      const zod = zodAccepts(name, entry.record);
      const theirs = Boolean(official(hsds, `${entry.schema}.json`)(entry.record));
      expect(ourJsonSchema(name)(entry.record), key).toBe(zod);
      expect(theirs, key).toBe(key in DISAGREEMENTS ? !zod : zod);
    });
  });

  it('a Service needs id, name and status only, as service.json says', () => {
    const service = (json('hsds/official-examples.json').records as Entry[])[1]?.record as Record<
      string,
      unknown
    >;
    const { id, name, status } = service;
    const minimal = { id, name, status };
    expect(zodAccepts('HsdsService', minimal)).toBe(true);
    expect(Boolean(official(hsds, 'service.json')(minimal))).toBe(true);
  });
});

describe('conformance: the City’s open-data 311 CSV (legacy layout, 100 real rows)', () => {
  const rows = parse(read('ckan-311/boston311-100.csv'), { columns: true }) as Record<
    string,
    string
  >[];
  const ourServiceRequest = ourJsonSchema('ServiceRequest');

  it('detects the legacy layout', () => {
    expect(rows).toHaveLength(100);
    expect(ckan311Layout(rows[0] ?? {})).toBe('legacy');
  });

  it('reads every row as a valid ServiceRequest that our JSON Schema also accepts', () => {
    for (const row of rows) {
      const result = Ckan311ServiceRequest.safeParse(row);
      expect(result.error?.issues ?? [], row.case_enquiry_id).toEqual([]);
      expect(ourServiceRequest(result.data), row.case_enquiry_id).toBe(true);
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
  it('keeps the closure reason of a case that is not closed, classified as closure.reason', () => {
    // The corpus has no open row with a closure reason, so a real closed row is altered: its
    // status set to Open (a case reopened after a closure note), then its close date removed.
    const real = rows.find((r) => r.case_enquiry_id === '101004114820') as Record<string, string>;
    const reason = real.closure_reason ?? '';
    expect(reason).toMatch(/^Case Closed\. Closed date/);
    expect(Ckan311ServiceRequest.parse(real).closure?.reason).toBe(reason.trim());
    for (const altered of [
      { ...real, case_status: 'Open' },
      { ...real, closed_dt: '' },
    ]) {
      const parsed = Ckan311ServiceRequest.parse(altered);
      expect(parsed.closure).toBeUndefined();
      expect(parsed.open_data?.closure_reason).toBe(reason.trim());
      expect(parsed.open_data?.other).toBeUndefined();
      expect(JSON.stringify(redact(ServiceRequest, parsed, { clearance: 'public' }))).not.toMatch(
        /HENNESSY/,
      );
    }
    const meta = (path: string) => fieldsOf(ServiceRequest).find((f) => f.path === path)?.meta;
    expect(meta('open_data.closure_reason')).toEqual(meta('closure.reason'));
    expect(meta('open_data.closure_reason')?.pii?.category).toBe('freeText');
  });

  it('keeps a known column it cannot place in open_data.other (altered real rows)', () => {
    const real = rows.find((r) => r.case_enquiry_id === '101004114820') as Record<string, string>;
    // A latitude that is not a number: no coordinates, and the text is kept.
    const badLatitude = Ckan311ServiceRequest.parse({ ...real, latitude: '42.32.27' });
    expect(badLatitude.lat).toBeUndefined();
    expect(badLatitude.open_data?.other).toEqual({ latitude: '42.32.27', longitude: '-71.0948' });
    // Both spellings of the on-time column: the first is read, the second kept.
    const twoSpellings = Ckan311ServiceRequest.parse({ ...real, on_time: 'ONTIME' });
    expect(twoSpellings.open_data?.on_time).toBe('ONTIME');
    expect(twoSpellings.open_data?.other).toEqual({ ontime: 'OVERDUE' });
    // City Hall's placeholder coordinates mean "no location": dropped, as documented.
    const cityHall = Ckan311ServiceRequest.parse(
      rows.find((r) => r.case_enquiry_id === '101004113717'),
    );
    expect(cityHall.lat).toBeUndefined();
    expect(cityHall.open_data?.other).toBeUndefined();
  });

  it('never shows a case title staff typed to the public: real ones name people', () => {
    const row = rows.find((r) => r.case_enquiry_id === '101004114820');
    expect(row?.case_title).toBe("Printed: left on Nicky's desk");
    const parsed = Ckan311ServiceRequest.parse(row);
    expect(parsed.open_data?.case_title).toBe("Printed: left on Nicky's desk");
    const shown = redact(ServiceRequest, parsed, { clearance: 'public' });
    expect(JSON.stringify(shown)).not.toMatch(/Nicky/);
    expect(shown.open_data).toMatchObject({ layout: 'legacy', reason: 'Street Lights' });
    expect(JSON.stringify(redact(Ckan311Row, row ?? {}, { clearance: 'public' }))).not.toMatch(
      /Nicky/,
    );
    // Staff cleared for confidential data still see it.
    expect(redact(ServiceRequest, parsed, { clearance: 'confidential' }).open_data).toMatchObject({
      case_title: "Printed: left on Nicky's desk",
    });
  });
});

describe('conformance: BLDS permits as five publishers serve them (Socrata, ArcGIS)', () => {
  // BLDS has no official JSON Schema: the verdicts are the core permits table's (SOURCES.md), and
  // our zod schema and our JSON Schema must agree on every record once the reader has mapped it.
  const files = [
    'blds/seattle-permits.json',
    'blds/calgary-permits.json',
    'blds/tempe-permits.json',
    'blds/boulder-permits.json',
    'blds/tallahassee-permits.json',
  ];
  const ourPermit = ourJsonSchema('Permit');
  type BldsEntry = Entry & { because?: string; fails?: string[] };
  const failingFields = (record: unknown) =>
    (PermitFeed.safeParse(record).error?.issues ?? []).map((issue) => issue.path.join('.')).sort();

  it.each(files)('%s: the reader, zod and our JSON Schema give the recorded verdict', (file) => {
    const { records } = json(file) as { records: BldsEntry[] };
    expect(records.length).toBeGreaterThan(1);
    records.forEach((entry, i) => {
      const key = `${file}#${i}`;
      const mapped = normalizeBldsPermit(entry.record);
      const zod = PermitFeed.safeParse(entry.record).success;
      expect(zod, key).toBe(entry.verdict === 'valid');
      expect(ourPermit(mapped), key).toBe(zod);
      if (entry.verdict === 'invalid') expect(entry.because, key).toBeTruthy();
    });
  });

  it.each([
    'blds/tempe-permits.json',
    'blds/boulder-permits.json',
    'blds/tallahassee-permits.json',
  ])('%s: each invalid permit fails on exactly the fields recorded with it', (file) => {
    const { records } = json(file) as { records: BldsEntry[] };
    records.forEach((entry, i) => {
      expect(failingFields(entry.record), `${file}#${i}`).toEqual(entry.fails ?? []);
    });
  });

  it('Tempe’s ArcGIS features read with their types; the geometry stays a column', () => {
    const [first] = json('blds/tempe-permits.json').records as Entry[];
    expect(PermitFeed.parse(first?.record)).toMatchObject({
      PermitNum: 'BP261951',
      AppliedDate: '2026-08-26',
      ExpiresDate: '2027-08-26',
      TotalSqFt: 0,
      EstProjectCost: 5500,
      Fee: 201,
      Latitude: 33.40924937,
      OriginalZip: '85281',
    });
    expect(normalizeBldsPermit(first?.record)).toMatchObject({
      geometry: { x: -111.93800932999994, y: 33.409249370000055 },
      AppliedDateDtm: 1787702400000,
      Type: 'Residential Addition/Alteration/Remodel',
      Zone: 'R1-6',
    });
  });

  it('never shows a permit’s project name or description to the public: Tempe’s names the owner', () => {
    const [first] = json('blds/tempe-permits.json').records as Entry[];
    const permit = PermitFeed.parse(first?.record);
    expect(permit).toMatchObject({
      PermitNum: 'BP261951',
      ProjectName: 'NEIBERGALL LIVING TRUST RESIDENCE',
    });
    const shown = redact(Permit, permit, { clearance: 'public' });
    expect(JSON.stringify(shown)).not.toMatch(/NEIBERGALL|UPGRADE OF EXISTING/);
    expect(shown).toMatchObject({ PermitNum: 'BP261951', OriginalZip: '85281' });
    expect(redact(Permit, permit, { clearance: 'confidential' })).toMatchObject({
      ProjectName: 'NEIBERGALL LIVING TRUST RESIDENCE',
      Description: 'UPGRADE OF EXISTING SES TO 200AMP',
    });
  });

  it('Tempe’s epoch-millisecond date twins are the same dates as its BLDS text dates', () => {
    const { records } = json('blds/tempe-permits.json') as { records: Entry[] };
    let twins = 0;
    for (const entry of records) {
      const { attributes } = entry.record as { attributes: Record<string, unknown> };
      // The same feature served with its text dates removed reads the same (the twins alone).
      const datesOnlyAsTwins = Object.fromEntries(
        Object.entries(attributes).filter(([column]) => !/Date$/.test(column)),
      );
      expect(PermitFeed.parse({ attributes: datesOnlyAsTwins })).toEqual(
        PermitFeed.parse(entry.record),
      );
      for (const [column, value] of Object.entries(attributes)) {
        if (!column.endsWith('DateDtm') || value === null) continue;
        twins++;
        expect(normalizeBldsPermit({ attributes: { [column.slice(0, -3)]: value } })).toEqual({
          [column.slice(0, -3)]: attributes[column.slice(0, -3)],
        });
      }
    }
    expect(twins).toBe(12);
  });

  it('Calgary’s permits lack the address fields BLDS requires, and some use a class BLDS lacks', () => {
    const { records } = json('blds/calgary-permits.json') as { records: Entry[] };
    const paths = new Set<string>();
    for (const entry of records) {
      const result = PermitFeed.safeParse(entry.record);
      for (const issue of result.error?.issues ?? []) paths.add(issue.path.join('.'));
    }
    expect([...paths].sort()).toEqual([
      'Description',
      'OriginalAddress1',
      'OriginalCity',
      'OriginalState',
      'OriginalZip',
      'PermitClassMapped',
      'TotalSqFt',
    ]);
  });

  it('Seattle’s permits read with their types: numbers, dates, the permit link', () => {
    const [first] = json('blds/seattle-permits.json').records as Entry[];
    expect(PermitFeed.parse(first?.record)).toMatchObject({
      PermitNum: '7135854-CN',
      IssuedDate: '2026-09-23',
      AppliedDate: '2026-06-22',
      EstProjectCost: 287134,
      HousingUnits: 1,
      Latitude: 47.5550674,
      OriginalState: 'WA',
      PermitClassMapped: 'Residential',
      Link: 'https://services.seattle.gov/portal/customize/LinkToRecord.aspx?altId=7135854-CN',
    });
  });
});
