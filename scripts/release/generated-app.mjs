// The release rehearsal's second department: an app written by `npm create @cityofboston/app`
// from the local registry, installed, started (timed from `npm create` to the first page),
// built, tested (axe on every page included) and asked for its compliance evidence; then each
// piece of evidence is checked here, independently of the app's own checks, against its schema.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  // A newcomer's terminal, not a CI job: with CI set, next build asks for a build cache (the
  // generated CI workflow keeps one), which is advice for CI, not a warning a newcomer sees.
  const { CI: _ci, ...newcomer } = process.env;
  const child = spawn('npm', ['start'], {
    cwd: app,
    env: { ...newcomer, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // npm start builds first (next build takes about two minutes on a loaded 2-core machine).
  const deadline = Date.now() + 420_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      const res = await fetch(`${url}/`).catch(() => undefined);
      // The first page: the client's shell (vite-express) or the server-rendered sign-in page (next).
      if (res?.status === 200 && /<html lang="en"/.test(await res.text())) break;
      if (Date.now() > deadline) throw new Error(`npm start did not serve a page:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // An API call without a session: refused, and recorded in the app's audit log.
    const api = await fetch(`${url}/api/requests`);
    if (api.status !== 401) throw new Error(`GET /api/requests without a session: ${api.status}`);
    return output;
  } finally {
    // npm start runs a build then the server: stop the whole process group.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
  }
}

/**
 * What the Next template's Docker image runs, without Docker: the standalone server Next traced
 * (`NEXT_OUTPUT=standalone`), in production mode from the environment only. It must refuse to
 * start without its settings, serve the sign-in page and refuse the API without a session, and on
 * SIGTERM close its audit log (exit 0, a signed checkpoint exported).
 */
async function standaloneSmoke(app, work) {
  const server = join(app, '.next', 'standalone', 'server.js');
  if (!existsSync(server)) throw new Error(`no standalone server at ${server}`);
  // As the Dockerfile lays it out: the static files beside the traced server.
  cpSync(join(app, '.next', 'static'), join(app, '.next', 'standalone', '.next', 'static'), {
    recursive: true,
  });
  const dir = mkdtempSync(join(work, 'standalone-'));
  const base = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_MANUAL_SIG_HANDLE: 'true',
    DATA_DIR: join(dir, 'data'),
    AUDIT_CHECKPOINT_DIR: join(dir, 'checkpoints'),
  };
  const startServer = (env) => {
    const child = spawn(process.execPath, [server], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    return { child, output: () => output };
  };
  const refused = startServer({ ...base, PORT: String(await freePort()) });
  const code = await new Promise((r) => refused.child.once('exit', r));
  if (code !== 1 || !/Cannot start: .*OIDC_ISSUER/.test(refused.output())) {
    throw new Error(`standalone server without settings: exit ${code}\n${refused.output()}`);
  }
  const port = await freePort();
  const { privateKey } = generateKeyPairSync('ed25519');
  const started = startServer({
    ...base,
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    // Discovery is fetched at the first sign-in, which this smoke test does not do.
    OIDC_ISSUER: 'https://login.invalid',
    OIDC_CLIENT_ID: 'smoke',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    AUDIT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (started.child.exitCode !== null) {
        throw new Error(`standalone server exited:\n${started.output()}`);
      }
      const res = await fetch(`http://localhost:${port}/sign-in`).catch(() => undefined);
      if (res?.status === 200 && (await res.text()).includes('Sign in with City SSO')) break;
      if (Date.now() > deadline)
        throw new Error(`standalone server did not serve:\n${started.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const api = await fetch(`http://localhost:${port}/api/requests`);
    if (api.status !== 401) throw new Error(`standalone GET /api/requests: ${api.status}`);
  } finally {
    if (started.child.exitCode === null) started.child.kill('SIGTERM');
  }
  const exit = await new Promise((r) =>
    started.child.exitCode === null ? started.child.once('exit', r) : r(started.child.exitCode),
  );
  if (exit !== 0 || !existsSync(join(dir, 'checkpoints', 'latest.checkpoint'))) {
    throw new Error(`standalone server did not close cleanly (exit ${exit}):\n${started.output()}`);
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
  // A fresh install prints no warning from our dependencies (engines, install scripts...).
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: app,
    encoding: 'utf8',
    timeout: 900_000,
    env: { ...process.env, ...env },
  });
  if (install.status !== 0) {
    throw new Error(`npm install (in ${app}) failed:\n${install.stdout}${install.stderr}`);
  }
  const installWarnings = `${install.stdout}\n${install.stderr}`
    .split('\n')
    .filter((l) => /\bwarn\b/i.test(l));
  if (installWarnings.length) {
    throw new Error(`${name}: npm install printed warnings:\n  ${installWarnings.join('\n  ')}`);
  }
  timings.install = Date.now() - t0;
  const started = await startAndStop(app, env);
  timings.running = Date.now() - t0;
  log(
    `${name}: npm create → running app in ${(timings.running / 1000).toFixed(0)} s (create ${(timings.create / 1000).toFixed(0)} s, install ${((timings.install - timings.create) / 1000).toFixed(0)} s) (${elapsed()})`,
  );
  // Nor does a fresh start (npm's own echo of the script lines starts with ">").
  const warnings = started
    .split('\n')
    .filter((l) => /warn|⚠|deprecat/i.test(l) && !l.startsWith('>'));
  if (warnings.length) {
    throw new Error(`${name}: warnings on a fresh npm start:\n  ${warnings.join('\n  ')}`);
  }

  log(`${name}: build, npm test (Chromium, axe on every page), npm run compliance (${elapsed()})`);
  const chromium = { CHROMIUM_PATH: requireChromium() };
  if (template === 'next') {
    // The Docker image's build (standalone output), then its server, without Docker.
    const tb = Date.now();
    run('npm', ['run', 'build'], {
      cwd: app,
      env: { NEXT_OUTPUT: 'standalone' },
      timeout: 600_000,
    });
    await standaloneSmoke(app, work);
    timings.standalone = Date.now() - tb;
    log(
      `${name}: standalone build and server (as in the Docker image) ${(timings.standalone / 1000).toFixed(0)} s (${elapsed()})`,
    );
  } else {
    run('npm', ['run', 'build'], { cwd: app, timeout: 600_000 });
  }
  const t1 = Date.now();
  // Two servers and a browser per template; on a loaded machine this outlasts the default 5 min.
  run('npm', ['test'], { cwd: app, env: chromium, timeout: 900_000 });
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
