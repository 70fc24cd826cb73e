// The command as CI runs it: flags only, no terminal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'create-app-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', tsx, cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });

describe('create-app in CI', () => {
  it('writes the app from flags and says what to run next', () => {
    const result = run('permit-tracker', '--department', 'ISD', '--yes');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/cd permit-tracker\n\s+npm install\n\s+npm start/);
    expect(existsSync(join(work, 'permit-tracker', 'city-app.json'))).toBe(true);
  });

  it('fails with the code and a sentence when a required option is missing', () => {
    const result = run('other-app', '--yes');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--department <code>');
    expect(result.stderr).toContain('(missing_option)');
    expect(existsSync(join(work, 'other-app'))).toBe(false);
  });

  it('refuses to write into the folder it already wrote', () => {
    const result = run('permit-tracker', '--department', 'ISD', '--yes');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('(target_not_empty)');
  });

  it('prints its help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--department <code>');
  });
});
