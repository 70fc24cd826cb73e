// 1,000,000 synthetic rows of the City's legacy open-data 311 CSV (about 400 MB, written to a
// temporary file by this run from `/testing`'s synthetic requests, never committed) through
// `city-schema validate --from ckan-311`, against a bare csv-parse pass over the same file (the
// floor of reading and parsing it). Each side runs as its own process under /usr/bin/time, so the
// figures are the command's wall time and peak resident memory. Goals: ratio >= 0.5, peak RSS
// <= 256 MB. Needs the built package (`npm run build`). CKAN_BENCH_ROWS overrides the row count.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import {
  appendFileSync,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceRequest } from '../src/index';
import { fakeMany } from '../src/testing';

const ROWS = Number(process.env.CKAN_BENCH_ROWS ?? 1_000_000);
const HEADER =
  'case_enquiry_id,open_dt,sla_target_dt,closed_dt,on_time,case_status,closure_reason,case_title,subject,reason,type,queue,department,submitted_photo,closed_photo,location,fire_district,pwd_district,city_council_district,police_district,neighborhood,neighborhood_services_district,ward,precinct,location_street_name,location_zipcode,latitude,longitude,geom_4326,source';

const csv = (value: string | number | undefined) => {
  const text = value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
// Boston local time as the legacy export writes it (no offset).
const local = (iso: string | undefined) =>
  iso === undefined
    ? undefined
    : new Date(Date.parse(iso) - 4 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

const dir = mkdtempSync(join(tmpdir(), 'ckan-bench-'));
const file = join(dir, '311.csv');
try {
  const base = fakeMany(ServiceRequest, { seed: 311, count: 2000 });
  const lines = base.map(
    (r) => (id: number) =>
      [
        id,
        local(r.requested_datetime),
        local(r.expected_datetime),
        r.status === 'closed' ? local(r.updated_datetime) : undefined,
        'ONTIME',
        r.status === 'closed' ? 'Closed' : 'Open',
        r.status === 'closed' ? 'Case Closed. Case Resolved.' : ' ',
        r.service_name,
        r.agency_responsible,
        'Street Cleaning',
        r.service_name,
        r.queue,
        r.department,
        r.media_url === undefined || typeof r.media_url !== 'string' ? '' : r.media_url,
        '',
        r.address,
        '3',
        '1B',
        '1',
        'A1',
        r.neighborhood,
        '3',
        r.ward === undefined ? '' : `Ward ${r.ward}`,
        r.precinct === undefined
          ? ''
          : r.precinct
              .split('-')
              .map((p) => p.padStart(2, '0'))
              .join(''),
        'Main St',
        r.zipcode,
        r.lat,
        r.long,
        '',
        'Constituent Call',
      ]
        .map(csv)
        .join(','),
  );
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < ROWS; i++) {
    const line = (lines[i % lines.length] as (id: number) => string)(101_000_000_000 + i);
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const bytes = statSync(file).size;

  const peerScript = join(dir, 'bare-csv-parse.mjs');
  writeFileSync(
    peerScript,
    `import { createReadStream } from 'node:fs';
import { parse } from ${JSON.stringify(import.meta.resolve('csv-parse'))};
let n = 0;
for await (const _ of createReadStream(process.argv[2]).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }))) n++;
console.log(n);
`,
  );
  // Wall seconds and peak RSS of one command, from GNU time; the exit code from the shell.
  const measure = (args: string[]) => {
    const timeFile = join(dir, 'time.txt');
    const code = execFileSync('sh', [
      '-c',
      '/usr/bin/time -o "$0" -f "%e %M" "$@" >"$0.out" 2>/dev/null; echo $?',
      timeFile,
      process.execPath,
      ...args,
    ])
      .toString()
      .trim();
    const [seconds = Number.NaN, kib = Number.NaN] = readFileSync(timeFile, 'utf8')
      .trim()
      .split(/\s+/)
      .slice(-2)
      .map(Number);
    return {
      code: Number(code),
      seconds,
      rssMiB: kib / 1024,
      stdout: readFileSync(`${timeFile}.out`, 'utf8'),
    };
  };
  const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
  const peer = measure([peerScript, file]);
  const ours = measure([
    cli,
    'validate',
    '--from',
    'ckan-311',
    file,
    '--report',
    'json',
    '--max-errors',
    '100',
  ]);
  if (ours.code !== 0)
    throw new Error(`city-schema exited ${ours.code}: ${ours.stdout.slice(0, 2000)}`);
  if (Number(peer.stdout.trim()) !== ROWS)
    throw new Error(`csv-parse read ${peer.stdout.trim()} rows`);
  const side = (label: string, m: { seconds: number; rssMiB: number }) => ({
    label,
    opsPerSec: 1 / m.seconds,
    itemsPerSec: ROWS / m.seconds,
    p50Ms: m.seconds * 1000,
    p99Ms: m.seconds * 1000,
    peakRssMiB: Math.round(m.rssMiB),
  });
  const result = {
    package: process.env.CITY_BENCH_PACKAGE ?? '@cityofboston/standards-schema',
    name: `city-schema validate --from ckan-311, ${ROWS.toLocaleString('en-US')} legacy rows (${Math.round(bytes / 1e6)} MB)`,
    itemsPerOp: ROWS,
    ours: side('city-schema validate --from ckan-311', ours),
    peer: side('bare csv-parse pass', peer),
    ratio: peer.seconds / ours.seconds,
    goal: 'ratio >= 0.5; peak RSS <= 256 MB',
  };
  const target = process.env.CITY_BENCH_OUT;
  if (target) appendFileSync(target, `${JSON.stringify(result)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
