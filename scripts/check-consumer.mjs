#!/usr/bin/env node
// The consumer check: department developers meet our packages as tarballs from a registry, not
// as workspace links. This installs each package's packed tarball (made by check:package) into a
// scratch project outside the workspace, then imports every entry point from ESM and from CJS
// and type-checks a TypeScript file that uses them under `moduleResolution: bundler` and
// `node16`. A broken export path, a file missing from `files`, or a type that does not resolve
// fails it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readQuickStart } from './lib/readme.mjs';

const root = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private);

const tarballs = {};
for (const { dir, pkg } of packages) {
  const packDir = join(dir, '.pack');
  const file = existsSync(packDir) && readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  if (!file) {
    console.error(`${pkg.name}: no tarball in ${packDir}; run its check:package task first`);
    process.exit(1);
  }
  tarballs[pkg.name] = join(packDir, file);
}

const work = mkdtempSync(join(tmpdir(), 'city-sdk-consumer-'));
const sh = (command, args) =>
  execFileSync(command, args, {
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 180_000,
  });

// Peer dependencies a department app would have installed itself.
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const peers = {};
for (const { pkg } of packages) {
  for (const [name, range] of Object.entries(pkg.peerDependencies ?? {})) {
    if (!tarballs[name]) peers[name] = rootPkg.devDependencies[name] ?? range;
  }
}
const typePeers = {};
for (const name of ['@types/react', '@types/react-dom', '@types/node']) {
  typePeers[name] = rootPkg.devDependencies[name];
}
const fileDeps = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));

writeFileSync(
  join(work, 'package.json'),
  JSON.stringify(
    {
      name: 'department-app',
      private: true,
      type: 'module',
      dependencies: { ...fileDeps, ...peers, ...typePeers },
      // One copy of each of our packages: the tarball, never a registry version.
      overrides: fileDeps,
    },
    null,
    2,
  ),
);

let failures = 0;
const step = (label, fn) => {
  try {
    fn();
    console.log(`ok   ${label}`);
  } catch (error) {
    failures++;
    console.error(
      `FAIL ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}${error.stdout || error.stderr ? '' : error.message}`,
    );
  }
};

step('install the tarballs into a project outside the workspace', () => {
  sh('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error']);
});

/** The subpaths a `./x/*.ext` export pattern matches among the installed files. */
function expandPattern(name, subpath, target) {
  const file =
    typeof target === 'string' ? target : (target?.default ?? target?.import ?? target?.require);
  if (typeof file !== 'string' || !file.includes('*'))
    throw new Error(`${name}: cannot read export ${subpath}`);
  const [dirPart, rest] = file.split('*');
  const dir = join(work, 'node_modules', name, dirPart);
  const matches = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(rest)) : [];
  if (matches.length === 0)
    throw new Error(`${name}: export ${subpath} matches no file in the tarball`);
  return matches.map((f) => subpath.replace('*', f.slice(0, f.length - rest.length)));
}

// Every entry point the packages promise, from their installed package.json.
const entries = [];
for (const { pkg } of packages) {
  const installed = JSON.parse(
    readFileSync(join(work, 'node_modules', pkg.name, 'package.json'), 'utf8'),
  );
  for (const [subpath, target] of Object.entries(installed.exports ?? { '.': null })) {
    if (subpath === './package.json') continue;
    // A pattern export (`./json-schema/*.json`): every file it matches in the tarball.
    const subpaths = subpath.includes('*') ? expandPattern(pkg.name, subpath, target) : [subpath];
    for (const one of subpaths) {
      entries.push({
        specifier: one === '.' ? pkg.name : `${pkg.name}/${one.slice(2)}`,
        isCode: !/\.(css|json)$/.test(one),
      });
    }
  }
}
const code = entries.filter((e) => e.isCode).map((e) => e.specifier);
const assets = entries.filter((e) => !e.isCode).map((e) => e.specifier);

writeFileSync(
  join(work, 'esm.mjs'),
  `const specifiers = ${JSON.stringify(code)};
const assets = ${JSON.stringify(assets)};
const shapes = {};
for (const s of specifiers) {
  const ns = await import(s);
  shapes[s] = Object.keys(ns).filter((k) => k !== 'default' && k !== 'module.exports').sort();
}
for (const a of assets) import.meta.resolve(a);
console.log(JSON.stringify(shapes));
`,
);
writeFileSync(
  join(work, 'cjs.cjs'),
  `const specifiers = ${JSON.stringify(code)};
const assets = ${JSON.stringify(assets)};
const shapes = {};
for (const s of specifiers) shapes[s] = Object.keys(require(s)).filter((k) => k !== 'default' && k !== '__esModule').sort();
for (const a of assets) require.resolve(a);
console.log(JSON.stringify(shapes));
`,
);

