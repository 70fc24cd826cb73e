// Sorting the cases list on the server: every order, both directions, walked page by page by
// keyset (forwards from the first page, backwards from the last), gives every case once, in the
// order the database itself sorts them; cursors are valid only in the order they came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type HttpBrowser, startDesk, type TestDesk } from './helpers';

let desk: TestDesk;
let clerk: HttpBrowser;

beforeAll(async () => {
  desk = await startDesk(160);
  clerk = await as(desk, 'pwd-clerk');
});
afterAll(async () => {
  await desk?.close();
});

interface Page {
  page: number;
  total: number;
  sort: string;
  records: { service_request_id: string; status: string }[];
  cursors: { after?: string; before?: string };
}
const get = async (q: string) => {
  const response = await clerk.api(`/api/cases?pageSize=10&${q}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
};
const ids = (p: Page) => p.records.map((r) => r.service_request_id);

/** The order as the database sorts the whole table (written out here, not taken from the app). */
const ORDER_BY: Record<string, string[]> = {
  requested: ['requested_at', 'id'],
  id: ['id'],
  status: ['status', 'requested_at', 'id'],
  service: ["coalesce(service_name, service_code, '')", 'requested_at', 'id'],
  neighborhood: ["coalesce(neighborhood, '')", 'requested_at', 'id'],
};
async function expectedOrder(key: string, desc: boolean): Promise<string[]> {
  const dir = desc ? 'DESC' : 'ASC';
  const order = (ORDER_BY[key] ?? []).map((c) => `${c} ${dir}`).join(', ');
  const { rows } = await desk.db.query<{ id: string }>(
    `SELECT id FROM "${desk.cases.schema}".cases WHERE department = 'PWD' ORDER BY ${order}`,
  );
  return rows.map((r) => r.id);
}

describe('server-side sorting with keyset pages', () => {
  for (const key of Object.keys(ORDER_BY)) {
    for (const desc of [false, true]) {
      const sort = `${desc ? '-' : ''}${key}`;
      it(`sort=${sort}: forwards and backwards by cursor, every case once, in order`, async () => {
        const expected = await expectedOrder(key, desc);
        expect(expected.length).toBeGreaterThan(30);

        const forwards: string[] = [];
        let p = await get(`sort=${sort}`);
        expect(p.sort).toBe(sort);
        expect(p.page).toBe(1);
        for (let n = 2; ; n++) {
          forwards.push(...ids(p));
          if (!p.cursors.after || p.records.length === 0) break;
          p = await get(`sort=${sort}&after=${p.cursors.after}&page=${n}`);
          if (p.records.length > 0) expect(p.page).toBe(n);
        }
        expect(forwards).toEqual(expected);

        const backwards: string[][] = [];
        p = await get(`sort=${sort}&last=true`);
        expect(p.page).toBe(Math.ceil(expected.length / 10));
        // The last page holds what is left after the full pages, as "next" reaches it.
        expect(p.records).toHaveLength(expected.length % 10 || 10);
        while (p.records.length > 0) {
          backwards.unshift(ids(p));
          if (!p.cursors.before) break;
          p = await get(`sort=${sort}&before=${p.cursors.before}`);
        }
        expect(backwards.flat()).toEqual(expected);
      });
    }
  }

  it('status ascending puts every closed case before every open one', async () => {
    const all: string[] = [];
    let p = await get('sort=status');
    all.push(...p.records.map((r) => r.status));
    while (p.cursors.after && p.records.length > 0) {
      p = await get(`sort=status&after=${p.cursors.after}`);
      all.push(...p.records.map((r) => r.status));
    }
    expect(all.indexOf('open')).toBeGreaterThan(all.lastIndexOf('closed'));
  });

  it('a cursor is valid only in the order it came from (400 naming it)', async () => {
    const bySatus = await get('sort=status');
    const response = await clerk.api(`/api/cases?sort=neighborhood&after=${bySatus.cursors.after}`);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(['after']);
  });

  it('refuses an unknown order and deep page numbers with 400 naming the parameter', async () => {
    const unknown = await clerk.api('/api/cases?sort=contact.email');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('sort');
    const deep = await clerk.api('/api/cases?page=401');
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('page');
  });
});
