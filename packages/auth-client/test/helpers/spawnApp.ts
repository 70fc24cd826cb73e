import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Starts `serve-app.ts` in a child process; resolves once it listens. */
export async function spawnTestApp(options: Record<string, unknown> = {}) {
  // A string, not `new URL(...)`: under jsdom the URL class is jsdom's, which node:url refuses.
  const script = join(dirname(fileURLToPath(import.meta.url)), 'serveApp.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<{ origin: string; issuer: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`test app exited with ${code}`)));
  });
  return {
    ...info,
    close: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
