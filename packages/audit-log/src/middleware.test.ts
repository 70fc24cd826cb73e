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
    expect(await res.text()).not.toContain('secret');
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
