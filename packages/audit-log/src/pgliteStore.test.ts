import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordThenKill } from '../test/crash';
import { PLANTED, plantedDetails, sampleEvent, UNSIGNED } from '../test/fixtures';
import { sqlSuite } from '../test/sqlSuite';
import { createAuditLog } from './createAuditLog';
import { pgliteStore } from './pgliteStore';
import { verify } from './verify';

describe('pgliteStore', () => {
  sqlSuite('pglite');
});

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (entry.isFile()) yield p;
  }
}

describe('pgliteStore on disk', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('survives SIGKILL: acknowledged events present, chain verifies, writing continues; no planted PII on disk', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'audit-pglite-'));
    dirs.push(dataDir);
    const acked = await recordThenKill('pglite', dataDir, 200);
    expect(acked.length).toBeGreaterThanOrEqual(200);

    const store = pgliteStore({ dataDir });
    const ids = new Set<string>();
    for await (const e of store.read()) ids.add(e.id);
    const missing = acked.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    const log = createAuditLog({ app: { name: 'after-crash' }, store, closeStore: false });
    const next = await log.record(sampleEvent(1, { details: plantedDetails }));
    await log.close();
    // A batch the child had stored but not yet sealed when it was killed (format 2 stores, then
    // seals) is placed by this seal, before the new event: the log can grow by more than one.
    const after = new Set<string>();
    for await (const e of store.read()) after.add(e.id);
    expect([...ids].filter((id) => !after.has(id))).toEqual([]);
    expect(after.has(next.id)).toBe(true);
    expect(next.integrity.seq).toBe(after.size);
    expect(await verify(store, UNSIGNED)).toMatchObject({ ok: true, count: after.size });
    await store.close();

    // Every byte PGlite wrote (tables, WAL, indexes): the planted values are nowhere.
    const needles = [...Object.values(PLANTED), '555-0142'].map((v) => Buffer.from(v));
    let scanned = 0;
    let sawRedaction = false;
    for await (const file of files(dataDir)) {
      const bytes = await readFile(file);
      scanned += bytes.length;
      if (bytes.includes('[redacted:ssn]')) sawRedaction = true;
      for (const needle of needles)
        expect(bytes.includes(needle), `${needle} in ${file}`).toBe(false);
    }
    expect(scanned).toBeGreaterThan(1_000_000);
    expect(sawRedaction).toBe(true);
  }, 120_000);
});
