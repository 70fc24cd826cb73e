// The API over real HTTP: sign-in through the dev IdP, roles, problem+json, fuzzed bodies.

import { PostgresSessionStore } from '@cityofboston/auth-client/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, describeSessionStoreContract, HttpBrowser, startDesk, type TestDesk } from './helpers';

let desk: TestDesk;
let clerk: HttpBrowser;
let manager: HttpBrowser;
let auditor: HttpBrowser;
let inspector: HttpBrowser;
let anonymous: HttpBrowser;
let openCaseId: string;

beforeAll(async () => {
  desk = await startDesk(300);
  [clerk, manager, auditor, inspector] = await Promise.all([
    as(desk, 'pwd-clerk'),
    as(desk, 'pwd-case-manager'),
    as(desk, 'doit-auditor'),
    as(desk, 'isd-inspector'),
  ]);
  anonymous = new HttpBrowser(desk.url);
  const open = await desk.cases.list({ status: 'open', department: 'PWD' }, { page: 1 }, 1);
  openCaseId = open.records[0]?.service_request_id ?? '';
});
afterAll(async () => {
  await desk?.close();
});

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { status: number; code: string; errors?: { path: string }[] };
}

// Each route, a persona allowed to use it and one that is not.
const ROUTES = () =>
  [
    { method: 'GET', path: '/api/me', ok: manager, denied: undefined },
    { method: 'GET', path: '/api/facets', ok: clerk, denied: auditor },
    { method: 'GET', path: '/api/cases', ok: clerk, denied: auditor },
    { method: 'GET', path: `/api/cases/${openCaseId}`, ok: inspector, denied: auditor },
    {
      method: 'PATCH',
      path: `/api/cases/${openCaseId}`,
      ok: clerk,
      denied: inspector,
      body: { note: 'Checked the site.' },
    },
    { method: 'GET', path: '/api/audit/events', ok: auditor, denied: manager },
    { method: 'GET', path: '/api/audit/verify', ok: auditor, denied: clerk },
    { method: 'GET', path: `/api/audit/access?caseId=${openCaseId}`, ok: auditor, denied: manager },
    { method: 'GET', path: '/api/agreements', ok: manager, denied: clerk },
    {
      method: 'POST',
      path: '/api/share/preview',
      ok: manager,
      denied: clerk,
      body: { agreementId: 'dsa-pwd-btd-street-planning' },
    },
    {
      method: 'POST',
      path: '/api/share',
      ok: manager,
      denied: inspector,
      body: { agreementId: 'dsa-pwd-btd-street-planning', purpose: 'street-planning', limit: 5 },
    },
  ] as const;

