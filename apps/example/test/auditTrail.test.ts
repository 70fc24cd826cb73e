// The audit trail pages like the cases list (from the newest end and from the oldest, by
// cursor, any page size) and filters by a person's name as well as their id.
import type { AuditEvent } from '@cityofboston/standards-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type HttpBrowser, startDesk, type TestDesk } from './helpers';

let desk: TestDesk;
let auditor: HttpBrowser;
let manager: HttpBrowser;
let clerk: HttpBrowser;

beforeAll(async () => {
  desk = await startDesk(60);
  [auditor, manager, clerk] = await Promise.all([
    as(desk, 'doit-auditor'),
    as(desk, 'pwd-case-manager'),
    as(desk, 'pwd-clerk'),
  ]);
  for (let i = 0; i < 14; i++) {
    await (i % 2 ? manager : clerk).api(`/api/cases?pageSize=5&page=${(i % 3) + 1}`);
  }
  await desk.log.flush();
});
afterAll(async () => {
  await desk?.close();
});

interface TrailPage {
  events: AuditEvent[];
  nextCursor?: string;
  person?: { id: string; name: string };
}
async function trail(q: string): Promise<TrailPage> {
  const response = await auditor.api(`/api/audit/events?${q}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as TrailPage;
}
/** Every page in one direction, following the cursors. */
async function walk(q: string): Promise<string[][]> {
  const pages: string[][] = [];
  let page = await trail(q);
  for (;;) {
    pages.push(page.events.map((e) => e.id));
    if (!page.nextCursor) return pages;
    page = await trail(`${q}&cursor=${page.nextCursor}`);
  }
}

describe('audit trail pages', () => {
  it('walks from the newest and from the oldest end to the same events, page by page', async () => {
    const fromNewest = await walk('action=case.list&pageSize=4&order=desc');
    const fromOldest = await walk('action=case.list&pageSize=4&order=asc');
    const all = fromNewest.flat();
    expect(all.length).toBe(14);
    expect(new Set(all).size).toBe(all.length);
    expect(fromOldest.flat().reverse()).toEqual(all);
    expect(fromNewest.map((p) => p.length)).toEqual([4, 4, 4, 2]);
    // The last page (the oldest end) holds the oldest events.
    expect(fromOldest[0]).toEqual(all.slice(-4).reverse());
  });

  it('filters by part of a person’s name as well as by their id', async () => {
    const me = (await (await manager.api('/api/me')).json()) as {
      principal: { sub: string; name: string };
    };
    const byName = await trail('who=casey&action=case.list&pageSize=100');
    expect(byName.person?.id).toBe(me.principal.sub);
    expect(byName.events).toHaveLength(7);
    expect(new Set(byName.events.map((e) => e.actor.id))).toEqual(new Set([me.principal.sub]));
    const byId = await trail(`who=${me.principal.sub}&action=case.list&pageSize=100`);
    expect(byId.events.map((e) => e.id)).toEqual(byName.events.map((e) => e.id));
    const byActor = await trail(`actor=${me.principal.sub}&action=case.list&pageSize=100`);
    expect(byActor.events.map((e) => e.id)).toEqual(byName.events.map((e) => e.id));
  });

  it('a name that fits several people is a 400 listing them; one that fits nobody finds nothing', async () => {
    const several = await auditor.api('/api/audit/events?who=synthetic');
    expect(several.status).toBe(400);
    const problem = (await several.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors[0]?.path).toBe('who');
    expect(problem.errors[0]?.message).toContain('Casey Manager');
    expect(problem.errors[0]?.message).toContain('Robin Intake');
    expect((await trail('who=Nobody%20Here')).events).toEqual([]);
  });
});
