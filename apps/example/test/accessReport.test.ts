// "Who accessed my record", searched by resident: list views, views, changes and shares are all
// found by name, email or phone through keyed pseudonyms; the log holds no contact details; the
// report prints as a letter in English and Spanish.
import type { ServiceRequest } from '@cityofboston/standards-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessIndex } from '../src/server/access/AccessIndex';
import { ShareManifests } from '../src/server/sharing/ShareManifests';
import { as, type HttpBrowser, startDesk, type TestDesk } from './helpers';

let desk: TestDesk;
let manager: HttpBrowser;
let auditor: HttpBrowser;
let resident: ServiceRequest;

type Report = {
  caseIds: string[];
  accesses: {
    who: { id: string };
    kind: string;
    caseIds: string[];
    recipient?: string;
    eventId: string;
  }[];
};

beforeAll(async () => {
  desk = await startDesk(120);
  [manager, auditor] = await Promise.all([as(desk, 'pwd-case-manager'), as(desk, 'doit-auditor')]);
  // A resident whose request is on the first page of Public Works' list, with full contact.
  const listed = (await (await manager.api('/api/cases?pageSize=10')).json()) as {
    records: ServiceRequest[];
  };
  const stored = await desk.cases.all({ department: 'PWD' }, 1000);
  const found = listed.records
    .map((r) => stored.find((s) => s.service_request_id === r.service_request_id))
    .find((r) => r?.contact?.email && r.contact.phone && r.contact.last_name);
  if (!found) throw new Error('no listed case with full contact details');
  resident = found;
  // A share under the street-planning agreement that includes the resident's case.
  const shared = await manager.api('/api/share', {
    method: 'POST',
    body: { agreementId: 'dsa-pwd-btd-street-planning', purpose: 'street-planning', limit: 200 },
  });
  expect(shared.status).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

const report = async (query: string) => {
  const response = await auditor.api(`/api/audit/access?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
};

describe('search by resident', () => {
  it('finds the list view that showed their contact details, and the share, by email', async () => {
    const r = await report(`email=${encodeURIComponent(resident.contact?.email ?? '')}`);
    const id = resident.service_request_id;
    expect(r.caseIds).toContain(id);
    const listed = r.accesses.find((a) => a.kind === 'listed' && a.caseIds.includes(id));
    expect(listed?.who.id).toBe('pwd-case-manager');
    const shared = r.accesses.find((a) => a.kind === 'shared');
    expect(shared).toMatchObject({ recipient: 'BTD' });
    expect(shared?.caseIds).toContain(id);
  });

  it('finds the same accesses by phone (in another format) and by name (in another case)', async () => {
    const byEmail = await report(`email=${encodeURIComponent(resident.contact?.email ?? '')}`);
    const digits = (resident.contact?.phone ?? '').replace(/\D/g, '').slice(-10);
    const formatted = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    const byPhone = await report(`phone=${encodeURIComponent(formatted)}`);
    const name = `${resident.contact?.first_name} ${resident.contact?.last_name}`.toUpperCase();
    const byName = await report(`name=${encodeURIComponent(name)}`);
    const listedIn = (r: Report) =>
      r.accesses.filter((a) => a.kind === 'listed').map((a) => a.caseIds.join());
    expect(listedIn(byPhone)).toEqual(expect.arrayContaining(listedIn(byEmail).slice(0, 1)));
    expect(listedIn(byName).length).toBeGreaterThan(0);
  });

  it('the audit log stores none of the resident’s contact details in clear', async () => {
    await desk.log.flush();
    const all = JSON.stringify((await desk.log.store.query({ limit: 10000 })).events);
    expect(all).not.toContain(resident.contact?.email ?? '@@');
    expect(all).not.toContain(resident.contact?.phone ?? '@@');
    expect(all).not.toContain(resident.contact?.last_name ?? '@@');
  });

  it('asks for something to search by', async () => {
    const response = await auditor.api('/api/audit/access');
    expect(response.status).toBe(400);
  });
});

describe('the printable letter', () => {
  it.each([
    ['en', 'Who accessed your information', 'Saw your request in a list'],
    ['es', 'Quién accedió a su información', 'Vio su solicitud en una lista'],
  ])('in %s', async (lang, title, listed) => {
    const response = await auditor.api(
      `/api/audit/access/letter?lang=${lang}&email=${encodeURIComponent(resident.contact?.email ?? '')}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(title);
    expect(html).toContain(listed);
    expect(html).not.toContain(resident.contact?.email ?? '@@');
    expect(html).not.toContain('<script');
  });
});

