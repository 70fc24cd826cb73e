#!/usr/bin/env node
// Size budgets (issue 6): per entry import, minified and gzipped, React excluded. Each case is
// bundled with esbuild from the package source exactly as an app's bundler would tree-shake
// `import { X } from '@cityofboston/ui'`. Fails the package's tests when a budget is exceeded.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { inlineCss } from './css.mjs';

const root = new URL('..', import.meta.url).pathname;
const kB = 1000;

/**
 * `forbid`: packages that must stay out of the bundle; `forbidText`: texts that must not be in it
 * (another component's English string means the whole catalogue came along).
 * @type {{ name: string, imports: string[], budget: number, forbid?: string[], forbidText?: string[] }[]}
 */
export const CASES = [
  // Issue 19: 3.00 kB when the default context carried the whole English catalogue; a component
  // now bundles only its own strings (i18n/useStrings), so the budget is 1.5 kB.
  {
    name: 'Button',
    imports: ['Button'],
    budget: 1.5 * kB,
    forbidText: ['Skip to main content', 'Are you still there?'],
  },
  {
    name: 'form: TextField + Select + ErrorSummary',
    imports: ['TextField', 'Select', 'ErrorSummary'],
    budget: 15 * kB,
  },
  { name: 'Dialog', imports: ['Dialog'], budget: 12 * kB },
  // Issue 19: TanStack Table and Virtual included; zod must stay out of the DataTable's path
  // (it used to pull all of zod in through standards-schema's main entry: 141 kB gz).
  { name: 'DataTable', imports: ['DataTable'], budget: 45 * kB, forbid: ['zod'] },
  // columnsFromSchema reads a zod schema the app already bundles; only zod's core walker comes in.
  {
    name: 'DataTable + columnsFromSchema',
    imports: ['DataTable', 'columnsFromSchema'],
    budget: 45 * kB,
  },
];

/** Gzipped bytes of a bundle that uses the named exports, and the packages it pulled in. */
export async function measure(imports) {
  const names = imports.join(', ');
  const result = await build({
    stdin: {
      contents: `import { ${names} } from './src/index.ts'; console.log(${names});`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    jsx: 'automatic',
    platform: 'browser',
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/*'],
    logLevel: 'silent',
    metafile: true,
  });
  const inputs = Object.keys(Object.values(result.metafile.outputs)[0]?.inputs ?? {});
  const packages = new Set(
    inputs.flatMap((path) => {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      return m?.[1] ? [m[1]] : [];
    }),
  );
  return {
    bytes: gzipSync(result.outputFiles[0].contents).length,
    packages,
    text: result.outputFiles[0].text,
  };
}

export async function measureCss() {
  return gzipSync(inlineCss(`${root}src/styles.css`)).length;
}

const { exports: available } = await import('./exports.mjs');
let failed = false;
const rows = [];
for (const c of CASES) {
  const missing = c.imports.filter((name) => !available.includes(name));
  if (missing.length > 0) {
    console.error(`size: ${c.name}: not exported: ${missing.join(', ')}`);
    failed = true;
    continue;
  }
  const { bytes, packages, text } = await measure(c.imports);
  for (const forbidden of c.forbidText ?? []) {
    if (text.includes(forbidden)) {
      console.error(`size: ${c.name}: bundles "${forbidden}", a string it never shows`);
      failed = true;
    }
  }
  for (const name of c.forbid ?? []) {
    if (packages.has(name)) {
      console.error(`size: ${c.name}: bundles ${name}, which must stay out of its runtime path`);
      failed = true;
    }
  }
  rows.push({ name: c.name, bytes, budget: c.budget });
}
const css = await measureCss();
rows.push({ name: 'styles.css', bytes: css, budget: 25 * kB });
for (const r of rows) {
  const ok = r.bytes <= r.budget;
  if (!ok) failed = true;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${r.name}: ${(r.bytes / kB).toFixed(2)} kB gzip (budget ${(r.budget / kB).toFixed(1)} kB)`,
  );
}
if (failed) {
  console.error('size: a budget is exceeded or a measured component is missing');
  process.exit(1);
}
