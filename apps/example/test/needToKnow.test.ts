// Need-to-know through auth-client's definePolicy: a department sees and changes its own cases;
// another department sees only what a data-sharing agreement grants, de-identified by share();
// a hidden value says why; every list records whose contact details it showed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type HttpBrowser, startDesk, type TestDesk } from './helpers';

let desk: TestDesk;
let clerk: HttpBrowser;
let manager: HttpBrowser;
let inspector: HttpBrowser;

type Listed = {
  records: {
    service_request_id: string;
    department?: string;
    description?: string;
    contact?: Record<string, string>;
  }[];
  sharedUnder?: { id: string };
  hidden: { path: string; reason: string }[];
};

const idOf = async (department: string) =>
  (await desk.cases.list({ department, status: 'open' }, { page: 1 }, 1)).records[0]
    ?.service_request_id ?? '';

beforeAll(async () => {
  desk = await startDesk(200);
  [clerk, manager, inspector] = await Promise.all([
    as(desk, 'pwd-clerk'),
    as(desk, 'pwd-case-manager'),
    as(desk, 'isd-inspector'),
  ]);
});
afterAll(async () => {
  await desk?.close();
});

describe('a department sees and changes its own cases only', () => {
  it('lists only the signed-in department’s cases', async () => {
    for (const [who, dept] of [
      [clerk, 'PWD'],
      [inspector, 'ISD'],
    ] as const) {
      const listed = (await (await who.api('/api/cases?pageSize=100')).json()) as Listed;
      expect(listed.records.length).toBeGreaterThan(0);
      expect(new Set(listed.records.map((r) => r.department))).toEqual(new Set([dept]));
    }
  });

  it('answers 404 for another department’s case without an agreement, and changes nothing', async () => {
    const parks = await idOf('PARKS');
    const before = await desk.cases.get(parks);
    expect((await manager.api(`/api/cases/${parks}`)).status).toBe(404);
    const patch = await manager.api(`/api/cases/${parks}`, {
      method: 'PATCH',
      body: { note: 'Not ours' },
    });
    expect(patch.status).toBe(404);
    expect((await desk.cases.get(parks))?.version).toBe(before?.version);
  });

  it('a case manager cannot change another department’s case even when it is visible to them', async () => {
    // ISD reads PWD cases under an agreement but may not change them; the inspector has no
    // update role at all, so the role guard refuses first.
    const pwd = await idOf('PWD');
    const response = await inspector.api(`/api/cases/${pwd}`, {
      method: 'PATCH',
      body: { note: 'x' },
    });
    expect(response.status).toBe(403);
  });
});

describe('another department sees only what an agreement grants, de-identified by share()', () => {
  it('an inspector lists Public Works cases under the code-enforcement agreement, de-identified', async () => {
    const listed = (await (
      await inspector.api('/api/cases?agreement=dsa-pwd-isd-code-enforcement&pageSize=50')
    ).json()) as Listed;
    expect(listed.sharedUnder?.id).toBe('dsa-pwd-isd-code-enforcement');
    expect(listed.records.length).toBeGreaterThan(0);
    const stored = await desk.cases.all({ department: 'PWD' }, 1000);
    for (const r of listed.records) {
      const original = stored.find((s) => s.service_request_id === r.service_request_id);
      expect(original?.department).toBe('PWD');
      expect(r.description).toBeUndefined();
      expect(r.contact?.email).toBeUndefined();
      if (original?.contact?.phone) expect(r.contact?.phone).not.toBe(original.contact.phone);
      if (original?.contact?.last_name && original.contact.last_name.length > 1) {
        expect(r.contact?.last_name).not.toBe(original.contact.last_name);
      }
    }
    await desk.log.flush();
    // The share leaves Public Works (the app makes it for PWD, to ISD); the read is the inspector's.
    const shares = await desk.log.store.query({ action: 'share.export', limit: 100 });
    expect(
      shares.events.some(
        (e) =>
          e.outcome === 'success' &&
          e.agreementId === 'dsa-pwd-isd-code-enforcement' &&
          e.actor.department === 'PWD' &&
          (e.details as { recipient?: string } | undefined)?.recipient === 'ISD',
      ),
    ).toBe(true);
    const reads = await desk.log.store.query({
      actor: 'isd-inspector',
      action: 'case.list',
      limit: 100,
    });
    expect(
      reads.events.some(
        (e) =>
          (e.details as { agreementId?: string } | undefined)?.agreementId ===
          'dsa-pwd-isd-code-enforcement',
      ),
    ).toBe(true);
  });

  it('refuses to sort or filter by a field the agreement does not share (field_not_shared)', async () => {
    const agreement = 'agreement=dsa-pwd-isd-code-enforcement';
    for (const q of ['sort=neighborhood', 'sort=-neighborhood', 'neighborhood=Dorchester']) {
      const response = await inspector.api(`/api/cases?${agreement}&${q}`);
      expect(response.status, q).toBe(403);
      const problem = (await response.json()) as { code: string; errors: { path: string }[] };
      expect(problem.code).toBe('field_not_shared');
      expect(problem.errors[0]?.path).toBe(q.startsWith('sort') ? 'sort' : 'neighborhood');
    }
    // Shared fields sort and filter as usual.
    for (const q of ['sort=status', 'sort=-service', 'status=open']) {
      expect((await inspector.api(`/api/cases?${agreement}&${q}`)).status, q).toBe(200);
    }
  });

  it('refuses an agreement that does not name the department as recipient', async () => {
    const response = await inspector.api('/api/cases?agreement=dsa-pwd-btd-street-planning');
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('forbidden');
  });

  it('shows a single Public Works case to the inspector only de-identified', async () => {
    const pwd = await idOf('PWD');
    const shown = (await (await inspector.api(`/api/cases/${pwd}`)).json()) as {
      record: Listed['records'][number];
      sharedUnder?: { id: string };
    };
    expect(shown.sharedUnder?.id).toBe('dsa-pwd-isd-code-enforcement');
    expect(shown.record.contact?.email).toBeUndefined();
    expect(shown.record.description).toBeUndefined();
    expect((await inspector.api(`/api/cases/${await idOf('PARKS')}`)).status).toBe(404);
  });
});

