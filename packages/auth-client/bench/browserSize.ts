// The gzipped size a browser downloads for `.` plus `/react` (React itself excluded, a peer the
// app already has), bundled and minified by esbuild from the built `dist`. Run after `build`:
// `npm run size -w @cityofboston/auth-client`. Prints the total and what it is made of.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { rolldown } from 'rolldown';

async function measure(label: string, source: string, external: string[]) {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    external: ['react', 'react-dom', 'react/jsx-runtime', ...external],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(
    `${label}: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzip / 1024).toFixed(1)} kB gzipped`,
  );
  return { gzip, meta: result.metafile };
}

const entry = `export * from './dist/index.js'; export * from './dist/react.js';`;
const all = await measure('`.` + `/react`, everything bundled', entry, []);
await measure('`.` + `/react`, without zod (shared with standards-schema)', entry, ['zod']);
await measure('`.` + `/react`, own code only (zod, CASL and standards-schema external)', entry, [
  'zod',
  '@casl/ability',
  '@cityofboston/standards-schema',
]);
const typical = await measure(
  'a browser app: all of `/react` + definePolicy, AuthError from `.` (tree-shaken)',
  `export * from './dist/react.js'; export { definePolicy, AuthError } from './dist/index.js';`,
  [],
);
await measure('`/react` alone', `export * from './dist/react.js';`, []);

// The same surface as Vite 8 bundles it (rolldown). Unlike esbuild, rolldown drops unused
// members of a namespace re-export such as zod's `regexes`, of which /core uses two patterns.
async function measureRolldown(label: string, source: string) {
  const dir = mkdtempSync(join(tmpdir(), 'auth-client-size-'));
  try {
    const input = join(dir, 'entry.js');
    writeFileSync(input, source.replaceAll("'./dist/", `'${resolve('dist')}/`));
    const bundle = await rolldown({
      input,
      external: ['react', 'react-dom', 'react/jsx-runtime'],
      platform: 'browser',
      cwd: process.cwd(),
      logLevel: 'silent',
    });
    const { output } = await bundle.generate({ format: 'esm', minify: true });
    const code = Buffer.from(output[0].code);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(
      `${label}: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzip / 1024).toFixed(1)} kB gzipped`,
    );
    return gzip;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const viaRolldown = await measureRolldown(
  '`.` + `/react`, everything bundled by rolldown (Vite 8)',
  entry,
);

const byPackage = new Map<string, number>();
for (const [file, info] of Object.entries(all.meta.inputs)) {
  const pkg =
    file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
    (file.includes('standards-schema') ? '@cityofboston/standards-schema' : 'auth-client');
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytes);
}
console.log('input bytes by package (before minification):', Object.fromEntries(byPackage));
const goal = 15 * 1024;
console.log(
  `goal ≤ 15 kB gzipped: ${all.gzip <= goal ? 'met' : 'NOT met'} for the full surface with esbuild, ${viaRolldown <= goal ? 'met' : 'NOT met'} with rolldown; ${typical.gzip <= goal ? 'met' : 'NOT met'} for the typical browser import`,
);
