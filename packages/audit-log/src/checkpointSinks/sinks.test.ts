import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../../test/fixtures';
import { generateCheckpointKeys } from '../checkpoint';
import { createAuditLog } from '../createAuditLog';
import { memoryStore } from '../memoryStore';
import { openCheckpoint, type SignedCheckpoint, signCheckpointNote } from '../note/checkpointNote';
import { toVerifier } from '../note/signedNote';
import { verify } from '../verify';
import { directorySink } from './directorySink';
import { type CheckpointMemory, fileCheckpointMemory } from './fileCheckpointMemory';
import { httpSink } from './httpSink';
import type { CheckpointSink } from './sink';

// A receiving service on loopback: keeps the notes POSTed to it, refuses when told to.
const received: string[] = [];
let refuse = false;
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => {
    body += c;
  });
  req.on('end', () => {
    if (req.url === '/moved') {
      res.writeHead(301, { location: '/checkpoints' }).end();
      return;
    }
    if (refuse || req.headers['content-type'] !== 'text/plain; charset=utf-8') {
      res.writeHead(503).end();
      return;
    }
    received.push(body);
    res.writeHead(204).end();
  });
});
let url: string;
let dir: string;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkpoints`;
  dir = await mkdtemp(join(tmpdir(), 'audit-sinks-'));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('checkpoint sinks', () => {
  it('send every signed checkpoint to a directory and an HTTP endpoint; failures go to onError', async () => {
    const keys = generateCheckpointKeys();
    const errors: unknown[] = [];
    const store = memoryStore();
    const log = createAuditLog({
      app: { name: 'sinks' },
      store,
      signer: { privateKey: keys.privateKey, everyEvents: 3, everyMs: 0 },
      sinks: [directorySink(join(dir, 'cps')), httpSink(url)],
      onError: (e) => errors.push(e),
    });
    for (let i = 0; i < 7; i++) await log.record(sampleEvent(i));
    await log.checkpoint();
    expect(received.map((n) => n.split('\n')[1])).toEqual(['3', '6', '7']);
    const latest = await readFile(join(dir, 'cps', 'latest.checkpoint'), 'utf8');
    expect(latest).toBe(received[2]);
    const v = toVerifier({ name: 'city-audit/default', publicKey: keys.publicKey });
    expect(openCheckpoint(latest, [v]).size).toBe(7);
    refuse = true;
    await log.record(sampleEvent(8));
    await log.close();
    refuse = false;
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as Error).message)).toMatch(/checkpoint sink http:/);
    // The directory sink still kept it: the verifier uses it as its trusted checkpoint.
    const memory = fileCheckpointMemory(join(dir, 'verifier', 'last'));
    const result = await verify(store, {
      publicKey: keys.publicKey,
      trusted: [await readFile(join(dir, 'cps', 'latest.checkpoint'), 'utf8')],
    });
    expect(result).toMatchObject({ ok: true, count: 8 });
    await memory.save(result.latestCheckpoint as NonNullable<typeof result.latestCheckpoint>);
    expect((await memory.load())?.split('\n')[1]).toBe('8');
  });

  it('a remembered checkpoint that cannot be saved leaves no temporary file behind', async () => {
    const where = join(dir, 'memory-fails');
    // The remembered path is a folder that holds a file: the rename onto it fails.
    await mkdir(join(where, 'last'), { recursive: true });
    await writeFile(join(where, 'last', 'keep'), 'x');
    const keys = generateCheckpointKeys();
    const log = createAuditLog({
      app: { name: 'm' },
      store: memoryStore(),
      signer: { privateKey: keys.privateKey, everyEvents: 1, everyMs: 0 },
    });
    await log.record(sampleEvent(1));
    const cp = await log.checkpoint();
    await log.close();
    await expect(
      fileCheckpointMemory(join(where, 'last')).save(cp as NonNullable<typeof cp>),
    ).rejects.toThrow();
    expect(await readdir(where)).toEqual(['last']);
  });

  it('never puts an older checkpoint back, from writers racing on one directory or one memory, and refuses a fork', async () => {
    const keys = generateCheckpointKeys();
    const origin = 'city-audit/race';
    const note = (size: number, root = randomBytes(32)) =>
      signCheckpointNote({ origin, size, rootHash: root.toString('base64') }, [
        { name: origin, privateKey: keys.privateKey },
      ]);
    const shared = join(dir, 'shared-cps');
    const memoryPath = join(dir, 'shared-memory', 'last');
    // Two sinks on one directory (two app instances) and two memories on one file (two
    // verifiers), each writing checkpoints of many sizes at once, in no order.
    const sinks = [directorySink(shared), directorySink(shared)];
    const memories = [fileCheckpointMemory(memoryPath), fileCheckpointMemory(memoryPath)];
    const sizes = Array.from({ length: 60 }, (_, i) => 60 - i);
    const notes = new Map(sizes.map((n) => [n, note(n)]));
    await Promise.all(
      sizes.flatMap((n, i) => [
        (sinks[i % 2] as CheckpointSink).publish(notes.get(n) as SignedCheckpoint),
        (memories[i % 2] as CheckpointMemory).save(notes.get(n) as SignedCheckpoint),
      ]),
    );
    expect(await readFile(join(shared, 'latest.checkpoint'), 'utf8')).toBe(notes.get(60)?.note);
    expect(await memories[0]?.load()).toBe(notes.get(60)?.note);
    expect(await readFile(join(shared, '17.checkpoint'), 'utf8')).toBe(notes.get(17)?.note);
    // Nothing is left beside them: no temporary file, no lock.
    expect((await readdir(shared)).filter((f) => !/^(\d+|latest)\.checkpoint$/.test(f))).toEqual(
      [],
    );
    expect(await readdir(join(dir, 'shared-memory'))).toEqual(['last']);
    // A slower writer with an older checkpoint changes nothing.
    await memories[1]?.save(notes.get(5) as SignedCheckpoint);
    await sinks[1]?.publish(notes.get(5) as SignedCheckpoint);
    expect(await memories[0]?.load()).toBe(notes.get(60)?.note);
    expect(await readFile(join(shared, 'latest.checkpoint'), 'utf8')).toBe(notes.get(60)?.note);
    // The same size with another root is a fork: refused, and the kept note stays.
    const fork = note(60);
    await expect(memories[1]?.save(fork)).rejects.toMatchObject({ code: 'INVALID_CHECKPOINT' });
    await expect(sinks[0]?.publish(fork)).rejects.toMatchObject({ code: 'INVALID_CHECKPOINT' });
    expect(await memories[0]?.load()).toBe(notes.get(60)?.note);
    expect(await readFile(join(shared, '60.checkpoint'), 'utf8')).toBe(notes.get(60)?.note);
  });

  it('an HTTP sink that is redirected fails, rather than losing the note to a GET', async () => {
    const errors: unknown[] = [];
    const sink = httpSink(url.replace('/checkpoints', '/moved'));
    const keys = generateCheckpointKeys();
    const cp = signCheckpointNote(
      { origin: 'city-audit/redirect', size: 1, rootHash: randomBytes(32).toString('base64') },
      [{ name: 'city-audit/redirect', privateKey: keys.privateKey }],
    );
    const before = received.length;
    await sink.publish(cp).catch((e: unknown) => errors.push(e));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(/redirect.*301.*\/checkpoints/),
    });
    expect(received.length).toBe(before);
  });

  it('refuses a sink URL that is not http(s)', () => {
    expect(() => httpSink('ftp://example.org')).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});
