import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventId, generateCheckpointKeys, verifierKey, verify } from './index';
import { postgresStore } from './postgresStore';

// Four app instances, each a process with its own pool, append to one chain on real PostgreSQL
// at once (PGlite cannot be shared between processes, so this runs where DATABASE_URL is set,
// as in CI). The result must be one log: every event once, seqs 1..n without a gap, and it
// verifies against a checkpoint one of the instances signed.
const url = process.env.DATABASE_URL;
const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx');
const child = fileURLToPath(new URL('../test/parallelWriterChild.ts', import.meta.url));
const schema = `audit_parallel_${randomBytes(5).toString('hex')}`;

interface ChildResult {
  ids: string[];
  seqs: number[];
  note?: string;
}

function runWriter(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', tsx, child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    proc.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`writer ${args[2]} exited ${code}: ${err}`));
      else resolve(JSON.parse(out) as ChildResult);
    });
  });
}

afterAll(async () => {
  if (!url) return;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe.skipIf(!url)('postgresStore: parallel app instances (real PostgreSQL)', () => {
  it('four writer processes form one log that verifies, each shared id stored once', async () => {
    const keys = generateCheckpointKeys();
    const key = Buffer.from(keys.privateKey).toString('base64');
    // Create the tables first, as a deployment's migration step does.
    const setup = postgresStore({ connectionString: url as string, schema, chainId: 'shared' });
    await setup.head();
    await setup.close();
    const PER = 150;
    const shared = Array.from({ length: 12 }, () => createEventId());
    const results = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((name) =>
        runWriter([url as string, schema, name, String(PER), key, shared.join(',')]),
      ),
    );
    const total = 4 * PER + shared.length;
    // Each instance was told its events' seqs; together they are 1..total, each once, and every
    // instance got the same seq for each shared id.
    const seqOf = new Map<string, number>();
    for (const r of results) {
      r.ids.forEach((id, i) => {
        const seq = r.seqs[i] as number;
        const known = seqOf.get(id);
        if (known === undefined) seqOf.set(id, seq);
        else expect(seq).toBe(known);
      });
    }
    expect(seqOf.size).toBe(total);
    expect([...seqOf.values()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    const notes = results.map((r) => r.note).filter((n): n is string => typeof n === 'string');
    expect(notes.length).toBeGreaterThan(0);
    const reader = postgresStore({ connectionString: url as string, schema, chainId: 'shared' });
    try {
      const result = await verify(reader, {
        keys: [verifierKey('city-audit/shared', keys.publicKey)],
        trusted: notes,
      });
      expect(result.problems).toEqual([]);
      expect(result).toMatchObject({ ok: true, count: total });
      expect(result.checkpointsChecked).toBeGreaterThanOrEqual(notes.length);
      expect(result.latestCheckpoint?.size).toBeGreaterThan(0);
    } finally {
      await reader.close();
    }
  }, 120_000);
});
