#!/usr/bin/env node
// After tsup: declarations (tsc) for both module systems, the CJS folder marker, and
// dist/styles.css with every component's CSS inlined (no @import left for apps to resolve).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { inlineCss } from './css.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

// The same declarations serve CJS: the folder's package.json makes TypeScript read them as CJS.
const copyDeclarations = (from, to) => {
  for (const name of readdirSync(from)) {
    const path = join(from, name);
    if (statSync(path).isDirectory()) copyDeclarations(path, join(to, name));
    else if (name.endsWith('.d.ts')) {
      mkdirSync(to, { recursive: true });
      cpSync(path, join(to, name));
    }
  }
};
copyDeclarations(join(root, 'dist/esm'), join(root, 'dist/cjs'));
writeFileSync(join(root, 'dist/cjs/package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);

writeFileSync(join(root, 'dist/styles.css'), inlineCss(join(root, 'src/styles.css')));
cpSync(join(root, 'src/fonts.css'), join(root, 'dist/fonts.css'));
