import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, expect, it } from 'vitest';
import config from '../../tsup.config';

// The built package starts its workers from beside its bundles: lineWorker.js for the ESM build,
// lineWorker.cjs for the CJS one. Build the package the way tsup.config.ts does (without the
// declarations) into a scratch folder and verify a log with worker threads from each, in a
// process of its own, as an app would.
// Inside the package (under node_modules/.cache), so the bundles find their dependencies.
const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'verify-built-'));
const out = join(dir, 'dist');
const log = join(dir, 'audit.jsonl');

beforeAll(async () => {
  const options = config as Options;
  await build({
    ...options,
    entry: Object.fromEntries(
      Object.entries(options.entry as Record<string, string>).map(([name, file]) => [
        name,
        fileURLToPath(new URL(`../../${file}`, import.meta.url)),
      ]),
    ),
    outDir: out,
    dts: false,
    silent: true,
    config: false,
  } as Options);
  const writer = `
    const { createAuditLog } = await import(${JSON.stringify(join(out, 'index.js'))});
    const { jsonlStore } = await import(${JSON.stringify(join(out, 'node.js'))});
    const log = createAuditLog({ app: { name: 'built' }, store: jsonlStore({ path: ${JSON.stringify(log)}, fsync: false }) });
    await Promise.all(Array.from({ length: 400 }, (_, n) => log.record({
      actor: { type: 'user', id: 'u-' + (n % 5), department: 'PWD', roles: ['caseworker'] },
      action: 'case.view', target: { type: 'case', id: 'BCS-' + n }, outcome: 'success',
      purpose: 'service-delivery', details: { n } })));
    await log.close();`;
  writeFileSync(join(dir, 'write.mjs'), writer);
  execFileSync(process.execPath, [join(dir, 'write.mjs')]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A script that verifies the log with 2 threads (chunks small enough to use them) and prints it. */
const script = (load: string) => `
  ${load}
  const tuning = Symbol.for('@cityofboston/audit-log.line-tuning');
  const stats = { chunks: 0 };
  const run = async () => {
    const r = await verify(jsonlStore({ path: ${JSON.stringify(log)} }), {
      allowUnsigned: true, threads: 2, [tuning]: { chunkBytes: 4096, minFileBytes: 0, stats } });
    console.log(JSON.stringify({ ok: r.ok, count: r.count, rootHash: r.rootHash, chunks: stats.chunks }));
  };
  run();`;

it('the ESM build verifies in worker threads started from dist/lineWorker.js', () => {
  writeFileSync(
    join(dir, 'esm.mjs'),
    script(
      `const { verify } = await import(${JSON.stringify(join(out, 'index.js'))}); const { jsonlStore } = await import(${JSON.stringify(join(out, 'node.js'))});`,
    ),
  );
  const r = JSON.parse(
    execFileSync(process.execPath, [join(dir, 'esm.mjs')], { encoding: 'utf8' }),
  );
  expect(r).toMatchObject({ ok: true, count: 400 });
  expect(r.chunks).toBeGreaterThan(10);
});

it('the CJS build verifies in worker threads started from dist/lineWorker.cjs', () => {
  writeFileSync(
    join(dir, 'cjs.cjs'),
    script(
      `const { verify } = require(${JSON.stringify(join(out, 'index.cjs'))}); const { jsonlStore } = require(${JSON.stringify(join(out, 'node.cjs'))});`,
    ),
  );
  // Without the ESM worker beside it, so only lineWorker.cjs can serve.
  rmSync(join(out, 'lineWorker.js'), { force: true });
  const r = JSON.parse(
    execFileSync(process.execPath, [join(dir, 'cjs.cjs')], { encoding: 'utf8' }),
  );
  expect(r).toMatchObject({ ok: true, count: 400 });
  expect(r.chunks).toBeGreaterThan(10);
});
