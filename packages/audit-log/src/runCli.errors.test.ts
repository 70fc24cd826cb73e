import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../test/fixtures';
import { generateCheckpointKeys } from './checkpoint';
import { directorySink } from './checkpointSinks/directorySink';
import { createAuditLog } from './createAuditLog';
import { jsonlStore } from './jsonlStore';
import { runCli } from './runCli';

// Unusable input is exit 2 with a message that names it; exit 1 means only that verification
// failed. A file the CLI is told to write that cannot be written, a PGlite "store" that is not a
// PGlite database, and an option without its value are all unusable input.

let dir: string;
let path: string;
/** A regular file: no path under it can be created, even by root. */
let blocker: string;
let keys: { privateKey: string; publicKey: string };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-cli-errors-'));
  path = join(dir, 'audit.jsonl');
  blocker = join(dir, 'a-file');
  await writeFile(blocker, 'not a folder\n');
  keys = generateCheckpointKeys();
  await writeFile(join(dir, 'pub.pem'), keys.publicKey);
  const log = createAuditLog({
    app: { name: 'cli' },
    store: jsonlStore({ path }),
    signer: { privateKey: keys.privateKey, everyEvents: 5, everyMs: 0 },
    sinks: [directorySink(join(dir, 'elsewhere'))],
  });
  for (let i = 0; i < 12; i++) await log.record(sampleEvent(i));
  await log.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    progress: false,
  });
  return { code, stdout, stderr };
}

/** The bin as a real process (an unhandled 'error' event would crash it with exit 1). */
function bin(...argv: string[]) {
  const require = createRequire(import.meta.url);
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  return spawnSync(process.execPath, ['--import', require.resolve('tsx'), cli, ...argv], {
    encoding: 'utf8',
  });
}

describe('a file the CLI is told to write that cannot be written: exit 2, naming it', () => {
  it('export --out under a file (the process does not crash on the stream error)', () => {
    const out = join(blocker, 'export.jsonl');
    const r = bin('export', '--store', path, '--out', out);
    expect(r.stderr).not.toContain("Unhandled 'error' event");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot write --out ${out}`);
  });

  it('export --out in-process: exit 2 for a missing folder and for a folder', async () => {
    for (const out of [join(blocker, 'x.jsonl'), join(dir, 'no-such-folder', 'x.jsonl'), dir]) {
      const r = await run('export', '--store', path, '--format', 'ocsf', '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write --out ${out}`);
      expect(r.stderr).not.toContain('exported');
    }
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('export --out still writes every event to a usable path', async () => {
    const out = join(dir, 'exported.jsonl');
    const r = await run('export', '--store', path, '--out', out);
    expect(r).toMatchObject({ code: 0, stderr: 'exported 12 events as jsonl\n' });
    const exported = (await readFile(out, 'utf8')).trim().split('\n');
    expect(exported).toHaveLength(12);
    const verified = await run('verify', '--store', `jsonl:${out}`, '--allow-unsigned');
    expect(verified.code).toBe(0);
  });

  it('prove --out and consistency --out', async () => {
    const id = JSON.parse((await readFile(path, 'utf8')).split('\n')[3] as string).id as string;
    const out = join(blocker, 'proof.json');
    const prove = await run('prove', id, '--store', path, '--out', out);
    expect(prove.code).toBe(2);
    expect(prove.stderr).toContain(`cannot write --out ${out}`);
    expect(prove.stderr).not.toContain('cannot read the audit log');
    const consistency = await run(
      'consistency',
      join(dir, 'elsewhere', '5.checkpoint'),
      join(dir, 'elsewhere', '10.checkpoint'),
      '--store',
      path,
      '--out',
      out,
    );
    expect(consistency.code).toBe(2);
    expect(consistency.stderr).toContain(`cannot write --out ${out}`);
    expect(consistency.stderr).not.toContain('cannot read the audit log');
  });

  it('verify --remember: a file it cannot write, after the log verified', async () => {
    const remember = join(dir, 'verifier', 'last.checkpoint');
    // The memory saves under a lock file beside it: a folder in that place refuses it.
    await mkdir(`${remember}.lock`, { recursive: true });
    const r = await run(
      'verify',
      '--store',
      path,
      '--public-key',
      join(dir, 'pub.pem'),
      '--trusted',
      join(dir, 'elsewhere', '5.checkpoint'),
      '--remember',
      remember,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write --remember ${remember}`);
    expect(r.stderr).not.toContain('cannot read the audit log');
  });

  it('verify --remember: a file it cannot read', async () => {
    const remember = join(blocker, 'last.checkpoint');
    const r = await run('verify', '--store', path, '--allow-unsigned', '--remember', remember);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--remember ${remember}: cannot read it (ENOTDIR)`);
    expect(r.stderr).not.toContain('cannot read the audit log');
  });
});

