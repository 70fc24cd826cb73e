import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOSTON_MUNICIPALITY } from '@cityofboston/standards-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../test/fixtures';
import { stageWithoutSeal, unsealedEvent } from '../test/stageWithoutSeal';
import { generateCheckpointKeys } from './checkpoint';
import { directorySink } from './checkpointSinks/directorySink';
import { createAuditLog } from './createAuditLog';
import type { SqlQueryable } from './internal/sql/sqlStore';
import { jsonlStore } from './jsonlStore';
import { defaultOrigin, signCheckpointNote } from './note/checkpointNote';
import { pgliteStore } from './pgliteStore';
import { runCli } from './runCli';
import { verify } from './verify';

let dir: string;
let path: string;
let keys: { privateKey: string; publicKey: string };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-cli-'));
  path = join(dir, 'audit.jsonl');
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

describe('city-audit', () => {
  it('verify: exit 0 on an intact log, with checkpoints checked against the public key', async () => {
    const r = await run(
      'verify',
      '--store',
      `jsonl:${path}`,
      '--public-key',
      join(dir, 'pub.pem'),
      '--trusted',
      join(dir, 'elsewhere', 'latest.checkpoint'),
    );
    expect(r.stdout).toMatch(
      /^ok: 12 events, head [0-9a-f]{64}, root \S{44}, 4 checkpoint\(s\) matched/,
    );
    expect(r.code).toBe(0);
    // The sink kept every checkpoint, as C2SP notes.
    expect(await readFile(join(dir, 'elsewhere', '5.checkpoint'), 'utf8')).toMatch(
      /^city-audit\/default\n5\n\S{44}\n\n\u2014 city-audit\/default \S+\n$/,
    );
  });

  it('verify: refuses to run without a key and a trusted checkpoint unless --allow-unsigned', async () => {
    const noKey = await run('verify', '--store', path);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/--key or --public-key/);
    const noTrust = await run('verify', '--store', path, '--public-key', join(dir, 'pub.pem'));
    expect(noTrust.code).toBe(2);
    expect(noTrust.stderr).toMatch(/--trusted/);
    const unsigned = await run('verify', '--store', path, '--allow-unsigned');
    expect(unsigned.code).toBe(0);
    expect(unsigned.stdout).toMatch(/warning: no trusted checkpoint/);
  });

  it('verify --remember: keeps the newest checkpoint and refuses a later rollback', async () => {
    const memory = join(dir, 'verifier', 'last.checkpoint');
    const copy = join(dir, 'rollback.jsonl');
    await writeFile(copy, await readFile(path, 'utf8'));
    await writeFile(`${copy}.checkpoints`, await readFile(`${path}.checkpoints`, 'utf8'));
    const first = await run(
      'verify',
      '--store',
      copy,
      '--public-key',
      join(dir, 'pub.pem'),
      '--trusted',
      join(dir, 'elsewhere', '5.checkpoint'),
      '--remember',
      memory,
    );
    expect(first.code).toBe(0);
    expect((await readFile(memory, 'utf8')).split('\n')[1]).toBe('12');
    // The log is rolled back to 9 events (a restored backup): the remembered 12 refuses it.
    const lines = (await readFile(copy, 'utf8')).split('\n').slice(0, 9);
    await writeFile(copy, `${lines.join('\n')}\n`);
    const later = await run(
      'verify',
      '--store',
      copy,
      '--public-key',
      join(dir, 'pub.pem'),
      '--remember',
      memory,
    );
    expect(later.code).toBe(1);
    expect(later.stdout).toMatch(/TAMPERED at seq 10: truncated/);
  });

  it('prove and consistency: proofs a third party checks with the public key alone', async () => {
    const events = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const id = events[6].id as string;
    const proofFile = join(dir, 'proof.json');
    expect((await run('prove', id, '--store', path, '--out', proofFile)).code).toBe(0);
    const proof = JSON.parse(await readFile(proofFile, 'utf8'));
    expect(proof).toMatchObject({ leafIndex: 6, treeSize: 12 });
    const check = await run('check-proof', proofFile, '--public-key', join(dir, 'pub.pem'));
    expect(check).toMatchObject({
      code: 0,
      stdout:
        'ok: the proof verifies against the signed checkpoint of city-audit/default at 12 events\n',
    });
    // A changed event no longer proves.
    proof.event.outcome = 'denied';
    await writeFile(proofFile, JSON.stringify(proof));
    const bad = await run('check-proof', proofFile, '--public-key', join(dir, 'pub.pem'));
    expect(bad).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/INVALID: the event does not match/),
    });

    const consistency = join(dir, 'consistency.json');
    const c = await run(
      'consistency',
      join(dir, 'elsewhere', '5.checkpoint'),
      join(dir, 'elsewhere', '12.checkpoint'),
      '--store',
      path,
      '--out',
      consistency,
    );
    expect(c.code).toBe(0);
    expect((await run('check-proof', consistency, '--public-key', join(dir, 'pub.pem'))).code).toBe(
      0,
    );
    // Another key cannot vouch for it.
    const other = generateCheckpointKeys();
    await writeFile(join(dir, 'other.pem'), other.publicKey);
    expect(
      (await run('check-proof', consistency, '--public-key', join(dir, 'other.pem'))).code,
    ).toBe(1);
  });

  it('verify: exit 1 and the seq when an event was modified', async () => {
    const copy = join(dir, 'tampered.jsonl');
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n');
    lines[6] = (lines[6] as string).replace('"outcome":"success"', '"outcome":"denied"');
    await writeFile(copy, lines.join('\n'));
    const r = await run('verify', '--store', copy, '--json', '--allow-unsigned');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).firstBad).toMatchObject({ seq: 7, reason: 'hash-mismatch' });
  });

  it('exit 2 on unusable input: unknown store kind, missing key file, unknown command', async () => {
    expect((await run('verify', '--store', 'ftp://nowhere')).code).toBe(2);
    expect(
      (await run('verify', '--store', path, '--public-key', join(dir, 'missing.pem'))).code,
    ).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    const missing = await run('verify', '--store', `jsonl:${join(dir, 'nope', 'audit.jsonl')}`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
    expect(existsSync(join(dir, 'nope'))).toBe(false); // verifying never creates a log
    expect((await run('verify')).stderr).toMatch(/--store is required/);
  });

  it('export of a PGlite log (format 2) writes JSONL that verify checks against its checkpoint', async () => {
    const dataDir = join(dir, 'pglite-export');
    const log = createAuditLog({
      app: { name: 'cli' },
      store: pgliteStore({ dataDir }),
      signer: { privateKey: keys.privateKey, everyEvents: 4, everyMs: 0 },
      sinks: [directorySink(join(dir, 'pglite-elsewhere'))],
    });
    for (let i = 0; i < 9; i++) await log.record(sampleEvent(i));
    await log.close();
    const out = join(dir, 'pglite-export.jsonl');
    const exported = await run('export', '--store', `pglite:${dataDir}`, '--out', out);
    expect(exported.code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(JSON.parse(lines[8] as string).integrity).toEqual({
      format: 2,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      seq: 9,
    });
    const trusted = join(dir, 'pglite-elsewhere', 'latest.checkpoint');
    // Threads check JSONL lines; on a SQL store the CLI says it checks in one thread.
    const direct = await run(
      'verify',
      '--store',
      `pglite:${dataDir}`,
      '--public-key',
      join(dir, 'pub.pem'),
      '--trusted',
      trusted,
      '--threads',
      '2',
    );
    expect(direct.stdout).toMatch(/^ok: 9 events/);
    expect(direct.stderr).toMatch(
      /--threads applies to JSONL logs; this pglite store is checked in one thread/,
    );
    const r = await run(
      'verify',
      '--store',
      out,
      '--public-key',
      join(dir, 'pub.pem'),
      '--trusted',
      trusted,
    );
    expect(r.stdout).toMatch(/^ok: 9 events/);
    expect(r.code).toBe(0);
    // Two exported events swapped: each still matches its hash, the signed tree does not.
    const swapped = [...lines];
    [swapped[2], swapped[3]] = [swapped[3] as string, swapped[2] as string];
    await writeFile(out, `${swapped.join('\n')}\n`);
    const moved = await run(
      'verify',
      '--store',
      out,
      '--public-key',
      join(dir, 'pub.pem'),
      '--trusted',
      trusted,
    );
    expect(moved.code).toBe(1);
    expect(moved.stdout).toMatch(/out-of-order|checkpoint-mismatch/);
  }, 60_000);

  it('prove with --public-key never serves a checkpoint line someone added to the store', async () => {
    const copy = join(dir, 'forged-cp.jsonl');
    await writeFile(copy, await readFile(path));
    await writeFile(`${copy}.checkpoints`, await readFile(`${path}.checkpoints`));
    // One more event, then a note for the 13 events with the right root, signed by another key.
    const log = createAuditLog({ app: { name: 'cli' }, store: jsonlStore({ path: copy }) });
    await log.record(sampleEvent(12));
    await log.close();
    const { rootHash } = await verify(jsonlStore({ path: copy }), { allowUnsigned: true });
    const origin = defaultOrigin('default');
    const forged = signCheckpointNote({ origin, size: 13, rootHash }, [
      { name: origin, privateKey: generateCheckpointKeys().privateKey },
    ]);
    await writeFile(`${copy}.checkpoints`, `${JSON.stringify(forged)}\n`, { flag: 'a' });
    const id = JSON.parse((await readFile(copy, 'utf8')).split('\n')[6] as string).id as string;
    const check = async (...extra: string[]) => {
      const file = join(dir, `proof-${extra.length}.json`);
      expect((await run('prove', id, '--store', copy, '--out', file, ...extra)).code).toBe(0);
      const r = await run('check-proof', file, '--public-key', join(dir, 'pub.pem'));
      return { code: r.code, treeSize: JSON.parse(await readFile(file, 'utf8')).treeSize };
    };
    // Without a key, the newest stored note that matches the tree is served: the forged one.
    expect(await check()).toEqual({ code: 1, treeSize: 13 });
    // With the log's key, only a note it signed: the recipient's check passes.
    expect(await check('--public-key', join(dir, 'pub.pem'))).toEqual({ code: 0, treeSize: 12 });
  });

  it('verify says when a PGlite log holds events stored but not placed (their writer stopped)', async () => {
    const dataDir = join(dir, 'pglite-unplaced');
    const store = pgliteStore({ dataDir });
    const log = createAuditLog({ app: { name: 'cli' }, store, closeStore: false });
    for (let i = 0; i < 3; i++) await log.record(sampleEvent(i));
    await log.close();
    const raw = (store as unknown as { client(): Promise<SqlQueryable> }).client();
    await stageWithoutSeal(await raw, store.schema, [unsealedEvent(3), unsealedEvent(4)]);
    await store.close();
    const r = await run('verify', '--store', `pglite:${dataDir}`, '--allow-unsigned');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 3 events/);
    expect(r.stdout).toMatch(
      /note: 2 event\(s\) in 1 batch\(es\), stored since \d{4}-\d\d-\d\dT[^,]+Z, are not in the log yet/,
    );
    const json = await run('verify', '--store', `pglite:${dataDir}`, '--allow-unsigned', '--json');
    expect(JSON.parse(json.stdout).unplaced).toMatchObject({ batches: 1, events: 2 });
  }, 60_000);

  it('export --format ocsf writes one OCSF event per line', async () => {
    const out = join(dir, 'ocsf.jsonl');
    const r = await run('export', '--store', path, '--format', 'ocsf', '--out', out);
    expect(r.code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(12);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      class_uid: 3004,
      metadata: { sequence: 1 },
    });
    expect((await run('export', '--store', path, '--format', 'xml')).code).toBe(2);
  });

  it('export --format ocsf --vendor-name names another municipality, and no other anywhere', async () => {
    const out = join(dir, 'ocsf-town.jsonl');
    const town = 'Town of Millbrook';
    const r = await run(
      'export',
      '--store',
      path,
      '--format',
      'ocsf',
      '--vendor-name',
      town,
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const text = await readFile(out, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(12);
    for (const line of lines) {
      expect(JSON.parse(line).metadata.product).toMatchObject({ vendor_name: town, name: 'cli' });
    }
    // Nothing in the OCSF path may name the default municipality once another is given.
    expect(text).not.toContain(BOSTON_MUNICIPALITY.name);
    expect(text).not.toMatch(/boston/i);
    // Without the option, the default municipality of standards-schema.
    const byDefault = await run('export', '--store', path, '--format', 'ocsf');
    expect(JSON.parse(byDefault.stdout.split('\n')[0] as string).metadata.product.vendor_name).toBe(
      BOSTON_MUNICIPALITY.name,
    );
    const jsonl = await run('export', '--store', path, '--format', 'jsonl', '--vendor-name', town);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toMatch(/--vendor-name applies to --format ocsf only/);
    const empty = await run('export', '--store', path, '--format', 'ocsf', '--vendor-name', ' ');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--vendor-name must not be empty/);
  });

  it('report access lists who touched one record', async () => {
    const r = await run('report', 'access', '--target', 'BCS-1003', '--store', path, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { accesses: { actor: string }[] };
    expect(report.accesses.length).toBe(1); // target BCS-1003 is n % 11 === 3: only n = 3 of 0..11
    expect(report.accesses[0]?.actor).toBe('user:u-3 (PWD)');
  });

  it('the bin exits with the code (1 on tampering) as a real process', () => {
    const require = createRequire(import.meta.url);
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const ok = spawnSync(
      process.execPath,
      ['--import', require.resolve('tsx'), cli, 'verify', '--store', path, '--allow-unsigned'],
      {
        encoding: 'utf8',
      },
    );
    expect(ok.status).toBe(0);
    const bad = spawnSync(
      process.execPath,
      [
        '--import',
        require.resolve('tsx'),
        cli,
        'verify',
        '--store',
        join(dir, 'tampered.jsonl'),
        '--allow-unsigned',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('TAMPERED at seq 7');
  });
});
