// A real npm registry (Verdaccio) on 127.0.0.1 with its storage in a temporary folder, for the
// release rehearsal. Our scope is served only from local storage (never proxied), so a department
// app installs @cityofboston/* from what we published and nothing else; other packages are proxied
// to the registry npm is configured with.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** The registry npm is configured with outside the rehearsal (Verdaccio's uplink). */
export function upstreamRegistry() {
  try {
    return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  } catch {
    return 'https://registry.npmjs.org/';
  }
}

/**
 * Starts Verdaccio in `dir` and creates a publisher account.
 * @param {string} dir a fresh temporary folder
 * @returns {Promise<{ url: string, npmrc: string, env: Record<string, string>, stop: () => Promise<void> }>}
 */
export async function startRegistry(dir) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const config = join(dir, 'verdaccio.yaml');
  writeFileSync(
    config,
    `storage: ${join(dir, 'storage')}
auth:
  htpasswd:
    file: ${join(dir, 'htpasswd')}
    max_users: 10
uplinks:
  upstream:
    url: ${upstreamRegistry()}
    timeout: 60s
packages:
  '@cityofboston/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: upstream
listen: 127.0.0.1:${port}
log: { type: stdout, format: pretty, level: warn }
publish:
  allow_offline: true
`,
  );
  const bin = join(require.resolve('verdaccio/package.json'), '..', 'bin', 'verdaccio');
  const child = spawn(process.execPath, [bin, '--config', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited at start:\n${output}`);
    try {
      const res = await fetch(`${url}-/ping`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Verdaccio did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  // The CouchDB-style user endpoint npm adduser uses; it answers with a token.
  const user = 'rehearsal';
  const res = await fetch(`${url}-/user/org.couchdb.user:${user}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: user, password: `pw-${port}-${Date.now()}`, type: 'user' }),
  });
  const body = await res.json();
  if (!res.ok || !body.token)
    throw new Error(`could not create a registry user: ${JSON.stringify(body)}`);

  const npmrc = join(dir, '.npmrc');
  const hostPath = url.replace(/^https?:/, '');
  writeFileSync(
    npmrc,
    `registry=${url}\n${hostPath}:_authToken=${body.token}\naudit=false\nfund=false\n`,
  );
  return {
    url,
    npmrc,
    env: {
      npm_config_userconfig: npmrc,
      npm_config_registry: url,
    },
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