describe('repair', () => {
  it('a .rejected file it cannot write: exit 2 naming it, and the log left as it was', async () => {
    const bad = join(dir, 'bad-tail.jsonl');
    await writeFile(bad, `${await readFile(path, 'utf8')}garbage from a bad disk\n`);
    const before = await readFile(bad);
    // A folder where the rejected lines would go.
    await mkdir(`${bad}.rejected`);
    const r = await run('repair', '--store', `jsonl:${bad}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${bad}.rejected`);
    expect(r.stderr).not.toContain('cannot read the audit log');
    expect(await readFile(bad)).toEqual(before);
  });
});

describe('stdout that stops reading (export | head)', () => {
  it('the export stops with exit 2 and says so, instead of crashing on EPIPE', async () => {
    // About 8 MB of JSONL: far more than a pipe holds, so export is still writing when the
    // reader closes its end.
    const line = (await readFile(path, 'utf8')).split('\n')[0] as string;
    const big = join(dir, 'big.jsonl');
    await writeFile(big, `${line}\n`.repeat(20_000));
    const require = createRequire(import.meta.url);
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(process.execPath, [
      '--import',
      require.resolve('tsx'),
      cli,
      'export',
      '--store',
      big,
    ]);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain("Unhandled 'error' event");
    expect(stderr).toContain('city-audit: cannot write to stdout: EPIPE');
    expect(stderr).not.toContain('exported');
    expect(status).toBe(2);
  });
});

describe('verify --store pglite:<folder> reads a PGlite data directory only', () => {
  it('refuses a folder that holds no PGlite database, and leaves it as it was', async () => {
    const folder = join(dir, 'documents');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.txt'), 'keep me\n');
    const before = readdirSync(folder, { recursive: true }).sort();
    const r = await run('verify', '--store', `pglite:${folder}`, '--allow-unsigned');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${folder} is not a PGlite data directory`);
    expect(readdirSync(folder, { recursive: true }).sort()).toEqual(before);
    expect(existsSync(join(folder, 'PG_VERSION'))).toBe(false);

    const empty = join(dir, 'empty');
    await mkdir(empty);
    const e = await run('export', '--store', `pglite:${empty}`);
    expect(e.code).toBe(2);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses a file', async () => {
    const r = await run('verify', '--store', `pglite:${blocker}`, '--allow-unsigned');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a PGlite data directory');
  });
});

describe('an option parseArgs refuses is a usage error (exit 2, usage shown)', () => {
  for (const argv of [
    ['verify', '--store'],
    ['verify', '--allow-unsigned', '--store'],
    ['export', '--store', 'x.jsonl', '--out'],
    ['verify', '--store', 'x.jsonl', '--json=yes'],
  ]) {
    it(argv.join(' '), async () => {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('cannot read the audit log');
      // The parser's message, then the usage.
      expect(r.stderr).toMatch(/^city-audit: Option '--\S+.*\n\ncity-audit: verify, export/);
      expect(r.stderr).toContain('Usage:');
    });
  }
});
