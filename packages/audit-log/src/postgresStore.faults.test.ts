import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleEvent, UNSIGNED } from '../test/fixtures';
import { startTcpProxy, type TcpProxy } from '../test/tcpProxy';
import { auditMiddleware } from './auditMiddleware';
import { createAuditLog } from './createAuditLog';
import { isAuditLogError } from './errors';
import { postgresStore } from './postgresStore';
import { verify } from './verify';

// Faults against the real server: only this file's own connections are hurt (backends found by
// their application_name, or connections through a proxy this file starts). Without
// DATABASE_URL there is no server to hurt, and the suite is reported as skipped.
const url = process.env.DATABASE_URL;
const tag = randomBytes(4).toString('hex');

/** The URL with another host:port and an application_name of our own. */
function urlFor(appName: string, port?: number): string {
  const u = new URL(url as string);
  if (port !== undefined) {
    u.hostname = '127.0.0.1';
    u.port = String(port);
  }
  u.searchParams.set('application_name', appName);
  return u.toString();
}

/** Collects what would otherwise crash the process, for the duration of a test. */
function watchCrashes() {
  const seen: unknown[] = [];
  const onError = (kind: string) => (error: unknown) => seen.push({ kind, error });
  const onException = onError('uncaughtException');
  const onRejection = onError('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return {
    seen,
    stop() {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}

describe.skipIf(!url)('postgresStore under connection loss (real PostgreSQL)', () => {
  let admin: pg.Pool;
  const schemas: string[] = [];
  const newSchema = () => {
    const s = `audit_fault_${tag}_${schemas.length}`;
    schemas.push(s);
    return s;
  };
  let crashes: ReturnType<typeof watchCrashes>;
  beforeAll(() => {
    admin = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await admin.end();
  });
  beforeEach(() => {
    crashes = watchCrashes();
  });
  afterEach(() => crashes.stop());

  const terminate = async (appName: string): Promise<number> => {
    const { rows } = await admin.query(
      'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()) t',
      [appName],
    );
    return (rows[0] as { n: number }).n;
  };

  it('backends terminated during bursts never crash the app: records succeed or reject with STORE_UNAVAILABLE, the pool recovers, the chain verifies', async () => {
    const appName = `audit_fault_${tag}_terminate`;
    const store = postgresStore({ connectionString: urlFor(appName), schema: newSchema() });
    const log = createAuditLog({
      app: { name: 'fault-test' },
      store,
      batch: { retries: 1, retryDelayMs: 5, maxSize: 64 },
      closeStore: false,
    });
    await log.record(sampleEvent(0)); // migrate and connect first
    const acked: string[] = [];
    const codes = new Map<string, number>();
    let terminated = 0;
    for (let round = 0; round < 12; round++) {
      const burst = Promise.allSettled(
        Array.from({ length: 300 }, (_, i) => log.record(sampleEvent(round * 300 + i))),
      );
      // Terminate at different points of the burst: between statements, mid-statement, idle.
      for (let k = 0; k < 3; k++) {
        await new Promise((r) => setTimeout(r, 1 + ((round + k) % 4) * 3));
        terminated += await terminate(appName);
      }
      for (const r of await burst) {
        if (r.status === 'fulfilled') acked.push(r.value.id);
        else {
          const code = isAuditLogError(r.reason) ? r.reason.code : String(r.reason);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }
    }
    expect(crashes.seen).toEqual([]);
    expect(terminated).toBeGreaterThan(0);
    expect([...codes.keys()].filter((c) => c !== 'STORE_UNAVAILABLE')).toEqual([]);
    // After the faults, the pool reconnects and every record succeeds.
    const after = await Promise.all(
      Array.from({ length: 100 }, (_, i) => log.record(sampleEvent(i))),
    );
    expect(after).toHaveLength(100);
    const stored = new Set<string>();
    for await (const e of store.read()) stored.add(e.id);
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    expect(await verify(store, UNSIGNED)).toMatchObject({ ok: true, count: stored.size });
    await log.close();
    await store.close();
    console.info(
      `terminate bursts: ${terminated} backends terminated, ${acked.length} acknowledged, rejected ${JSON.stringify(Object.fromEntries(codes))}, stored ${stored.size}`,
    );
  }, 60_000);

  describe('through a TCP proxy that cuts connections', () => {
    let proxy: TcpProxy;
    beforeEach(async () => {
      const target = new URL(url as string);
      proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    });
    afterEach(() => proxy.close());

    it('cuts in the middle of bursts never crash the app and never hang a record', async () => {
      const store = postgresStore({
        connectionString: urlFor(`audit_fault_${tag}_cut`, proxy.port),
        schema: newSchema(),
      });
      const log = createAuditLog({
        app: { name: 'fault-test' },
        store,
        batch: { retries: 2, retryDelayMs: 5, maxSize: 32 },
        closeStore: false,
      });
      await log.record(sampleEvent(0));
      const codes = new Map<string, number>();
      let cuts = 0;
      let acked = 0;
      for (let round = 0; round < 10; round++) {
        const burst = Promise.allSettled(
          Array.from({ length: 200 }, (_, i) => log.record(sampleEvent(i))),
        );
        await new Promise((r) => setTimeout(r, 2 + (round % 5) * 2));
        cuts += proxy.cut();
        for (const r of await burst) {
          if (r.status === 'fulfilled') acked++;
          else {
            const code = isAuditLogError(r.reason) ? r.reason.code : String(r.reason);
            codes.set(code, (codes.get(code) ?? 0) + 1);
          }
        }
      }
      expect(crashes.seen).toEqual([]);
      expect(cuts).toBeGreaterThan(0);
      expect([...codes.keys()].filter((c) => c !== 'STORE_UNAVAILABLE')).toEqual([]);
      expect((await log.record(sampleEvent(1))).integrity.seq).toBeGreaterThan(acked);
      expect((await verify(store, UNSIGNED)).ok).toBe(true);
      await log.close();
      await store.close();
      console.info(
        `proxy cuts: ${cuts} connections cut, ${acked} acknowledged, rejected ${JSON.stringify(Object.fromEntries(codes))}`,
      );
    }, 60_000);

    it('during an outage records reject with STORE_UNAVAILABLE and the middleware answers 503; afterwards both recover', async () => {
      const store = postgresStore({
        connectionString: urlFor(`audit_fault_${tag}_outage`, proxy.port),
        schema: newSchema(),
        connectionTimeoutMillis: 2000,
      });
      const log = createAuditLog({
        app: { name: 'fault-test' },
        store,
        batch: { retries: 1, retryDelayMs: 5 },
        closeStore: false,
      });
      const errors: unknown[] = [];
      const app = express();
      app.use(
        auditMiddleware(log, {
          resolveActor: () => ({ type: 'user', id: 'u-7' }),
          onError: (error) => errors.push(error),
        }),
      );
      app.get('/cases/:id', (_req, res) => {
        res.json({ id: 'BCS-1', status: 'open' });
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        expect((await fetch(`${base}/cases/1`)).status).toBe(200);

        proxy.refuse(true);
        proxy.cut();
        const during = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => log.record(sampleEvent(i))),
        );
        for (const r of during) {
          expect(r.status).toBe('rejected');
          expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'STORE_UNAVAILABLE' });
        }
        const refused = await fetch(`${base}/cases/1`);
        expect(refused.status).toBe(503);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
        const body = await refused.text();
        expect(body).not.toContain('BCS-1');
        expect(errors.length).toBeGreaterThan(0);

        proxy.refuse(false);
        expect((await fetch(`${base}/cases/1`)).status).toBe(200);
        const later = await Promise.all(
          Array.from({ length: 20 }, (_, i) => log.record(sampleEvent(i))),
        );
        expect(later).toHaveLength(20);
        expect(crashes.seen).toEqual([]);
        expect((await verify(store, UNSIGNED)).ok).toBe(true);
      } finally {
        server.close();
        await log.close();
        await store.close();
      }
    }, 60_000);
  });
});
