#!/usr/bin/env node
// `npm run bench`: runs every package's bench/*.bench.ts (or one package's, with --package DIR),
// prints, per benchmark, our figure, the peer's figure and the ratio from the same run, and
// writes all results to bench-results.json at the root.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.indexOf('--package');
const dirs =
  only >= 0
    ? [resolve(process.argv[only + 1] ?? '.')]
    : readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d));

const scratch = mkdtempSync(join(tmpdir(), 'city-bench-'));
const out = join(scratch, 'results.jsonl');
writeFileSync(out, '');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

let files = 0;
for (const dir of dirs) {
  const benchDir = join(dir, 'bench');
  if (!existsSync(benchDir)) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const file of readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    files++;
    console.log(`\n${pkg.name}: ${file}`);
    execFileSync(process.execPath, [tsx, join(benchDir, file)], {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, CITY_BENCH_OUT: out, CITY_BENCH_PACKAGE: pkg.name },
    });
  }
}

const results = readFileSync(out, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
rmSync(scratch, { recursive: true, force: true });
if (files === 0) {
  console.log('No benchmarks yet: packages add bench/*.bench.ts in their issues.');
  process.exit(0);
}

// With rounds, the ratio is their median; the spread shows how much the machine moved under it.
const spread = (r) =>
  r.roundRatios
    ? ` (${r.roundRatios.length} rounds: ${Math.min(...r.roundRatios).toFixed(2)}–${Math.max(...r.roundRatios).toFixed(2)})`
    : '';
const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));
console.log('\nbenchmark | ours (items/s) | peer (items/s) | ratio ours/peer | goal');
console.log('--- | --- | --- | --- | ---');
for (const r of results) {
  console.log(
    `${r.package} ${r.name} | ${r.ours.label}: ${fmt(r.ours.itemsPerSec)} | ${r.peer.label}: ${fmt(r.peer.itemsPerSec)} | ${r.ratio.toFixed(2)}${spread(r)} | ${r.goal ?? ''}`,
  );
}
const target = only >= 0 ? join(dirs[0], 'bench-results.json') : join(root, 'bench-results.json');
writeFileSync(
  target,
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`,
);
console.log(`\nwrote ${target}`);