describe('the access index (no scan of the log)', () => {
  it('answers from the index without reading the log, and each access names a logged event', async () => {
    const store = desk.log.store;
    const original = store.query.bind(store);
    let reads = 0;
    store.query = (q) => {
      reads++;
      return original(q);
    };
    let r: Report & { indexRowsRead: number; accesses: { eventId: string }[] };
    try {
      r = (await report(`email=${encodeURIComponent(resident.contact?.email ?? '')}`)) as typeof r;
    } finally {
      store.query = original;
    }
    expect(reads).toBe(0);
    expect(r.indexRowsRead).toBe(r.accesses.length);
    await desk.log.flush();
    const logged = new Set((await store.query({ limit: 10000 })).events.map((e) => e.id));
    for (const a of r.accesses) expect(logged.has(a.eventId), a.eventId).toBe(true);
  });

  it('indexes a change in its own transaction, under the id its event has in the log', async () => {
    const id = resident.service_request_id;
    const response = await manager.api(`/api/cases/${id}`, {
      method: 'PATCH',
      body: { note: 'Called the resident back.' },
    });
    expect(response.status).toBe(200);
    const r = (await report(`caseId=${id}`)) as Report & {
      accesses: { eventId: string; kind: string }[];
    };
    const changed = r.accesses.find((a) => a.kind === 'changed');
    expect(changed).toBeDefined();
    await desk.log.flush();
    const events = (await desk.log.store.query({ targetId: id, action: 'case.update', limit: 10 }))
      .events;
    expect(events.map((e) => e.id)).toContain(changed?.eventId);
    // A refused change (a clerk closing) writes no index row.
    const clerk = await as(desk, 'pwd-clerk');
    const before = (await report(`caseId=${id}`)).accesses.length;
    const status = (await desk.cases.get(id))?.record.status === 'open' ? 'closed' : 'open';
    expect(
      (await clerk.api(`/api/cases/${id}`, { method: 'PATCH', body: { status } })).status,
    ).toBe(403);
    const after = (await report(`caseId=${id}`)).accesses;
    expect(after.filter((a) => a.kind === 'changed')).toHaveLength(1);
    expect(after.length).toBe(before);
  });
});

describe('an index new on a log that already holds events', () => {
  it('indexes the earlier accesses once, so the report still finds them', async () => {
    const email = encodeURIComponent(resident.contact?.email ?? '');
    const before = await report(`email=${email}`);
    expect(before.accesses.length).toBeGreaterThan(0);
    // As if the log predated the index: drop it and create it again.
    const schema = desk.cases.schema;
    await desk.db.query(`DROP TABLE "${schema}".access_index`);
    const index = new AccessIndex(desk.db, schema);
    expect(await index.migrate()).toBe(true);
    expect((await report(`email=${email}`)).accesses).toEqual([]);
    await desk.log.flush();
    const indexed = await index.backfill(desk.log.store, new ShareManifests(desk.db, schema));
    expect(indexed).toBeGreaterThan(0);
    const after = await report(`email=${email}`);
    const kinds = (r: Report) => r.accesses.map((a) => `${a.kind}:${a.eventId}`).sort();
    expect(kinds(after)).toEqual(expect.arrayContaining(kinds(before)));
    const shared = after.accesses.find((a) => a.kind === 'shared');
    expect(shared?.caseIds).toContain(resident.service_request_id);
    expect(shared?.recipient).toBe('BTD');
    // Twice is harmless.
    await index.backfill(desk.log.store, new ShareManifests(desk.db, schema));
    expect(kinds(await report(`email=${email}`))).toEqual(kinds(after));
  });
});
