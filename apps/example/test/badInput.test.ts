// Bad input never gets a 500: each input the issue found (impossible dates, NUL and lone
// surrogates, %00 in an id, a forged audit cursor), then a property over every route and
// parameter: the answer is 2xx or 4xx, never 5xx, and a 4xx changes no application data.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type HttpBrowser, startDesk, type TestDesk } from './helpers';

let desk: TestDesk;
let manager: HttpBrowser;
let auditor: HttpBrowser;
let caseId: string;

beforeAll(async () => {
  desk = await startDesk(40);
  [manager, auditor] = await Promise.all([as(desk, 'pwd-case-manager'), as(desk, 'doit-auditor')]);
  caseId =
    (await desk.cases.list({ status: 'open', department: 'PWD' }, { page: 1 }, 1)).records[0]
      ?.service_request_id ?? '';
});
afterAll(async () => {
  await desk?.close();
});

/** Everything a 4xx must leave alone: the cases (and their versions) and the idempotency keys. */
async function fingerprint(): Promise<string> {
  const s = `"${desk.cases.schema}"`;
  const { rows } = await desk.db.query<{ f: string }>(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM ${s}.cases) || '/' ||
            (SELECT count(*) FROM ${s}.idempotency_keys) AS f`,
  );
  return rows[0]?.f ?? '';
}

async function problem(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { code: string; errors?: { path: string }[] };
}

describe('each bad input the issue found is a 400 naming the field', () => {
  it.each([
    ['impossible day', '/api/cases?from=2025-02-30', 'from'],
    ['impossible month', '/api/cases?to=2025-13-45', 'to'],
    ['NUL in a filter', '/api/cases?service=%00', 'service'],
    ['escape character in a filter', '/api/cases?neighborhood=Roxbury%1B', 'neighborhood'],
    ['%00 in a case id', '/api/cases/%00', 'id'],
    ['%00 after digits in a case id', '/api/cases/101%00', 'id'],
  ])('%s', async (_name, path, field) => {
    const response = await manager.api(path);
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((e) => e.path)).toContain(field);
  });

  it.each([
    ['a NUL', 'Fixed\u0000'],
    ['a lone high surrogate', 'Fixed \uD800 it'],
    ['a lone low surrogate', 'Fixed \uDC00 it'],
    ['an escape character', 'Fixed \u001b[31m'],
  ])('a note with %s is refused and nothing is written', async (_name, note) => {
    const before = await fingerprint();
    const response = await manager.api(`/api/cases/${caseId}`, { method: 'PATCH', body: { note } });
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((e) => e.path)).toEqual(['note']);
    expect(await fingerprint()).toBe(before);
  });

  it('a note with line breaks and an emoji is accepted', async () => {
    const response = await manager.api(`/api/cases/${caseId}`, {
      method: 'PATCH',
      body: { note: 'Line one\nLine two\tdone 👍' },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a forged sequence', Buffer.from('{"s":-5}').toString('base64url')],
    ['punctuation', '%00%27'],
  ])('an audit cursor that is %s is a 400 naming cursor', async (_name, cursor) => {
    const response = await auditor.api(`/api/audit/events?cursor=${cursor}`);
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.map((e) => e.path)).toEqual(['cursor']);
  });
});

// Raw URL fragments, sent as they are: encodeURIComponent cannot even express a lone surrogate.
const RAW = [
  '%00',
  '%ED%A0%80',
  '%FF',
  '%',
  '%E0%A4%A',
  '2025-02-30',
  '2025-13-45',
  '0000-00-00',
  '2025-06-01',
  '9'.repeat(30),
  '-1',
  '1e3',
  'NaN',
  'open',
  'closed',
  '..%2F..',
  '%27%20OR%201%3D1',
  '',
];
const rawText = fc.oneof(
  fc.constantFrom(...RAW),
  fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s)),
  fc
    .string({ unit: 'binary', maxLength: 12 })
    .map((s) => Buffer.from(s).toString('hex').replace(/(..)/g, '%$1')),
);
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '\uD800', '\uDFFF', '2025-02-30', 'x'.repeat(3000), ''),
  fc.string({ maxLength: 40 }),
);
const jsonish = fc.oneof(nastyString, fc.integer(), fc.constant(null), fc.jsonValue());
const query = (keys: readonly string[]) =>
  fc
    .array(fc.tuple(fc.constantFrom(...keys, 'unknown'), rawText), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

describe('property: every route and parameter answers 2xx or 4xx, and a 4xx writes nothing', () => {
  it('holds over generated requests', async () => {
    const filterKeys = ['status', 'service', 'neighborhood', 'from', 'to'] as const;
    const request = fc.oneof(
      query([...filterKeys, 'id', 'page', 'pageSize', 'sort', 'after', 'before', 'last']).map(
        (q) => ({
          who: 'manager' as const,
          method: 'GET',
          path: `/api/cases${q}`,
        }),
      ),
      rawText.map((id) => ({ who: 'manager' as const, method: 'GET', path: `/api/cases/${id}` })),
      fc
        .tuple(
          fc.oneof(fc.constant(caseId), rawText),
          fc.record({ note: jsonish, status: jsonish }, { requiredKeys: [] }),
          fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constant('"1"')), { nil: undefined }),
        )
        .map(([id, body, ifMatch]) => ({
          who: 'manager' as const,
          method: 'PATCH',
          path: `/api/cases/${id}`,
          body,
          ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
        })),
      query(['actor', 'who', 'action', 'caseId', 'from', 'to', 'cursor', 'order', 'pageSize']).map(
        (q) => ({
          who: 'auditor' as const,
          method: 'GET',
          path: `/api/audit/events${q}`,
        }),
      ),
      query(['caseId']).map((q) => ({
        who: 'auditor' as const,
        method: 'GET',
        path: `/api/audit/access${q}`,
      })),
      fc
        .tuple(
          fc.constantFrom('/api/share/preview', '/api/share'),
          fc.record(
            {
              agreementId: fc.oneof(fc.constant('dsa-pwd-btd-street-planning'), nastyString),
              purpose: fc.oneof(fc.constant('street-planning'), nastyString),
              limit: jsonish,
              filter: fc.oneof(
                fc.record(
                  {
                    status: jsonish,
                    service: nastyString,
                    neighborhood: nastyString,
                    from: nastyString,
                    to: nastyString,
                  },
                  { requiredKeys: [] },
                ),
                jsonish,
              ),
            },
            { requiredKeys: [] },
          ),
        )
        .map(([path, body]) => ({ who: 'manager' as const, method: 'POST', path, body })),
      query(['x']).map((q) => ({
        who: 'manager' as const,
        method: 'GET',
        path: `/api/facets${q}`,
      })),
    );
    const browsers = { manager, auditor };
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const before = await fingerprint();
        const response = await browsers[r.who].api(r.path, {
          method: r.method,
          ...('body' in r ? { body: r.body } : {}),
          ...('headers' in r ? { headers: r.headers } : {}),
        });
        expect(response.status, `${r.method} ${r.path}`).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toMatch(/problem\+json/);
          expect(await fingerprint(), `${r.method} ${r.path} wrote on ${response.status}`).toBe(
            before,
          );
        }
        await response.body?.cancel();
      }),
      { numRuns: 150 },
    );
  });
});
