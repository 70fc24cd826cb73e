#!/usr/bin/env node
// The release rehearsal (`npm run test:release`): DoIT publishes, departments install, with real
// parts. It starts Verdaccio on 127.0.0.1 with storage in a temporary folder, publishes every
// public package with `changeset publish` from a staged copy of the release, creates a department
// app the way a developer would (create-vite's React + TypeScript template, and a small Node
// server), installs @cityofboston/* from that registry only, runs each package README's quick
// start as written, builds the app and runs its smoke test. It then creates an app from each
// create-app template (scripts/release/generated-app.mjs): install, start, build, test,
// `npm run compliance`, and the evidence checked against its schemas. Then it does the same
// for a pre-release (`changeset pre enter next`) installed by its `next` tag. Any step failing
// fails it.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, requireChromium } from '../chromium.mjs';
import { readQuickStart } from '../lib/readme.mjs';
import { rehearseGeneratedApp } from './generated-app.mjs';
import { freePort, startRegistry } from './registry.mjs';

const require = createRequire(import.meta.url);
const template = join(import.meta.dirname, 'department-app');

const root = resolve(import.meta.dirname, '..', '..');
const args = new Set(process.argv.slice(2));
const keep = args.has('--keep');
const skipPre = args.has('--no-pre');
// --only-generated: just the apps `npm create @cityofboston/app` writes (a quicker local loop).
const onlyGenerated = args.has('--only-generated');
const skipGenerated = args.has('--no-generated');
const started = Date.now();

const log = (message) => console.log(`[release] ${message}`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private);

for (const { dir, pkg } of packages) {
  if (!existsSync(join(dir, 'dist'))) {
    console.error(`${pkg.name} is not built (no dist/); run \`npx turbo run build\` first`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'city-release-'));
let registry;

function run(command, commandArgs, options = {}) {
  try {
    return execFileSync(command, commandArgs, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
      ...options,
      env: { ...process.env, ...registry?.env, ...options.env },
    });
  } catch (error) {
    const where = options.cwd ? ` (in ${options.cwd})` : '';
    throw new Error(
      `${command} ${commandArgs.join(' ')}${where} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`,
    );
  }
}

const changeset = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');

/** A copy of what a release publishes, so versioning never touches the working tree. */
function stageRelease(name) {
  const stage = join(work, name);
  mkdirSync(join(stage, '.changeset'), { recursive: true });
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(
    join(stage, 'package.json'),
    JSON.stringify({ name: rootPkg.name, private: true, workspaces: ['packages/*'] }, null, 2),
  );
  for (const file of ['config.json', 'changelog.cjs']) {
    cpSync(join(root, '.changeset', file), join(stage, '.changeset', file));
  }
  const config = JSON.parse(readFileSync(join(stage, '.changeset', 'config.json'), 'utf8'));
  config.ignore = []; // the example app is not staged
  writeFileSync(join(stage, '.changeset', 'config.json'), JSON.stringify(config, null, 2));
  for (const { dir, pkg } of packages) {
    const target = join(stage, 'packages', pkg.name.split('/')[1]);
    mkdirSync(target, { recursive: true });
    // What `npm publish` would take: package.json, the `files` it lists, and the licence.
    for (const file of new Set(['package.json', 'LICENSE', ...(pkg.files ?? [])])) {
      if (existsSync(join(dir, file)))
        cpSync(join(dir, file), join(target, file), { recursive: true });
    }
  }
  run('git', ['init', '-q'], { cwd: stage });
  return stage;
}

function publish(stage) {
  const out = run(process.execPath, [changeset, 'publish', '--no-git-tag'], { cwd: stage });
  for (const { pkg } of packages) {
    if (!out.includes(pkg.name))
      throw new Error(`changeset publish did not publish ${pkg.name}:\n${out}`);
  }
}

function distTags(name) {
  return JSON.parse(run('npm', ['view', name, 'dist-tags', '--json'], { cwd: work }));
}

