// Production shape: two app instances on one PostgreSQL with SESSION_STORE=database and one
// SESSION_SECRET share sessions and sign-outs. PostgreSQL only (PGlite is single-process): this
// file runs when DATABASE_URL is set, as CI sets it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, expectSessionShared, startPair, type TestDesk } from './helpers';

const withPostgres = Boolean(process.env.DATABASE_URL);

describe.runIf(withPostgres)('two instances behind a load balancer', () => {
  let a: TestDesk;
  let b: TestDesk;
  beforeAll(async () => {
    [a, b] = await startPair({
      SESSION_STORE: 'database',
      DATABASE_SCHEMA: `case_desk_t_${randomBytes(4).toString('hex')}`,
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a session started on one instance works on the other, and sign-out ends it on both', async () => {
    await expectSessionShared(a, b);
  });

  it('both instances append to one audit chain that verifies', async () => {
    const auditor = await as(a, 'doit-auditor');
    await b.log.flush();
    const result = (await (await auditor.api('/api/audit/verify')).json()) as {
      ok: boolean;
      count: number;
    };
    expect(result.ok).toBe(true);
    const page = await a.log.store.query({ limit: 1000 });
    // The only denied API request in this file was made on instance B; the sign-out on A.
    expect(page.events.some((e) => e.action.startsWith('api.') && e.outcome === 'denied')).toBe(
      true,
    );
    expect(page.events.some((e) => e.action === 'auth.logout')).toBe(true);
  });
});
