import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleEvent, UNSIGNED } from '../test/fixtures';
import { kill, startWriterProcess } from '../test/lockChildProcess';
import { generateCheckpointKeys, signCheckpoint } from './checkpoint';
import { createAuditLog } from './createAuditLog';
import { jsonlStore } from './jsonlStore';
import { runCli } from './runCli';
import { verify } from './verify';

const dirs: string[] = [];
async function tempFile(name = 'audit.jsonl') {
  const dir = await mkdtemp(join(tmpdir(), 'audit-jsonl-faults-'));
  dirs.push(dir);
  return join(dir, name);
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function writeEvents(path: string, n: number) {
  const log = createAuditLog({ app: { name: 'a' }, store: jsonlStore({ path }) });
  for (let i = 0; i < n; i++) await log.record(sampleEvent(i));
  await log.close();
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
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

/** The pid of a process that has exited (so no process has it, for now). */
function deadPid(): number {
  const { stdout } = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(process.pid))'],
    {
      encoding: 'utf8',
    },
  );
  return Number(stdout);
}

describe('jsonlStore: one writer per file', () => {
  it('refuses a second writer in another process with STORE_LOCKED naming it, and recovers the lock once that process is killed', async () => {
    const path = await tempFile();
    const { proc, said } = await startWriterProcess(path);
    try {
      expect(said).toBe(`holding ${proc.pid}`);
      const store = jsonlStore({ path });
      const log = createAuditLog({ app: { name: 'second' }, store, closeStore: false });
      const refused = await log.record(sampleEvent(1)).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'STORE_LOCKED' });
      expect((refused as Error).message).toContain(`process ${proc.pid}`);
      // The other way round: a second process is refused while this one writes.
      await kill(proc);
      const e = await log.record(sampleEvent(2)); // the dead writer's lock is recovered
      expect(e.integrity.seq).toBe(2);
      const other = await startWriterProcess(path);
      expect(other.said).toBe('refused STORE_LOCKED');
      await kill(other.proc);
      await log.close();
      await store.close();
      expect(existsSync(`${path}.lock`)).toBe(false);
      expect(await verify(jsonlStore({ path }), UNSIGNED)).toMatchObject({ ok: true, count: 2 });
    } finally {
      await kill(proc);
    }
  }, 60_000);

  it('refuses a second store on the same file in the same process', async () => {
    const path = await tempFile();
    const a = jsonlStore({ path });
    await a.open();
    await expect(jsonlStore({ path }).open()).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    await a.close();
    const b = jsonlStore({ path });
    await expect(b.open()).resolves.toMatchObject({ head: { seq: 0 } });
    await b.close();
  });

  it('a stale lock of a dead process is taken over by exactly one of several openers', async () => {
    const path = await tempFile();
    await writeEvents(path, 2);
    const pid = deadPid();
    await writeFile(
      `${path}.lock`,
      JSON.stringify({ pid, host: hostname(), nonce: 'dead', since: new Date().toISOString() }),
    );
    const stores = Array.from({ length: 5 }, () => jsonlStore({ path }));
    const results = await Promise.allSettled(stores.map((s) => s.open()));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'STORE_LOCKED' });
    }
    for (const s of stores) await s.close();
  });

  it('keeps the lock of a live process on another host (it cannot be checked from here)', async () => {
    const path = await tempFile();
    await writeFile(
      `${path}.lock`,
      JSON.stringify({ pid: 1, host: 'another-host', nonce: 'x', since: '2026-01-01T00:00:00Z' }),
    );
    const error = await jsonlStore({ path })
      .open()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_LOCKED' });
    expect((error as Error).message).toContain('another-host');
  });
});

