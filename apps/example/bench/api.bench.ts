// p95 per API call against the running Case Desk, over HTTP, signed in through the dev IdP.
//
//   DATABASE_URL=postgres://... BENCH_SEED=20000 npm run bench          # starts the app itself
//   DATABASE_URL=postgres://... BENCH_SEED=2500000 npm run bench        # seeds 2.5M once (slow)
//   CASE_DESK_URL=http://localhost:3000 npm run bench                   # an app already running
//
// The schema is kept between runs (`case_desk_bench_<seed>`), so a large seed is paid once.
// Goal: p95 <= 150 ms per call at 2,500,000 cases. Not part of `npm test`.
import { readConfig } from '../src/server/config';
import { createCaseDesk } from '../src/server/createCaseDesk';
import { HttpBrowser, signIn } from '../test/helpers';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const seed = Number(process.env.BENCH_SEED ?? 20000);

async function start() {
  if (process.env.CASE_DESK_URL) return { url: process.env.CASE_DESK_URL, close: async () => {} };
  const startedAt = performance.now();
  let lastShown = 0;
  const config = readConfig(
    {
      ...process.env,
      PORT: '0',
      CASE_DESK_DATA_DIR: process.env.CASE_DESK_DATA_DIR ?? 'memory',
      DATABASE_SCHEMA: `case_desk_bench_${seed}`,
      CASE_DESK_SEED_COUNT: String(seed),
      RATE_LIMIT_API_PER_MINUTE: '1000000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000',
    },
    { dataDir: 'memory' },
  );
  const desk = await createCaseDesk(config, {
    logLine: () => {},
    onSeedProgress: (done) => {
      if (done - lastShown >= 100_000) {
        lastShown = done;
        console.error(`seeded ${done.toLocaleString('en-US')} cases`);
      }
    },
  });
  const ms = Math.round(performance.now() - startedAt);
  console.error(`app ready in ${ms} ms (${desk.db.kind}, seeded now: ${desk.seeded})`);
  return { url: desk.url, close: () => desk.close(), cases: desk.cases };
}

const p95 = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
};

async function main() {
  const app = await start();
  try {
    const browser = new HttpBrowser(app.url);
    await signIn(browser, 'pwd-case-manager');
    const json = async <T>(path: string, init?: Parameters<HttpBrowser['api']>[1]) => {
      const r = await browser.api(path, init);
      if (r.status >= 400) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    };
    const first = await json<{
      total: number;
      totalIsEstimate: boolean;
      records: { service_request_id: string; neighborhood?: string; service_code: string }[];
      cursors: { after?: string };
    }>('/api/cases?pageSize=25');
    const facets = await json<{ services: { code: string }[]; neighborhoods: string[] }>(
      '/api/facets',
    );
    const byStatus = await json<{ cursors: { after?: string } }>(
      '/api/cases?pageSize=25&sort=status',
    );
    const id = first.records.find((r) => r)?.service_request_id ?? '';
    const service = facets.services[0]?.code ?? '';
    const hood = facets.neighborhoods[0] ?? '';
    const calls: [string, () => Promise<unknown>][] = [
      ['list: first page', () => json('/api/cases?pageSize=25')],
      [
        'list: next page (keyset)',
        () => json(`/api/cases?pageSize=25&after=${first.cursors.after}`),
      ],
      ['list: last page (keyset)', () => json('/api/cases?pageSize=25&last=true')],
      ['list: page 40 (offset)', () => json('/api/cases?pageSize=25&page=40')],
      [
        'list: status + service',
        () => json(`/api/cases?pageSize=25&status=open&service=${encodeURIComponent(service)}`),
      ],
      [
        'list: neighborhood + dates',
        () =>
          json(
            `/api/cases?pageSize=25&neighborhood=${encodeURIComponent(hood)}&from=2024-01-01&to=2024-12-31`,
          ),
      ],
      ['list: sorted by neighborhood', () => json('/api/cases?pageSize=25&sort=neighborhood')],
      [
        'list: sorted by service, last page',
        () => json('/api/cases?pageSize=25&sort=-service&last=true'),
      ],
      [
        'list: sorted by status, next page',
        () => json(`/api/cases?pageSize=25&sort=status&after=${byStatus.cursors.after}`),
      ],
      ['facets', () => json('/api/facets')],
      ['case: view', () => json(`/api/cases/${id}`)],
      [
        'case: add note',
        () => json(`/api/cases/${id}`, { method: 'PATCH', body: { note: 'Bench note.' } }),
      ],
    ];
    const rows: { call: string; p95: number; median: number }[] = [];
    for (const [name, call] of calls) {
      for (let w = 0; w < 5; w++) await call(); // warm: steady state, not the first calls
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await call();
        samples.push(performance.now() - t);
      }
      const sorted = [...samples].sort((a, b) => a - b);
      const row = {
        call: name,
        p95: Math.round(p95(samples)),
        median: Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN),
      };
      rows.push(row);
      console.error(`${name}: p95 ${row.p95} ms, median ${row.median} ms`);
    }
    console.log(
      `\n${first.totalIsEstimate ? 'about ' : ''}${first.total.toLocaleString('en-US')} cases in the department's list, ${seed.toLocaleString('en-US')} seeded, ${RUNS} runs per call`,
    );
    console.table(rows);
    const worst = Math.max(...rows.map((r) => r.p95));
    console.log(`worst p95: ${worst} ms (goal <= 150 ms)`);
  } finally {
    await app.close();
  }
}

await main();
