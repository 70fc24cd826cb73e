import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const child = fileURLToPath(new URL('./crashChild.ts', import.meta.url));

/**
 * Runs the crash child until it has acknowledged at least `acks` events, SIGKILLs it, and
 * returns every id it acknowledged.
 */
export function recordThenKill(
  kind: 'jsonl' | 'pglite',
  location: string,
  acks: number,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', tsx, child, kind, location], {
      // stdin is a pipe the parent never writes: it closes when the parent exits, and the child
      // then stops (see crashChild.ts), so a test that times out leaves no process behind.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const ids: string[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const p of parts) if (p && p !== 'ready') ids.push(p);
      if (!killed && ids.length >= acks) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.on('error', reject);
    proc.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`crash child exited by itself (${String(signal)}): ${stderr}`));
        return;
      }
      // Ids printed before the kill but read after it still count: they were acknowledged.
      for (const p of buffered.split('\n')) if (p && p !== 'ready' && p.length === 36) ids.push(p);
      resolve(ids);
    });
  });
}
