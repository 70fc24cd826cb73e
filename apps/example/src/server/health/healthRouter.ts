import type { AuditLog } from '@cityofboston/audit-log';
import express from 'express';
import type { Database } from '../database';

/** What `/readyz` checks, each with a deadline. */
export interface ReadinessChecks {
  db: Database;
  log: AuditLog;
  /** The OpenID issuer, whose discovery document must answer. */
  issuer: string;
}

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/**
 * `/healthz`: the process is alive (for restarts). `/readyz`: it can serve (for the load
 * balancer): the database answers, the identity provider's discovery document loads, and the
 * audit store answers; 503 with the failing check otherwise, and while shutting down.
 */
export function healthRouter(checks: ReadinessChecks, state: { draining: boolean }) {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    const run = async (check: () => Promise<unknown>) => {
      try {
        await within(2000, check());
        return 'ok';
      } catch {
        return 'failing';
      }
    };
    const discovery = `${checks.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const [database, identityProvider, auditStore] = await Promise.all([
      run(() => checks.db.query('SELECT 1')),
      run(async () => {
        const response = await fetch(discovery, { signal: AbortSignal.timeout(2000) });
        if (!response.ok) throw new Error(String(response.status));
        await response.json();
      }),
      run(() => checks.log.store.query({ limit: 1, order: 'desc' })),
    ]);
    const result = { database, identityProvider, auditStore };
    const ready = !state.draining && Object.values(result).every((v) => v === 'ok');
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : state.draining ? 'shutting down' : 'not ready',
      checks: result,
    });
  });
  return router;
}
