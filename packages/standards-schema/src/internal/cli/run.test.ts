import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceRequest } from '../../open311/ServiceRequest';
import { fakeMany } from '../../testing';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'city-schema-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: false,
  });
  return { code, out, err };
}

const rows: Record<string, unknown>[] = fakeMany(ServiceRequest, { seed: 3, count: 4 });
const broken = [...rows];
broken[1] = { ...rows[1], status: 'pending' };

describe('city-schema validate', () => {
  it('exits 0 and prints a summary when every record is valid (JSON array)', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(rows, null, 2));
    const { code, out } = await run('validate', 'ServiceRequest', file);
    expect(code).toBe(0);
    expect(out).toEqual([
      expect.stringMatching(/^ServiceRequest: 4 records checked .* 4 valid, 0 invalid$/),
    ]);
  });

  it('reports the line of each bad element of a pretty-printed JSON array and exits 1', async () => {
    const file = join(dir, 'bad.json');
    const text = JSON.stringify(broken, null, 2);
    writeFileSync(file, text);
    const { code, out } = await run('validate', 'ServiceRequest', file);
    expect(code).toBe(1);
    const secondStart = text.split('\n').findIndex((l, i) => i > 1 && l === '  {') + 1;
    expect(out[0]).toBe(
      `line ${secondStart}, element [1]: status: Invalid option: expected one of "open"|"closed"`,
    );
    expect(out.at(-1)).toMatch(/3 valid, 1 invalid$/);
  });

  it('says an element is null, and which one, with every reader and without one', async () => {
    const file = join(dir, 'with-null.json');
    // Both on one line: the element index tells them apart.
    writeFileSync(file, `[${JSON.stringify(rows[0])}, null]`);
    for (const args of [
      ['ServiceRequest'],
      ['--from', 'open311-feed'],
      ['--from', 'ckan-311'],
      ['--from', 'blds'],
      ['Permit'],
    ]) {
      const { code, out } = await run('validate', ...args, file);
      expect(code, args.join(' ')).toBe(1);
      expect(out, args.join(' ')).toContain(
        'line 1, element [1]: (record): Invalid input: expected object, received null',
      );
    }
    const ndjson = join(dir, 'with-null.ndjson');
    writeFileSync(ndjson, `${JSON.stringify(rows[0])}\nnull\n`);
    expect((await run('validate', '--from', 'open311-feed', ndjson)).out).toContain(
      'line 2: (record): Invalid input: expected object, received null',
    );
  });

  it('says a required field was null, not missing, through the lenient readers', async () => {
    const feed = join(dir, 'feed-nulls.json');
    writeFileSync(
      feed,
      JSON.stringify([
        {
          ...rows[0],
          requested_datetime: null,
          closure: { closed_datetime: null },
          events: [null],
          activities: [null],
        },
        { ...rows[0], service_request_id: '', description: null },
      ]),
    );
    const open311 = await run('validate', '--from', 'open311-feed', feed);
    expect(open311.out).toContain(
      'line 1, element [0]: requested_datetime: Invalid input: expected string, received null',
    );
    expect(open311.out).toContain(
      'line 1, element [0]: closure.closed_datetime: Invalid input: expected string, received null',
    );
    expect(open311.out).toContain(
      'line 1, element [0]: events[0]: Invalid input: expected object, received null',
    );
    // A union (Boston's work-plan step or an SDK history entry) says what each option expected.
    expect(open311.out).toContainEqual(
      expect.stringMatching(
        /^line 1, element \[0\]: activities\[0\]: Invalid input \(option 1: activities\[0\]: Invalid input: expected object, received null \| option 2: /,
      ),
    );
    // An empty id is reported as the empty string it is; a null description is just absent.
    expect(open311.out.filter((l) => l.includes('element [1]'))).toEqual([
      expect.stringMatching(/^line 1, element \[1\]: service_request_id: /),
    ]);
    const permits = join(dir, 'permit-nulls.json');
    writeFileSync(
      permits,
      JSON.stringify([
        {
          permitnum: null,
          description: 'New dwelling',
          issueddate: '2026-09-23',
          statuscurrent: 'Issued',
          originaladdress1: '1414 S BENNETT ST',
          originalcity: 'SEATTLE',
          originalstate: 'WA',
          originalzip: '98108',
          projectname: null,
        },
      ]),
    );
    expect((await run('validate', '--from', 'blds', permits)).out).toEqual([
      'line 1, element [0]: PermitNum: Invalid input: expected string, received null',
      expect.stringMatching(/^Permit: 1 records checked .* 0 valid, 1 invalid$/),
    ]);
  });

  it('reads NDJSON line by line, counting unparsable lines as invalid', async () => {
    const file = join(dir, 'rows.ndjson');
    writeFileSync(file, `${broken.map((r) => JSON.stringify(r)).join('\n')}\n\n{oops\n`);
    const { code, out } = await run('validate', 'ServiceRequest', file);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/^line 2: status: /);
    expect(out[1]).toMatch(/^line 6: \(record\): not JSON/);
    expect(out.at(-1)).toMatch(/5 records checked .* 3 valid, 2 invalid$/);
  });

  it('reads CSV with dotted headers, converting numbers and nesting contact fields', async () => {
    const file = join(dir, 'rows.csv');
    writeFileSync(
      file,
      'service_request_id,status,service_code,requested_datetime,lat,long,contact.email\n' +
        '1,open,PWD-POTHOLE,2025-01-01T00:00:00Z,42.35,-71.06,a@example.org\n' +
        '2,open,PWD-POTHOLE,2025-01-01T00:00:00Z,north,-71.06,not-an-email\n',
    );
    const { code, out } = await run('validate', 'ServiceRequest', file);
    expect(code).toBe(1);
    expect(out).toContain('line 3: lat: Invalid input: expected number, received string');
    expect(out).toContainEqual(expect.stringMatching(/^line 3: contact\.email: /));
  });

  it('exits 2 on unusable input: unknown schema, missing file, bad JSON, bad usage', async () => {
    const good = join(dir, 'ok.json');
    expect((await run('validate', 'Pothole', good)).code).toBe(2);
    expect((await run('validate', 'Pothole', good)).err[0]).toMatch(/unknown schema "Pothole"/);
    expect((await run('validate', 'ServiceRequest', join(dir, 'missing.json'))).code).toBe(2);
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '[{"a": 1},');
    expect((await run('validate', 'ServiceRequest', bad)).code).toBe(2);
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', 'ServiceRequest', good, '--format', 'xml')).code).toBe(2);
  });

  it('limits printed errors with --max-errors but still counts them', async () => {
    const file = join(dir, 'many.ndjson');
    writeFileSync(file, Array.from({ length: 5 }, () => '{"status":"x"}').join('\n'));
    const { code, out } = await run('validate', 'ServiceRequest', file, '--max-errors', '1');
    expect(code).toBe(1);
    expect(out.filter((l) => l.startsWith('line ')).every((l) => l.startsWith('line 1:'))).toBe(
      true,
    );
    expect(out).toContain('… 4 more invalid records not shown');
    expect(out.at(-1)).toMatch(/0 valid, 5 invalid$/);
  });

  it('reports progress on stderr while reading a large file', async () => {
    const file = join(dir, 'big.ndjson');
    writeFileSync(
      file,
      `${fakeMany(ServiceRequest, { seed: 8, count: 10 })
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
    const err: string[] = [];
    const code = await runCli(['validate', 'ServiceRequest', file], {
      out: () => {},
      err: (l) => err.push(l),
      progress: true,
      progressEvery: 4,
    });
    expect(code).toBe(0);
    expect(err).toEqual(['city-schema: 4 records checked…', 'city-schema: 8 records checked…']);
  });

  it('lists every schema and every feed reader', async () => {
    const { out } = await run('list');
    expect(out).toContain('  ServiceRequest');
    expect(out).toContain('  DcatDataset');
    expect(out).toContainEqual(expect.stringMatching(/^ {2}ckan-311: /));
    expect(out).toContainEqual(expect.stringMatching(/^ {2}open311-feed: /));
  });
});

describe('city-schema validate --from (feed readers)', () => {
  const corpus = join(
    import.meta.dirname,
    '..',
    '..',
    '..',
    'conformance',
    'ckan-311',
    'boston311-100.csv',
  );

  it('reads the City’s real 311 CSV (legacy layout) and says which layout it detected', async () => {
    const { code, out } = await run('validate', '--from', 'ckan-311', corpus);
    expect(code).toBe(0);
    expect(out).toEqual([
      expect.stringMatching(
        /^ServiceRequest: 100 records checked .*via ckan-311 \(legacy layout\)\), 100 valid, 0 invalid$/,
      ),
    ]);
  });

  it('reads the current layout, reports problems as JSON with --report json, and exits 1', async () => {
    const file = join(dir, 'current.csv');
    writeFileSync(
      file,
      'case_id,open_date,case_status,service_name,latitude,longitude\n' +
        'BCS-00000001,2026-03-20 09:00:00+00,Open,Street Light Outage,42.35,-71.06\n' +
        ',2026-03-20 09:00:00+00,Open,Street Light Outage,42.35,-71.06\n',
    );
    const { code, out } = await run('validate', '--from', 'ckan-311', file, '--report', 'json');
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0] ?? '{}');
    expect(report).toMatchObject({
      schema: 'ServiceRequest',
      from: 'ckan-311',
      layout: 'current',
      format: 'csv',
      records: 2,
      valid: 1,
      invalid: 1,
    });
    expect(report.problems[0]).toMatchObject({ line: 3, path: 'service_request_id' });
  });

  it('reads an Open311 feed leniently with --from open311-feed', async () => {
    const file = join(dir, 'feed.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          service_request_id: 1,
          status: 'open',
          service_code: 'X',
          requested_datetime: '2025-01-01T00:00:00Z',
          media_url: '',
          lat: 0,
          long: 0,
        },
      ]),
    );
    expect((await run('validate', '--from', 'open311-feed', file)).code).toBe(0);
    expect((await run('validate', 'ServiceRequest', file)).code).toBe(1);
  });

  it('exits 2 for an unknown reader or a reader that does not produce the named schema', async () => {
    expect((await run('validate', '--from', 'nope', corpus)).code).toBe(2);
    expect((await run('validate', 'Permit', corpus, '--from', 'ckan-311')).code).toBe(2);
    expect((await run('validate', 'ServiceRequest', corpus, '--report', 'xml')).code).toBe(2);
  });

  it('reads BLDS permits as Seattle and Calgary serve them (--from blds) and says what is missing', async () => {
    const corpus = (name: string) =>
      (
        JSON.parse(
          readFileSync(join(import.meta.dirname, '../../../conformance/blds', name), 'utf8'),
        ) as { records: { record: unknown }[] }
      ).records.map((entry) => entry.record);
    const file = join(dir, 'permits.json');
    writeFileSync(
      file,
      JSON.stringify(
        [...corpus('seattle-permits.json'), ...corpus('calgary-permits.json').slice(0, 2)],
        null,
        1,
      ),
    );
    const { code, out } = await run('validate', '--from', 'blds', file, '--report', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(out[0] as string);
    expect(report).toMatchObject({
      schema: 'Permit',
      from: 'blds',
      records: 16,
      valid: 14,
      invalid: 2,
    });
    expect(report.problems.map((p: { path: string }) => p.path)).toContain('OriginalCity');
  });

  it('reads BLDS permits as ArcGIS serves them (features) with --from blds', async () => {
    const features = (name: string) =>
      (
        JSON.parse(
          readFileSync(join(import.meta.dirname, '../../../conformance/blds', name), 'utf8'),
        ) as { records: { record: unknown }[] }
      ).records.map((entry) => entry.record);
    const file = join(dir, 'features.json');
    writeFileSync(
      file,
      JSON.stringify([...features('tempe-permits.json'), ...features('boulder-permits.json')]),
    );
    const { code, out } = await run('validate', '--from', 'blds', file, '--report', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(out[0] as string);
    expect(report).toMatchObject({ schema: 'Permit', records: 5, valid: 3, invalid: 2 });
    expect(report.problems.map((p: { path: string }) => p.path)).toEqual([
      'OriginalAddress1',
      'OriginalAddress1',
    ]);
  });

  it('reads an ArcGIS query response (--from blds): its features, each with its line', async () => {
    const features = (name: string) =>
      (
        JSON.parse(
          readFileSync(join(import.meta.dirname, '../../../conformance/blds', name), 'utf8'),
        ) as { records: { record: unknown }[] }
      ).records.map((entry) => entry.record);
    const response = {
      objectIdFieldName: 'ObjectId',
      fields: [{ name: 'OriginalAddress', type: 'esriFieldTypeString' }],
      features: [...features('tempe-permits.json'), ...features('boulder-permits.json')],
    };
    const text = JSON.stringify(response, null, 1);
    const file = join(dir, 'query-response.json');
    writeFileSync(file, text);
    const { code, out } = await run('validate', '--from', 'blds', file);
    expect(code).toBe(1);
    const lines = text.split('\n');
    const startOf = (permitNum: string) =>
      lines.findLastIndex(
        (line, i) => line === '  {' && i < lines.findIndex((l) => l.includes(permitNum)),
      ) + 1;
    const indexOf = (permitNum: string) =>
      response.features.findIndex((f) => JSON.stringify(f).includes(permitNum));
    expect(out.slice(0, 2)).toEqual([
      `line ${startOf('MEC2026-01581')}, element [${indexOf('MEC2026-01581')}]: OriginalAddress1: Invalid input: expected string, received undefined`,
      `line ${startOf('UTL2026-00348')}, element [${indexOf('UTL2026-00348')}]: OriginalAddress1: Invalid input: expected string, received undefined`,
    ]);
    expect(out.at(-1)).toMatch(/5 records checked .* 3 valid, 2 invalid$/);
    // Without a reader, the same file is one record: the envelope is the blds reader's.
    const plain = await run('validate', 'Permit', file, '--report', 'json');
    expect(JSON.parse(plain.out[0] as string)).toMatchObject({ records: 1, invalid: 1 });
  });

  it('streams a JSON array in pieces and exits 2 on a broken one, saying where', async () => {
    const file = join(dir, 'broken-array.json');
    writeFileSync(
      file,
      `[\n${JSON.stringify(rows[0])},\n${JSON.stringify(rows[1])}\n${JSON.stringify(rows[2])}\n]`,
    );
    const { code, err } = await run('validate', 'ServiceRequest', file);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/is not valid JSON: line 4: expected "," or "\]" after an element/);
  });

  it('finds a relative file in the folder npx was typed in (INIT_CWD), not only where npm runs it', async () => {
    const file = join(dir, 'typed-here.json');
    writeFileSync(file, JSON.stringify(rows));
    const before = process.env.INIT_CWD;
    process.env.INIT_CWD = dir;
    try {
      const { code, out } = await run('validate', 'ServiceRequest', 'typed-here.json');
      expect(code).toBe(0);
      expect(out.at(-1)).toMatch(/4 valid, 0 invalid$/);
    } finally {
      if (before === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = before;
    }
    expect((await run('validate', 'ServiceRequest', 'typed-here.json')).code).toBe(2);
  });
});
