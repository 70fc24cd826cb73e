import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../src/bin/cityDevIdp.ts', import.meta.url));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('city-dev-idp', () => {
  it('starts, prints its issuer, serves discovery and stops on SIGTERM', async () => {
    const child = run(['--port', '0']);
    const issuer = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = out.match(/issuer (http:\/\/127\.0\.0\.1:\d+)/);
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const meta = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(meta.issuer).toBe(issuer);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 20_000);

  it('refuses to run with NODE_ENV=production', async () => {
    const child = run(['--port', '0'], { NODE_ENV: 'production' });
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('NODE_ENV=production');
  }, 20_000);
});
