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
import { openCheckpoint } from '../note/checkpointNote';
import { toVerifier } from '../note/signedNote';
import { verify } from '../verify';
import { directorySink } from './directorySink';
import { fileCheckpointMemory } from './fileCheckpointMemory';
import { httpSink } from './httpSink';

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

  it('refuses a sink URL that is not http(s)', () => {
    expect(() => httpSink('ftp://example.org')).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});