describe('every route goes through requireAuth', () => {
  it('rejects an unauthenticated request with 401 problem+json on every route', async () => {
    for (const route of ROUTES()) {
      const response = await anonymous.api(route.path, {
        method: route.method,
        ...('body' in route ? { body: route.body } : {}),
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect((await problemOf(response)).code).toBe('token_missing');
    }
  });

  it('rejects a persona without the role with 403 on every role-restricted route', async () => {
    for (const route of ROUTES()) {
      if (!route.denied) continue;
      const response = await route.denied.api(route.path, {
        method: route.method,
        ...('body' in route ? { body: route.body } : {}),
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
      expect((await problemOf(response)).code).toBe('forbidden_role');
    }
  });

  it('serves every route to a persona with the role', async () => {
    for (const route of ROUTES()) {
      const response = await route.ok.api(route.path, {
        method: route.method,
        ...('body' in route ? { body: route.body } : {}),
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(200);
    }
  });

  it('refuses a state-changing request without the CSRF header (csrf_rejected)', async () => {
    const response = await manager.api(`/api/cases/${openCaseId}`, {
      method: 'PATCH',
      body: { note: 'no header' },
      headers: { 'x-city-csrf': '' },
    });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe('csrf_rejected');
  });

  it('refuses an expired contractor account on every API route (account_expired)', async () => {
    const lapsed = await as(desk, 'pwd-contractor-expired');
    const response = await lapsed.api('/api/cases');
    expect([401, 403]).toContain(response.status);
    expect((await problemOf(response)).code).toBe('account_expired');
  });

  it('audits each API request, denied ones included', async () => {
    await desk.log.flush();
    const page = await desk.log.store.query({ limit: 1000, order: 'desc' });
    const outcomes = new Set(
      page.events.filter((e) => e.action.startsWith('api.')).map((e) => e.outcome),
    );
    expect(outcomes).toContain('denied');
    expect(outcomes).toContain('success');
  });
});

describe('cases', () => {
  it('masks contact details for a clerk (internal clearance) and shows them to a case manager', async () => {
    const asClerk = (await (await clerk.api('/api/cases?pageSize=100')).json()) as {
      records: { contact?: { email?: string } }[];
      contactRevealed: boolean;
    };
    const asManager = (await (
      await manager.api('/api/cases?pageSize=100')
    ).json()) as typeof asClerk;
    expect(asClerk.contactRevealed).toBe(false);
    expect(asManager.contactRevealed).toBe(true);
    const managerEmails = asManager.records
      .map((r) => r.contact?.email)
      .filter(Boolean) as string[];
    expect(managerEmails.length).toBeGreaterThan(0);
    const clerkText = JSON.stringify(asClerk.records);
    for (const email of managerEmails) expect(clerkText).not.toContain(email);
  });

  it('filters by status, service, neighborhood and date', async () => {
    const all = (await (await clerk.api('/api/cases?pageSize=1')).json()) as { total: number };
    const open = (await (await clerk.api('/api/cases?status=open&pageSize=100')).json()) as {
      total: number;
      records: { status: string }[];
    };
    expect(open.total).toBeLessThan(all.total);
    expect(open.records.every((r) => r.status === 'open')).toBe(true);
    const facets = (await (await clerk.api('/api/facets')).json()) as {
      services: { code: string }[];
      neighborhoods: string[];
    };
    const service = facets.services[0]?.code ?? '';
    const hood = facets.neighborhoods[0] ?? '';
    const both = (await (
      await clerk.api(
        `/api/cases?service=${encodeURIComponent(service)}&neighborhood=${encodeURIComponent(hood)}&pageSize=100`,
      )
    ).json()) as { records: { service_code: string; neighborhood: string }[] };
    expect(both.records.every((r) => r.service_code === service && r.neighborhood === hood)).toBe(
      true,
    );
    const dated = (await (
      await clerk.api('/api/cases?from=2025-06-01&to=2025-06-30&pageSize=100')
    ).json()) as {
      records: { requested_datetime: string }[];
    };
    for (const r of dated.records) {
      expect(r.requested_datetime >= '2025-06-01').toBe(true);
      expect(r.requested_datetime < '2025-07-01').toBe(true);
    }
  });

  it('answers a bad query with 400 problem+json naming the parameter', async () => {
    const response = await clerk.api('/api/cases?from=yesterday&pageSize=5000');
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('invalid_query');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['from', 'pageSize']);
  });

  it('a clerk may add a note but not close a case (close_forbidden), and nothing is written', async () => {
    const before = await desk.cases.get(openCaseId);
    const response = await clerk.api(`/api/cases/${openCaseId}`, {
      method: 'PATCH',
      body: { status: 'closed', note: 'Trying to close' },
    });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe('close_forbidden');
    const after = await desk.cases.get(openCaseId);
    expect(after?.version).toBe(before?.version);
    expect(after?.record.status).toBe('open');
  });

  it('a case manager closes a case, and the close is audited', async () => {
    const response = await manager.api(`/api/cases/${openCaseId}`, {
      method: 'PATCH',
      body: { status: 'closed', note: 'Pothole filled.' },
    });
    expect(response.status).toBe(200);
    // The event committed with the change and reached the log before the answer.
    expect(((await response.json()) as { audit: string }).audit).toBe('recorded');
    expect(await desk.outbox.pending()).toBe(0);
    expect((await desk.cases.get(openCaseId))?.record.status).toBe('closed');
    await desk.log.flush();
    const events = await desk.log.store.query({
      targetId: openCaseId,
      action: 'case.close',
      limit: 10,
    });
    expect(events.events.map((e) => [e.actor.id, e.outcome])).toContainEqual([
      'pwd-case-manager',
      'success',
    ]);
  });

  it('reports who accessed a constituent record and verifies the chain', async () => {
    const report = (await (await auditor.api(`/api/audit/access?caseId=${openCaseId}`)).json()) as {
      accesses: { who: { id: string }; action: string }[];
    };
    expect(report.accesses.map((e) => e.who.id)).toContain('pwd-case-manager');
    const verify = (await (await auditor.api('/api/audit/verify')).json()) as {
      ok: boolean;
      count: number;
    };
    expect(verify.ok).toBe(true);
    expect(verify.count).toBeGreaterThan(10);
  });
});

describe('keyset pages', () => {
  type Page = {
    records: { service_request_id: string }[];
    cursors: { after?: string; before?: string };
  };
  const get = async (q: string) =>
    (await (await clerk.api(`/api/cases?pageSize=25&${q}`)).json()) as Page;

  it('walks the list by cursor with no gap or repeat, and last=true is the same end', async () => {
    const byNumber: string[] = [];
    for (let page = 1; ; page++) {
      const p = await get(`page=${page}`);
      byNumber.push(...p.records.map((r) => r.service_request_id));
      if (p.records.length < 25) break;
    }
    const byCursor: string[] = [];
    const pages: Page[] = [];
    let p = await get('');
    for (;;) {
      pages.push(p);
      byCursor.push(...p.records.map((r) => r.service_request_id));
      if (p.records.length < 25 || !p.cursors.after) break;
      p = await get(`after=${p.cursors.after}`);
    }
    expect(byCursor).toEqual(byNumber);
    expect(new Set(byCursor).size).toBe(byCursor.length);
    const last = await get('last=true');
    expect(last.records.map((r) => r.service_request_id)).toEqual(
      byCursor.slice(-last.records.length),
    );
    const previous = await get(`before=${pages[pages.length - 1]?.cursors.before}`);
    expect(previous.records).toEqual(pages[pages.length - 2]?.records);
  });

  it('answers a forged cursor with 400 naming it', async () => {
    const forged = Buffer.from('["yesterday","1"]').toString('base64url');
    const response = await clerk.api(`/api/cases?after=${forged}`);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((e) => e.path)).toEqual(['after']);
  });
});

describe('bad input: problem+json and nothing written', () => {
  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await manager.api(`/api/cases/${openCaseId}`, {
      method: 'PATCH',
      raw: '{"note": ',
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('invalid_json');
  });

  it('answers an unknown field with 400 invalid_body', async () => {
    const response = await manager.api(`/api/cases/${openCaseId}`, {
      method: 'PATCH',
      body: { note: 'x', status_notes: 'sneaky' },
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('invalid_body');
  });

  it('a fuzzed body never produces a 500 nor a write', async () => {
    const target =
      (await desk.cases.list({ status: 'open', department: 'PWD' }, { page: 1 }, 2)).records[1]
        ?.service_request_id ?? '';
    const body = fc.oneof(
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          status: fc.string(),
          note: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        })
        .map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
    );
    const routes = [
      { method: 'PATCH', path: `/api/cases/${target}` },
      { method: 'POST', path: '/api/share' },
      { method: 'POST', path: '/api/share/preview' },
    ];
    await desk.log.flush();
    const shares = async () =>
      (await desk.log.store.query({ action: 'share.export', limit: 1000 })).events.length;
    const sharesBefore = await shares();
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...routes), async (raw, route) => {
        const before = await desk.cases.get(target);
        const response = await clerk.api(route.path, { method: route.method, raw });
        const asManager = await manager.api(route.path, { method: route.method, raw });
        expect(response.status).toBeLessThan(500);
        expect(asManager.status).toBeLessThan(500);
        if (asManager.status !== 200) {
          expect(asManager.headers.get('content-type')).toMatch(/problem\+json/);
          const after = await desk.cases.get(target);
          expect(after?.version).toBe(before?.version);
        }
      }),
      { numRuns: 40 },
    );
    await desk.log.flush();
    expect(await shares()).toBe(sharesBefore);
  });
});

describe('share', () => {
  it('previews exactly the fields and treatments the share then applies', async () => {
    const agreementId = 'dsa-pwd-btd-street-planning';
    const preview = (await (
      await manager.api('/api/share/preview', { method: 'POST', body: { agreementId } })
    ).json()) as { fields: { path: string; treatment: string }[]; refusal?: string };
    expect(preview.refusal).toBeUndefined();
    const shared = (await (
      await manager.api('/api/share', {
        method: 'POST',
        body: { agreementId, purpose: 'street-planning', limit: 3 },
      })
    ).json()) as { manifest: { fields: { path: string; treatment: string }[] } };
    const leaving = preview.fields
      .filter((f) => !['omitted', 'refused', 'drop'].includes(f.treatment))
      .map((f) => `${f.path}:${f.treatment}`);
    expect(leaving).toContain('contact.email:pseudonymize');
    expect(shared.manifest.fields.map((f) => `${f.path}:${f.treatment}`)).toEqual(leaving);
    expect(preview.fields.find((f) => f.path === 'description')?.treatment).toBe('omitted');
  });

  it('counts in the preview exactly what the share sends, with the list filters and the limit', async () => {
    const agreementId = 'dsa-pwd-btd-street-planning';
    const facets = (await (await manager.api('/api/facets')).json()) as {
      neighborhoods: string[];
      services: { code: string }[];
    };
    const filters = [
      { status: 'open' },
      { status: 'closed', neighborhood: facets.neighborhoods[0] },
      { service: facets.services[0]?.code, from: '2000-01-01', to: '2099-12-31' },
      { from: '2099-01-01' },
    ];
    for (const filter of filters) {
      for (const limit of [2, 5000]) {
        const preview = (await (
          await manager.api('/api/share/preview', {
            method: 'POST',
            body: { agreementId, filter, limit },
          })
        ).json()) as { count: number; matching: number; fields: { label: string }[] };
        const shared = await manager.api('/api/share', {
          method: 'POST',
          body: { agreementId, purpose: 'street-planning', filter, limit },
        });
        const sent = shared.ok
          ? ((await shared.json()) as { records: unknown[] }).records.length
          : 0;
        expect(preview.count, JSON.stringify({ filter, limit })).toBe(sent);
        expect(preview.count).toBe(Math.min(preview.matching, limit));
        expect(preview.fields.map((f) => f.label)).toContain('Contact first name');
      }
    }
  });
});

describe('logs', () => {
  it('server logs contain no personal data from the seeded records', async () => {
    const records = await desk.cases.all({}, 1000);
    const secrets = new Set<string>();
    for (const r of records) {
      for (const v of [r.contact?.email, r.contact?.phone, r.address, r.description])
        if (v) secrets.add(v);
      const name = [r.contact?.first_name, r.contact?.last_name].filter(Boolean).join(' ');
      if (name.includes(' ')) secrets.add(name);
    }
    expect(secrets.size).toBeGreaterThan(100);
    expect(desk.logs.length).toBeGreaterThan(20);
    const text = desk.logs.join('\n');
    const leaked = [...secrets].filter((s) => text.includes(s));
    expect(leaked).toEqual([]);
  });
});

describeSessionStoreContract('PostgresSessionStore (SESSION_STORE=database)', async () => {
  // auth-client's store in the desk's own schema, dropped with it; a second store on the same
  // database, as a second app server would have.
  const open = () =>
    PostgresSessionStore.create({ db: desk.db, schema: desk.cases.schema, table: 'sessions' });
  return { store: await open(), other: await open() };
});
