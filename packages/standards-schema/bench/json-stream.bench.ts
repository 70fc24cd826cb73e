// 1,000,000 ServiceRequest records (synthetic, from `/testing`, written to temporary files by
// this run, never committed) as one JSON array, one element per line, through
// `city-schema validate ServiceRequest file.json` (the array read as a stream), against the same
// records as NDJSON through the same command (read line by line: the floor of streaming records
// from a file). Each side runs as its own process under /usr/bin/time: the figures are wall time
// and peak resident memory. Goals: ratio >= 0.8 (splitting the array costs little more than
// splitting lines), peak RSS <= 256 MB for a file of several hundred MB. Needs the built package
// (`npm run build`). JSON_BENCH_RECORDS overrides the record count.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import {
  appendFileSync,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceRequest } from '../src/index';
import { fakeMany } from '../src/testing';

const RECORDS = Number(process.env.JSON_BENCH_RECORDS ?? 1_000_000);

async function write(file: string, open: string, separator: string, close: string) {
  const base = fakeMany(ServiceRequest, { seed: 311, count: 2000 }).map((r) => JSON.stringify(r));
  const out = createWriteStream(file);
  out.write(open);
  for (let i = 0; i < RECORDS; i++) {
    const text = (base[i % base.length] as string).replace(
      /"service_request_id":"\d+"/,
      `"service_request_id":"${101_000_000_000 + i}"`,
    );
    if (!out.write(i === 0 ? text : `${separator}${text}`)) await once(out, 'drain');
  }
  out.end(close);
  await once(out, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'json-bench-'));
try {
  const json = join(dir, 'requests.json');
  const ndjson = join(dir, 'requests.ndjson');
  await write(json, '[\n', ',\n', '\n]\n');
  await write(ndjson, '', '\n', '\n');
  const bytes = statSync(json).size;
  const measure = (file: string) => {
    const timeFile = join(dir, 'time.txt');
    const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
    const code = execFileSync('sh', [
      '-c',
      '/usr/bin/time -o "$0" -f "%e %M" "$@" >"$0.out" 2>/dev/null; echo $?',
      timeFile,
      process.execPath,
      cli,
      'validate',
      'ServiceRequest',
      file,
      '--report',
      'json',
      '--max-errors',
      '100',
    ])
      .toString()
      .trim();
    const [seconds = Number.NaN, kib = Number.NaN] = readFileSync(timeFile, 'utf8')
      .trim()
      .split(/\s+/)
      .slice(-2)
      .map(Number);
    const report = JSON.parse(readFileSync(`${timeFile}.out`, 'utf8'));
    if (Number(code) !== 0 || report.valid !== RECORDS)
      throw new Error(
        `city-schema on ${file} exited ${code}: ${JSON.stringify(report).slice(0, 500)}`,
      );
    return { seconds, rssMiB: kib / 1024 };
  };
  const peer = measure(ndjson);
  const ours = measure(json);
  const side = (label: string, m: { seconds: number; rssMiB: number }) => ({
    label,
    opsPerSec: 1 / m.seconds,
    itemsPerSec: RECORDS / m.seconds,
    p50Ms: m.seconds * 1000,
    p99Ms: m.seconds * 1000,
    peakRssMiB: Math.round(m.rssMiB),
  });
  const result = {
    package: process.env.CITY_BENCH_PACKAGE ?? '@cityofboston/standards-schema',
    name: `city-schema validate ServiceRequest, ${RECORDS.toLocaleString('en-US')} records as a JSON array (${Math.round(bytes / 1e6)} MB)`,
    itemsPerOp: RECORDS,
    ours: side('city-schema validate, JSON array streamed', ours),
    peer: side('city-schema validate, the same records as NDJSON', peer),
    ratio: peer.seconds / ours.seconds,
    goal: 'ratio >= 0.8; peak RSS <= 256 MB',
  };
  const target = process.env.CITY_BENCH_OUT;
  if (target) appendFileSync(target, `${JSON.stringify(result)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
