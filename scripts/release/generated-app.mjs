// The release rehearsal's second department: an app written by `npm create @cityofboston/app`
// from the local registry, installed, started (timed from `npm create` to the first page),
// built, tested (axe on every page included) and asked for its compliance evidence; then each
// piece of evidence is checked here, independently of the app's own checks, against its schema.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import YAML from 'yaml';
import { requireChromium } from '../chromium.mjs';
import { freePort, upstreamRegistry } from './registry.mjs';

const addFormats = addFormatsModule.default ?? addFormatsModule;

/** Starts `npm start`, waits for the first page, touches the API, stops it; resolves in ms. */
async function startAndStop(app, env) {
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: app,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      const res = await fetch(`${url}/`).catch(() => undefined);
      if (res?.status === 200 && (await res.text()).includes('<div id="root">')) break;
      if (Date.now() > deadline) throw new Error(`npm start did not serve a page:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // An API call without a session: refused, and recorded in the app's audit log.
    const api = await fetch(`${url}/api/requests`);
    if (api.status !== 401) throw new Error(`GET /api/requests without a session: ${api.status}`);
    return output;
  } finally {
    // npm start runs vite then tsx: stop the whole process group.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
  }
}

function schemaCheck(file, data, label) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
  if (!check(data)) {
    throw new Error(`${label} is not valid: ${ajv.errorsText(check.errors)}`);
  }
}

/**
 * @param {{ work: string, root: string, template: string, run: Function, log: Function, elapsed: Function }} ctx
 * @returns {Promise<{ app: string, timings: Record<string, number> }>}
 */
export async function rehearseGeneratedApp({
  work,
  root,
  template,
  run,
  log,
  elapsed,
  registryEnv,
}) {
  const name = `generated-${template}`;
  const app = join(work, name);
  const timings = {};
  // How a department meets a private scope: @cityofboston from the local registry, everything
  // else from the usual one. npm's cache then serves the other packages' metadata across runs
  // (it is keyed by registry URL, and the local registry's port changes every run).
  const url = registryEnv.npm_config_registry;
  const npmrc = join(work, `${name}.npmrc`);
  writeFileSync(
    npmrc,
    `@cityofboston:registry=${url}\nregistry=${upstreamRegistry()}\nprefer-offline=true\naudit=false\nfund=false\n`,
  );
  const env = { npm_config_userconfig: npmrc, npm_config_registry: upstreamRegistry() };
  run = (
    (base) =>
    (command, commandArgs, options = {}) =>
      base(command, commandArgs, { ...options, env: { ...env, ...options.env } })
  )(run);
  const t0 = Date.now();
  log(`${name}: npm create @cityofboston/app@latest (${elapsed()})`);
  run(
    'npm',
    [
      'create',
      '--yes',
      '@cityofboston/app@latest',
      name,
      '--',
      '--department',
      'DoIT',
      '--template',
      template,
      '--yes',
    ],
    { cwd: work },
  );
  timings.create = Date.now() - t0;
  run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app, timeout: 900_000 });
  timings.install = Date.now() - t0;
  const started = await startAndStop(app, env);
  timings.running = Date.now() - t0;
  log(
    `${name}: npm create → running app in ${(timings.running / 1000).toFixed(0)} s (create ${(timings.create / 1000).toFixed(0)} s, install ${((timings.install - timings.create) / 1000).toFixed(0)} s) (${elapsed()})`,
  );
  const warnings = started.split('\n').filter((l) => /warn/i.test(l) && !l.startsWith('>'));
  if (warnings.length) log(`${name}: runtime warnings on start:\n  ${warnings.join('\n  ')}`);

  log(`${name}: build, npm test (Chromium, axe on every page), npm run compliance (${elapsed()})`);
  const chromium = { CHROMIUM_PATH: requireChromium() };
  run('npm', ['run', 'build'], { cwd: app });
  const t1 = Date.now();
  run('npm', ['test'], { cwd: app, env: chromium });
  timings.test = Date.now() - t1;
  const t2 = Date.now();
  const compliance = run('npm', ['run', 'compliance', '--', '--reuse-tests'], {
    cwd: app,
    env: chromium,
  });
  timings.compliance = Date.now() - t2;
  log(
    `${name}: ${compliance
      .split('\n')
      .filter((l) => /^[✓✗]/.test(l))
      .join('; ')}`,
  );

  // Each piece of evidence, checked here against its schema.
  const out = join(app, 'compliance', 'out');
  const schemas = join(app, 'compliance', 'schemas');
  const read = (f) => JSON.parse(readFileSync(join(out, f), 'utf8'));
  const acr = read('acr.json');
  schemaCheck(join(schemas, 'openacr-0.1.0.json'), acr, 'acr.json (OpenACR 0.1.0)');
  const catalog = JSON.parse(readFileSync(join(schemas, 'vpat-2.5-wcag-2.2-catalog.json'), 'utf8'));
  for (const chapter of catalog.chapters) {
    const got = acr.chapters[chapter.id]?.criteria.map((c) => c.num) ?? [];
    const missing = chapter.criteria.filter((c) => !got.includes(c.id)).map((c) => c.id);
    if (missing.length) throw new Error(`acr.json lacks ${chapter.id}: ${missing.join(', ')}`);
  }
  const levels = Object.values(acr.chapters).flatMap((c) =>
    c.criteria.map((x) => x.components[0].adherence.level),
  );
  if (levels.includes('awaiting-manual-review') && !acr.title.startsWith('DRAFT')) {
    throw new Error('acr.json awaits manual review but is not marked DRAFT');
  }

  const sbomText = readFileSync(join(out, 'sbom.cdx.json'), 'utf8');
  // The CycloneDX library the app installed, with the schemas of every spec version.
  const cdx = createRequire(join(app, 'package.json'))('@cyclonedx/cyclonedx-library');
  const sbomErrors = await new cdx.Validation.JsonStrictValidator(
    JSON.parse(sbomText).specVersion,
  ).validate(sbomText);
  if (sbomErrors !== null)
    throw new Error(`sbom.cdx.json: ${JSON.stringify(sbomErrors).slice(0, 1000)}`);

  const schema = await import(
    pathToFileURL(join(root, 'packages', 'standards-schema', 'dist', 'index.js')).href
  );
  schema.TechnologyAsset.parse(read('technology-asset.json'));
  const inventory = read('data-inventory.json');
  for (const store of inventory.stores) {
    for (const field of store.fields) schema.FieldMeta.parse(field.meta);
    if (!schema.CLASSIFICATIONS.includes(store.level))
      throw new Error(`inventory: level ${store.level}`);
  }

  schemaCheck(
    join(schemas, 'publiccode.schema.json'),
    YAML.parse(readFileSync(join(out, 'publiccode.yml'), 'utf8')),
    'publiccode.yml',
  );
  const audit = read('audit.json');
  if (!audit.verification.verified || !(audit.verification.events > 0)) {
    throw new Error(
      `audit.json: the app's own log was not verified: ${JSON.stringify(audit.verification)}`,
    );
  }
  log(
    `${name}: ACR (${levels.length} criteria), SBOM, inventory, TechnologyAsset, publiccode.yml and the audit verification (${audit.verification.events} events) check against their schemas; test ${(timings.test / 1000).toFixed(0)} s, compliance ${(timings.compliance / 1000).toFixed(0)} s (${elapsed()})`,
  );
  return { app, timings };
}
