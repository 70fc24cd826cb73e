import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { auditMiddleware } from './auditMiddleware';
import { createAuditLog } from './createAuditLog';
import { memoryStore } from './memoryStore';
import type { AuditStore } from './store';
import { withAudit } from './withAudit';

describe('auditMiddleware (Express 5)', () => {
  it('records one API activity event per request with actor, route, outcome and trace id', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'case-desk' }, store });
    const app = express();
    app.use(
      auditMiddleware(log, {
        resolveActor: (req) => {
          const id = req.headers['x-user'];
          return typeof id === 'string' ? { type: 'user', id } : undefined;
        },
        purpose: () => 'case-management',
      }),
    );
    app.get('/cases/:id', (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/admin', (_req, res) => {
      res.status(403).end();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${base}/cases/BCS-1?email=jane@example.org`, {
        headers: { 'x-user': 'u-7', traceparent: `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01` },
      });
      await fetch(`${base}/admin`);
      await new Promise((r) => setTimeout(r, 20));
      await log.flush();
    } finally {
      server.close();
    }
    expect(store.events).toHaveLength(2);
    const [view, admin] = store.events;
    expect(view).toMatchObject({
      actor: { type: 'user', id: 'u-7' },
      action: 'api.get',
      target: { type: 'route', id: '/cases/:id' },
      outcome: 'success',
      purpose: 'case-management',
      traceId: 'ab'.repeat(16),
      source: { ip: '127.0.0.1' },
      details: { method: 'GET', path: '/cases/BCS-1', status: 200 },
    });
    expect(JSON.stringify(store.events)).not.toContain('jane@example.org');
    expect(admin).toMatchObject({
      actor: { id: 'anonymous' },
      outcome: 'denied',
      details: { status: 403 },
    });
    await log.close();
  });
});

function downStore(): AuditStore {
  const inner = memoryStore();
  return {
    ...inner,
    append: async () => {
      throw new Error('connection refused');
    },
  };
}

async function serve(app: express.Express) {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('auditMiddleware fails closed (Express 5)', () => {
  it('answers 503 problem+json instead of the response when the store refuses writes', async () => {
    const log = createAuditLog({
      app: { name: 'case-desk' },
      store: downStore(),
      batch: { retries: 1, retryDelayMs: 1 },
    });
    const errors: unknown[] = [];
    const app = express();
    app.use(
      auditMiddleware(log, {
        resolveActor: () => ({ type: 'user', id: 'u-7' }),
        onError: (e) => errors.push(e),
      }),
    );
    app.get('/cases/:id', (_req, res) => {
      res.setHeader('set-cookie', 'session=abc');
      res.json({ name: 'Jane Resident', ssn: '123-45-6789' });
    });
    const { base, server } = await serve(app);
    try {
      const res = await fetch(`${base}/cases/BCS-1`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('set-cookie')).toBeNull();
      const text = await res.text();
      expect(text).not.toContain('Jane');
      expect(JSON.parse(text)).toMatchObject({
        status: 503,
        code: 'STORE_UNAVAILABLE',
        type: 'urn:cityofboston:audit:STORE_UNAVAILABLE',
      });
      expect(errors[0]).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      server.close();
    }
    await log.close();
  });

  it('holds the response until the event is durable, and keeps streamed writes in order', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'case-desk' }, store });
    const app = express();
    app.use(auditMiddleware(log, { resolveActor: () => ({ type: 'user', id: 'u-7' }) }));
    app.get('/export', (_req, res) => {
      res.writeHead(206, { 'content-type': 'text/plain' });
      res.write('one,');
      res.write('two,');
      res.end('three');
    });
    const { base, server } = await serve(app);
    try {
      const res = await fetch(`${base}/export`);
      // Already recorded when the status line arrived, with the status the handler chose.
      expect(store.events).toHaveLength(1);
      expect(store.events[0]).toMatchObject({ details: { status: 206 }, outcome: 'success' });
      expect(res.status).toBe(206);
      expect(await res.text()).toBe('one,two,three');
    } finally {
      server.close();
    }
    await log.close();
  });

  it('fails closed only where the predicate says; other requests pass and report to onError', async () => {
    const log = createAuditLog({
      app: { name: 'case-desk' },
      store: downStore(),
      batch: { retries: 0 },
    });
    const errors: unknown[] = [];
    const app = express();
    app.use(
      auditMiddleware(log, {
        resolveActor: () => undefined,
        failClosed: (req) => (req.originalUrl ?? '').startsWith('/cases'),
        onError: (e) => errors.push(e),
      }),
    );
    app.get('/health', (_req, res) => {
      res.send('ok');
    });
    app.get('/cases/:id', (_req, res) => {
      res.send('case file');
    });
    const { base, server } = await serve(app);
    try {
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.text()).toBe('ok');
      const cases = await fetch(`${base}/cases/1`);
      expect(cases.status).toBe(503);
      await new Promise((r) => setTimeout(r, 20));
      await log.flush();
      expect(errors).toHaveLength(2);
    } finally {
      server.close();
    }
    await log.close();
  });
});

describe('withAudit (fetch standard)', () => {
  it('records the request before returning the response', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'api' }, store });
    const handler = withAudit(log, async () => Response.json({ ok: true }, { status: 201 }), {
      resolveActor: () => ({ type: 'service', id: 'intake-bot' }),
      action: () => 'case.create',
    });
    const res = await handler(new Request('https://city.example/cases', { method: 'POST' }));
    expect(res.status).toBe(201);
    expect(store.events).toHaveLength(1); // already durable when the response came back
    expect(store.events[0]).toMatchObject({
      action: 'case.create',
      outcome: 'success',
      details: { status: 201 },
    });
    await log.close();
  });

  it('fails closed with 503 when the audit store is down', async () => {
    const inner = memoryStore();
    const down: AuditStore = {
      ...inner,
      append: async () => {
        throw new Error('connection refused');
      },
    };
    const log = createAuditLog({
      app: { name: 'api' },
      store: down,
      batch: { retries: 1, retryDelayMs: 1 },
    });
    const errors: unknown[] = [];
    const handler = withAudit(log, () => new Response('secret case file'), {
      resolveActor: () => ({ type: 'user', id: 'u-1' }),
      onError: (e) => errors.push(e),
    });
    const res = await handler(new Request('https://city.example/cases/1'));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE' });
    expect(errors[0]).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await log.close();
  });

  it('records a handler that throws as a failure and rethrows', async () => {
    const store = memoryStore();
    const log = createAuditLog({ app: { name: 'api' }, store });
    const handler = withAudit(
      log,
      () => {
        throw new Error('boom');
      },
      { resolveActor: () => undefined },
    );
    await expect(handler(new Request('https://city.example/x'))).rejects.toThrow('boom');
    expect(store.events[0]).toMatchObject({
      outcome: 'failure',
      reason: 'the handler threw',
      details: { status: 500 },
    });
    await log.close();
  });
});