/** Creates a department app and installs our packages at `tag` from the local registry only. */
async function departmentApp(name, tag, from) {
  const app = join(work, name);
  if (from) {
    // The same app, upgraded: what a department does when it tries a pre-release.
    log(`${name}: a copy of ${from} (${elapsed()})`);
    cpSync(join(work, from), app, { recursive: true, verbatimSymlinks: true });
    rmSync(join(app, 'quickstart'), { recursive: true, force: true });
  } else {
    log(`${name}: create-vite react-ts app (${elapsed()})`);
    const create = ['create', '--yes', 'vite@9', name, '--', '--template', 'react-ts'];
    run('npm', [...create, '--no-interactive'], { cwd: work });
    log(`${name}: npm install (${elapsed()})`);
    run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app });
  }
  log(`${name}: @cityofboston/*@${tag} from the local registry (${elapsed()})`);
  const specs = packages.map(({ pkg }) => `${pkg.name}@${tag}`);
  run('npm', ['install', '--no-audit', '--no-fund', ...specs], { cwd: app });
  run('npm', ['install', '--no-audit', '--no-fund', '--save-dev', 'tsx'], { cwd: app });
  const published = distTags(packages[0].pkg.name)[tag];
  const installed = JSON.parse(
    readFileSync(join(app, 'node_modules', packages[0].pkg.name, 'package.json'), 'utf8'),
  ).version;
  if (installed !== published) {
    throw new Error(
      `${packages[0].pkg.name}: installed ${installed}, but ${tag} on the local registry is ${published}`,
    );
  }

  log(`${name}: README quick starts as written (${elapsed()})`);
  const dir = join(app, 'quickstart');
  mkdirSync(dir);
  const files = [];
  for (const { dir: pkgDir, pkg } of packages) {
    const quickStart = readQuickStart(pkgDir);
    if ('error' in quickStart) throw new Error(quickStart.error);
    const file = join(dir, `${pkg.name.split('/')[1]}.${quickStart.lang}`);
    writeFileSync(file, quickStart.code);
    files.push({ file, lang: quickStart.lang, name: pkg.name });
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        extends: '../tsconfig.app.json',
        compilerOptions: { types: ['node'], noEmit: true, noUnusedLocals: false },
        include: ['.'],
      },
      null,
      2,
    ),
  );
  run('npx', ['tsc', '-p', 'quickstart/tsconfig.json'], { cwd: app });
  for (const { file, lang, name: pkgName } of files) {
    if (lang !== 'ts') continue;
    try {
      run('npx', ['tsx', file], { cwd: app });
    } catch (error) {
      throw new Error(`${pkgName} README quick start does not run as written:\n${error.message}`);
    }
  }

  log(`${name}: a page with the kit, a server with sign-in, and the build (${elapsed()})`);
  for (const file of ['src/App.tsx', 'src/main.tsx', 'server.ts', 'smoke.mjs']) {
    cpSync(join(template, file), join(app, file));
  }
  run('npm', ['install', '--no-audit', '--no-fund', 'express@^5.1.0'], { cwd: app });
  run('npm', ['install', '--no-audit', '--no-fund', '--save-dev', '@types/express@^5.0.0'], {
    cwd: app,
  });
  writeFileSync(
    join(app, 'tsconfig.server.json'),
    JSON.stringify({ extends: './tsconfig.node.json', include: ['server.ts'] }, null, 2),
  );
  run('npx', ['tsc', '-p', 'tsconfig.server.json'], { cwd: app });
  run('npm', ['run', 'build'], { cwd: app });

  log(`${name}: smoke test in Chromium (${elapsed()})`);
  const smoke = run(process.execPath, ['smoke.mjs'], {
    cwd: app,
    env: {
      PLAYWRIGHT_MODULE: pathToFileURL(require.resolve('playwright')).href,
      AXE_PATH: require.resolve('axe-core/axe.min.js'),
      CHROMIUM_PATH: requireChromium(),
      CHROMIUM_ARGS: JSON.stringify(CHROMIUM_ARGS),
      PORT: String(await freePort()),
    },
  });
  log(`${name}: ${smoke.trim()}`);
  return app;
}

try {
  log(`starting Verdaccio in ${work}`);
  registry = await startRegistry(join(work, 'registry'));
  log(`registry at ${registry.url} (${elapsed()})`);

  const stable = stageRelease('stable');
  publish(stable);
  log(
    `published ${packages.map(({ pkg }) => pkg.name).join(', ')} with changeset publish (${elapsed()})`,
  );
  if (!onlyGenerated) await departmentApp('department-app', 'latest');

  if (!skipGenerated) {
    // One app from each template create-app offers, out of the local registry.
    const createApp = await import(
      pathToFileURL(join(root, 'packages', 'create-app', 'dist', 'index.js')).href
    );
    // --template <name>: one template only (a quicker local loop).
    const argv = process.argv.slice(2);
    const only = argv.includes('--template') ? argv[argv.indexOf('--template') + 1] : undefined;
    const took = [];
    for (const template of Object.keys(createApp.TEMPLATES)) {
      if (only && template !== only) continue;
      const t = Date.now();
      await rehearseGeneratedApp({
        work,
        root,
        template,
        run,
        log,
        elapsed,
        registryEnv: registry.env,
      });
      took.push(`${template} ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    log(`generated apps, each from npm create to checked evidence: ${took.join(', ')}`);
  }

  if (!skipPre && !onlyGenerated) {
    const next = stageRelease('next');
    writeFileSync(
      join(next, '.changeset', 'rehearsal.md'),
      `---\n${packages.map(({ pkg }) => `"${pkg.name}": minor`).join('\n')}\n---\n\nRelease rehearsal.\n`,
    );
    run(process.execPath, [changeset, 'pre', 'enter', 'next'], { cwd: next });
    run(process.execPath, [changeset, 'version'], { cwd: next });
    publish(next);
    const tags = distTags(packages[0].pkg.name);
    if (!/-next\.0$/.test(tags.next ?? '') || tags.latest === tags.next) {
      throw new Error(`pre-release tags are wrong: ${JSON.stringify(tags)}`);
    }
    log(
      `pre-release ${tags.next} published under the next tag; latest stays ${tags.latest} (${elapsed()})`,
    );
    await departmentApp('department-app-next', 'next', 'department-app');
  }
  log(`rehearsal passed in ${elapsed()}`);
} catch (error) {
  console.error(`[release] FAILED after ${elapsed()}: ${error.message}`);
  if (registry) console.error(`[release] registry log:\n${registry.log().slice(-3000)}`);
  process.exitCode = 1;
} finally {
  await registry?.stop();
  if (keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