let esmShapes;
step(`import ${code.length} entry points from ESM (and resolve ${assets.length} assets)`, () => {
  esmShapes = sh(process.execPath, ['esm.mjs']);
});
step(`require ${code.length} entry points from CJS, with the same exports as ESM`, () => {
  const cjsShapes = sh(process.execPath, ['cjs.cjs']);
  if (esmShapes !== undefined && cjsShapes !== esmShapes) {
    throw new Error(`ESM and CJS export different names:\nESM ${esmShapes}\nCJS ${cjsShapes}`);
  }
});

// A TypeScript file that uses every entry point: each namespace is referenced so that an entry
// whose types do not resolve is an error (TS7016 under strict), not a silent any.
const tsSource = code
  .map((s, i) => `import * as entry${i} from '${s}';\nexport const use${i}: object = entry${i};`)
  .join('\n');
writeFileSync(join(work, 'consumer.ts'), `${tsSource}\n`);
writeFileSync(
  join(work, 'consumer.cts'),
  `${tsSource.replace(/^export const/gm, 'export const')}\n`,
);
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
/**
 * Type-checks with skipLibCheck off, so an error inside our own declarations fails, but ignores
 * errors that a third-party package's declarations report about themselves (a department app
 * compiles those with skipLibCheck anyway).
 */
function typeCheck(project) {
  let output = '';
  try {
    sh(process.execPath, [tsc, '-p', project, '--pretty', 'false']);
    return;
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
  const ours = [];
  let ignored = 0;
  let keep = false;
  for (const line of output.split('\n')) {
    const located = line.match(/^(\S[^(]*)\(\d+,\d+\): error/);
    if (located) {
      const file = located[1];
      keep = !file.startsWith('node_modules/') || file.startsWith('node_modules/@cityofboston/');
      if (!keep) ignored++;
    }
    if (keep && line.trim()) ours.push(line);
  }
  if (ours.length > 0 || ignored === 0) {
    throw new Error(
      `${ours.join('\n') || output}${ignored ? `\n(${ignored} errors inside third-party declarations ignored)` : ''}`,
    );
  }
}
const common = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: 'es2022',
  types: ['node'],
  jsx: 'react-jsx',
};
const configs = {
  bundler: { ...common, module: 'esnext', moduleResolution: 'bundler' },
  node16: { ...common, module: 'node16', moduleResolution: 'node16' },
};
for (const [name, compilerOptions] of Object.entries(configs)) {
  const files = name === 'node16' ? ['consumer.ts', 'consumer.cts'] : ['consumer.ts'];
  writeFileSync(
    join(work, `tsconfig.${name}.json`),
    JSON.stringify({ compilerOptions, files }, null, 2),
  );
  step(
    `type-check the entry points with moduleResolution ${name}${name === 'node16' ? ' (ESM and CJS files)' : ''}`,
    () => {
      typeCheck(`tsconfig.${name}.json`);
    },
  );
}

// Each package README's quick start (the first ```ts or ```tsx block under "## Quick start") must
// work as written against the installed tarballs: type-checked, and run when it is plain TS.
const quickStarts = [];
for (const { dir, pkg } of packages) {
  const quickStart = readQuickStart(dir);
  const label = `${pkg.name} README quick start`;
  if ('error' in quickStart) {
    step(label, () => {
      throw new Error(quickStart.error);
    });
    continue;
  }
  const file = `readme-${pkg.name.split('/')[1]}.${quickStart.lang}`;
  writeFileSync(join(work, file), quickStart.code);
  quickStarts.push({ file, label, run: quickStart.lang === 'ts' });
}
if (quickStarts.length > 0) {
  writeFileSync(
    join(work, 'tsconfig.readme.json'),
    JSON.stringify(
      {
        compilerOptions: {
          ...configs.bundler,
          allowImportingTsExtensions: true,
          lib: ['es2023', 'dom'],
        },
        files: quickStarts.map((q) => q.file),
      },
      null,
      2,
    ),
  );
  step('type-check every README quick start', () => {
    typeCheck('tsconfig.readme.json');
  });
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  for (const q of quickStarts.filter((q) => q.run)) {
    step(`run the ${q.label} as written`, () => {
      sh(process.execPath, [tsx, q.file]);
    });
  }
}

if (keep) console.log(`scratch project kept at ${work}`);
else rmSync(work, { recursive: true, force: true });
if (failures > 0) {
  console.error(`consumer check: ${failures} failed`);
  process.exit(1);
}
console.log(`consumer check: ${packages.length} packages, ${code.length} entry points, all passed`);
