import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const child = fileURLToPath(new URL('./lockChild.ts', import.meta.url));

/** Starts a writer process on `path`; resolves with its first line (`holding <pid>` or `refused <code>`). */
export function startWriterProcess(path: string): Promise<{ proc: ChildProcess; said: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', tsx, child, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ proc, said: out.slice(0, nl) });
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (!out.includes('\n')) reject(new Error(`writer process exited ${code}: ${err}`));
    });
  });
}

/** SIGKILLs a process and waits until it is gone. */
export function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('close', () => resolve());
    proc.kill('SIGKILL');
  });
}