describe('clearance: what is hidden says why; a clerk sees the notes they wrote', () => {
  it('a clerk sees their own note, not a case manager’s, and the reason for what is hidden', async () => {
    const id = await idOf('PWD');
    const mine = 'Clerk note: called the resident back.';
    const theirs = 'Manager note: crew scheduled.';
    expect(
      (await clerk.api(`/api/cases/${id}`, { method: 'PATCH', body: { note: mine } })).status,
    ).toBe(200);
    expect(
      (await manager.api(`/api/cases/${id}`, { method: 'PATCH', body: { note: theirs } })).status,
    ).toBe(200);
    const shown = (await (await clerk.api(`/api/cases/${id}`)).json()) as {
      record: { activities?: { note?: string }[] };
      hidden: { path: string; reason: string }[];
    };
    const notes = (shown.record.activities ?? []).map((a) => a.note);
    expect(notes).toContain(mine);
    expect(notes).not.toContain(theirs);
    expect(shown.hidden).toContainEqual(
      expect.objectContaining({
        path: 'activities[].note',
        reason: 'confidential, your clearance is internal',
      }),
    );
  });

  it('the history says who acted, by name', async () => {
    const id = await idOf('PWD');
    await clerk.api(`/api/cases/${id}`, { method: 'PATCH', body: { note: 'Checked.' } });
    await manager.api(`/api/cases/${id}`, { method: 'PATCH', body: { note: 'Scheduled.' } });
    const shown = (await (await clerk.api(`/api/cases/${id}`)).json()) as {
      record: { activities?: { actor?: string }[] };
      actors: Record<string, string>;
    };
    const acted = (shown.record.activities ?? []).flatMap((a) => (a.actor ? [a.actor] : []));
    expect(acted).toEqual(expect.arrayContaining(['pwd-clerk', 'pwd-case-manager']));
    expect(shown.actors['pwd-clerk']).toBe('Robin Intake (synthetic)');
    expect(shown.actors['pwd-case-manager']).toBe('Casey Manager (synthetic)');
  });
});

describe('list events record whose contact details were shown', () => {
  it('a case manager’s list event names every listed case with contact details', async () => {
    const listed = (await (await manager.api('/api/cases?pageSize=20')).json()) as Listed;
    const withContact = listed.records
      .filter((r) => r.contact && Object.keys(r.contact).length > 0)
      .map((r) => r.service_request_id);
    expect(withContact.length).toBeGreaterThan(0);
    await desk.log.flush();
    const [event] = (
      await desk.log.store.query({
        action: 'case.list',
        actor: 'pwd-case-manager',
        limit: 1,
        order: 'desc',
      })
    ).events;
    expect(event?.details?.contactShown).toEqual(withContact);
    // Pseudonyms, never the contact details themselves.
    const text = JSON.stringify(event);
    for (const r of listed.records) {
      if (r.contact?.email) expect(text).not.toContain(r.contact.email);
    }
    expect(((event?.details?.subjects ?? []) as string[]).length).toBeGreaterThanOrEqual(
      withContact.length,
    );
  });
});