describe('jsonlStore: a failed open is retried', () => {
  it('opens on the next record once the cause of a failed open is gone (not cached until restart)', async () => {
    const dir = await tempFile('blocker');
    await writeFile(dir, 'a file where the folder should be');
    const store = jsonlStore({ path: join(dir, 'audit.jsonl') });
    const log = createAuditLog({
      app: { name: 'a' },
      store,
      batch: { retries: 0 },
      closeStore: false,
    });
    await expect(log.record(sampleEvent(1))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await rm(dir);
    expect((await log.record(sampleEvent(2))).integrity.seq).toBe(1);
    await log.close();
    await store.close();
  });
});

describe('jsonlStore: torn and garbage lines', () => {
  it('a complete garbage last line: the writer refuses with STORE_CORRUPT naming the repair command, verify exits 1 with its line, repair moves it and writing resumes', async () => {
    const path = await tempFile();
    await writeEvents(path, 3);
    await appendFile(path, 'garbage from a bad disk\n');
    const before = await readFile(path);

    const refused = await jsonlStore({ path })
      .open()
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((refused as Error).message).toContain(`city-audit repair --store jsonl:${path}`);
    expect(await readFile(path)).toEqual(before); // refused means untouched
    expect(existsSync(`${path}.lock`)).toBe(false);

    const checked = await cli(['verify', '--store', `jsonl:${path}`, '--allow-unsigned']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('line 4');
    expect((await verify(jsonlStore({ path }), UNSIGNED)).firstBad).toMatchObject({
      seq: 4,
      line: 4,
      reason: 'malformed',
    });

    const repaired = await cli(['repair', '--store', `jsonl:${path}`]);
    expect(repaired).toMatchObject({ code: 0 });
    expect(repaired.stdout).toContain('moved 1 line(s)');
    expect(await readFile(`${path}.rejected`, 'utf8')).toBe('garbage from a bad disk\n');

    const log = createAuditLog({ app: { name: 'a' }, store: jsonlStore({ path }) });
    expect((await log.record(sampleEvent(9))).integrity.seq).toBe(4);
    await log.close();
    expect((await cli(['verify', '--store', `jsonl:${path}`, '--allow-unsigned'])).code).toBe(0);
  });

  it('a last event whose content no longer matches its hash also keeps the writer out', async () => {
    const path = await tempFile();
    await writeEvents(path, 2);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace(/"outcome":"success"(?=[^\n]*\n$)/, '"outcome":"denied"'));
    const refused = await jsonlStore({ path })
      .open()
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((refused as Error).message).toContain('does not match its hash');
  });

  it('repair never removes a valid event: a bad line followed by events is refused with exit 1, the file untouched', async () => {
    const path = await tempFile();
    await writeEvents(path, 3);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines.splice(1, 0, '{"not":"an event"');
    await writeFile(path, lines.join('\n'));
    const before = await readFile(path);
    const r = await cli(['repair', '--store', `jsonl:${path}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('break inside the chain');
    expect(await readFile(path)).toEqual(before);
    expect(existsSync(`${path}.rejected`)).toBe(false);
  });

  it('a torn last line (no newline) is still cut on open, not refused', async () => {
    const path = await tempFile();
    await writeEvents(path, 2);
    await appendFile(path, '{"actor":{"id":"u-1"');
    const store = jsonlStore({ path });
    expect(await store.open()).toMatchObject({ head: { seq: 2 }, repairedBytes: 20 });
    await store.close();
  });

  it('a torn checkpoint line does not swallow the next checkpoint', async () => {
    const path = await tempFile();
    const { privateKey } = generateCheckpointKeys();
    const store = jsonlStore({ path });
    const first = signCheckpoint(
      { chainId: 'default', size: 1, headHash: 'a'.repeat(64) },
      privateKey,
    );
    await store.appendCheckpoint(first);
    await appendFile(`${path}.checkpoints`, '{"chainId":"default","si'); // a crash mid-write
    const next = signCheckpoint(
      { chainId: 'default', size: 2, headHash: 'b'.repeat(64) },
      privateKey,
    );
    await store.appendCheckpoint(next);
    expect((await store.checkpoints()).map((c) => c.size)).toEqual([1, 2]);
    await store.close();
  });
});
