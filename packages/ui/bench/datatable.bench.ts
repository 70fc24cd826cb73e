// DataTable benchmark (issue 7): our DataTable against a bare TanStack Table + Virtual reference
// with no accessibility, same 100,000 synthetic ServiceRequest rows, same run, in Chromium.
// Measures first render, sorting, typing a filter and scrolling to the end; appends one
// BenchResult line per measurement to CITY_BENCH_OUT (ratio = ours/peer in operations per
// second, so 0.8 means "within 1.25x") and prints the absolute times.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import type { BenchResult } from '../../../bench/harness';
import { CHROMIUM_ARGS, requireChromium } from '../../../scripts/chromium.mjs';

const ROWS = 100_000;
const GOAL = 'within 1.25x of bare TanStack Table + Virtual (ratio >= 0.8)';
const quick = process.env.BENCH_TIME !== undefined && Number(process.env.BENCH_TIME) < 1000;
const ITERATIONS = quick ? 2 : 4;

type Kind = 'ours' | 'peer';
type Op = 'mount' | 'sort' | 'filter' | 'scrollEnd';
/** What datatable.page.tsx puts on `window.bench`. */
interface BenchPage {
  init(count: number): Promise<number>;
  mount(kind: Kind): number;
  unmount(): void;
  sort(kind: Kind): Promise<number>;
  filter(kind: Kind, word: string): Promise<number>;
  scrollEnd(kind: Kind): Promise<number>;
  domRows(): number;
}

const dir = mkdtempSync(join(tmpdir(), 'cob-datatable-bench-'));
try {
  await build({
    entryPoints: [join(import.meta.dirname, 'datatable.page.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    outdir: dir,
    entryNames: 'page',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DataTable bench</title>' +
      '<link rel="stylesheet" href="page.css"></head><body class="cob-root"><script src="page.js"></script></body></html>',
  );
  // gc() is exposed so each timed operation starts from a collected heap, for both tables alike:
  // otherwise a collection of the previous mount's 100,000 rows lands in whichever op is next.
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    const t0 = Date.now();
    await page.evaluate((n) => (window as unknown as { bench: BenchPage }).bench.init(n), ROWS);
    console.log(
      `generated ${ROWS.toLocaleString('en-US')} ServiceRequest rows in ${Date.now() - t0} ms`,
    );

    const run = (kind: Kind, op: Op): Promise<number> =>
      page.evaluate(
        async ([k, o]) => {
          const w = window as unknown as { bench: BenchPage; gc?: () => void };
          const b = w.bench;
          if (o === 'mount') b.unmount();
          // Let the previous operation settle (our count announcement is debounced by 400 ms),
          // so its deferred work is not charged to this one; same pause for both tables.
          await new Promise((resolve) => setTimeout(resolve, 500));
          w.gc?.();
          if (o === 'mount') return b.mount(k);
          if (o === 'sort') return b.sort(k);
          if (o === 'filter') return b.filter(k, 'roxbury');
          return b.scrollEnd(k);
        },
        [kind, op] as const,
      );
    const mount = (kind: Kind) =>
      page.evaluate((k) => (window as unknown as { bench: BenchPage }).bench.mount(k), kind);

    const samples: Record<Kind, Record<Op, number[]>> = {
      ours: { mount: [], sort: [], filter: [], scrollEnd: [] },
      peer: { mount: [], sort: [], filter: [], scrollEnd: [] },
    };
    // Warm up both (JIT, caches), then alternate ours and peer so drift hits both alike.
    for (const kind of ['ours', 'peer'] as const) {
      await mount(kind);
      for (const op of ['sort', 'filter', 'scrollEnd'] as const) await run(kind, op);
    }
    for (let i = 0; i < ITERATIONS; i++) {
      for (const kind of (i % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours']) as Kind[]) {
        samples[kind].mount.push(await run(kind, 'mount'));
        for (const op of ['sort', 'filter', 'scrollEnd'] as const) {
          samples[kind][op].push(await run(kind, op));
        }
      }
    }
    const domRows = await page.evaluate(() => {
      const b = (window as unknown as { bench: BenchPage }).bench;
      b.mount('ours');
      return b.domRows();
    });
    console.log(
      `our DataTable keeps ${domRows} of ${ROWS.toLocaleString('en-US')} rows in the DOM`,
    );

    const pct = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    };
    const side = (label: string, values: number[], itemsPerOp: number) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const opsPerSec = 1000 / mean;
      return {
        label,
        opsPerSec,
        itemsPerSec: opsPerSec * itemsPerOp,
        p50Ms: pct(values, 50),
        p99Ms: pct(values, 99),
      };
    };
    const names: Record<Op, string> = {
      mount: 'DataTable first render, 100,000 rows',
      sort: 'DataTable sort 100,000 rows (asc then desc)',
      filter: 'DataTable type a 7-letter filter over 100,000 rows',
      scrollEnd: 'DataTable scroll to the end of 100,000 rows',
    };
    const out = process.env.CITY_BENCH_OUT;
    console.log('\nmeasurement | ours p50 (ms) | peer p50 (ms) | ratio ours/peer');
    for (const op of ['mount', 'sort', 'filter', 'scrollEnd'] as const) {
      const ours = side('@cityofboston/ui DataTable (accessible)', samples.ours[op], ROWS);
      const peer = side('bare @tanstack/react-table 9 + react-virtual 3', samples.peer[op], ROWS);
      const result: BenchResult = {
        package: process.env.CITY_BENCH_PACKAGE ?? '@cityofboston/ui',
        name: names[op],
        itemsPerOp: ROWS,
        ours,
        peer,
        ratio: ours.opsPerSec / peer.opsPerSec,
        goal: GOAL,
      };
      if (out) appendFileSync(out, `${JSON.stringify(result)}\n`);
      console.log(
        `${names[op]} | ${ours.p50Ms.toFixed(1)} | ${peer.p50Ms.toFixed(1)} | ${result.ratio.toFixed(2)}`,
      );
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
