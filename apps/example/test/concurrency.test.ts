// Concurrent edits on the real engines: PGlite always, and PostgreSQL when DATABASE_URL is set.
// Every acknowledged change is in the record and has its audit event, and only those.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type HttpBrowser, noteOf, startDesk, type TestDesk } from './helpers';

const engines = [
  { name: 'PGlite', env: { DATABASE_URL: '' } },
  ...(process.env.DATABASE_URL
    ? [{ name: 'PostgreSQL', env: { DATABASE_URL: process.env.DATABASE_URL } }]
    : []),
];

describe.each(engines)('concurrent edits on $name', ({ env }) => {
  let desk: TestDesk;
  let clerk: HttpBrowser;
  let manager: HttpBrowser;
  let openIds: string[];

  beforeAll(async () => {
    desk = await startDesk(60, env);
    [clerk, manager] = await Promise.all([as(desk, 'pwd-clerk'), as(desk, 'pwd-case-manager')]);
    openIds = (
      await desk.cases.list({ status: 'open', department: 'PWD' }, { page: 1 }, 10)
    ).records.map((r) => r.service_request_id);
  });
  afterAll(async () => {
    await desk?.close();
  });

  const eventsOf = async (id: string) => {
    await desk.outbox.drain();
    await desk.log.flush();
    return (await desk.log.store.query({ targetId: id, limit: 1000, order: 'asc' })).events.filter(
      (e) => e.action.startsWith('case.') && e.action !== 'case.view',
    );
  };

  it('keeps every note of 20 parallel updates, each with its own audit event', async () => {
    const id = openIds[0] ?? '';
    const before = (await desk.cases.get(id))?.record.activities?.length ?? 0;
    const notes = Array.from({ length: 20 }, (_, i) => `Parallel note ${i} ${randomUUID()}`);
    const responses = await Promise.all(
      notes.map((note, i) =>
        (i % 2 ? clerk : manager).api(`/api/cases/${id}`, { method: 'PATCH', body: { note } }),
      ),
    );
    const acknowledged = notes.filter((_, i) => responses[i]?.status === 200);
    expect(acknowledged).toHaveLength(20);
    const after = await desk.cases.get(id);
    const stored = (after?.record.activities ?? []).map(noteOf);
    expect(stored.length - before).toBe(20);
    for (const note of acknowledged) expect(stored).toContain(note);
    // Versions handed out are distinct and consecutive: no two writers saw the same row.
    const versions = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { version: number }).version),
    );
    expect(new Set(versions).size).toBe(20);
    expect(Math.max(...versions)).toBe(after?.version);
    const events = (await eventsOf(id)).filter((e) => e.details?.noteAdded === true);
    expect(events).toHaveLength(20);
    expect(events.map((e) => e.details?.version).sort()).toEqual([...versions].sort());
  });

  it('applies exactly one of 8 parallel updates with the same If-Match; the rest get 412 with the current version', async () => {
    const id = openIds[1] ?? '';
    const shown = await manager.api(`/api/cases/${id}`);
    const etag = shown.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+"$/);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        manager.api(`/api/cases/${id}`, {
          method: 'PATCH',
          body: { note: `Stale-check ${i}` },
          headers: { 'if-match': etag },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    const current = await desk.cases.get(id);
    for (const r of responses.filter((r) => r.status === 412)) {
      expect(r.headers.get('content-type')).toMatch(/problem\+json/);
      const problem = (await r.json()) as { code: string; version: number };
      expect(problem).toMatchObject({ code: 'version_conflict', version: current?.version });
      expect(r.headers.get('etag')).toBe(`"${current?.version}"`);
    }
    const notes = (current?.record.activities ?? []).filter((a) =>
      noteOf(a)?.startsWith('Stale-check'),
    );
    expect(notes).toHaveLength(1);
    expect((await eventsOf(id)).filter((e) => e.action === 'case.update')).toHaveLength(1);
  });

  it('closes a case once under 6 parallel closes; the others are told it is already closed and are not audited as closes', async () => {
    const id = openIds[2] ?? '';
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        manager.api(`/api/cases/${id}`, { method: 'PATCH', body: { status: 'closed' } }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(((await refused.json()) as { code: string }).code).toBe('invalid_transition');
    }
    const closes = (await eventsOf(id)).filter((e) => e.action === 'case.close');
    expect(closes.map((e) => e.outcome)).toEqual(['success']);
    expect((await desk.cases.get(id))?.record.status).toBe('closed');
  });

  it('applies a change retried with the same Idempotency-Key once, and replays the first answer', async () => {
    const id = openIds[3] ?? '';
    const key = randomUUID();
    const send = () =>
      manager.api(`/api/cases/${id}`, {
        method: 'PATCH',
        body: { note: 'Retried after a timeout' },
        headers: { 'idempotency-key': key },
      });
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    const bodies = (await Promise.all([first, second, third].map((r) => r.json()))) as {
      version: number;
      replayed?: boolean;
    }[];
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(new Set(bodies.map((b) => b.version)).size).toBe(1);
    expect(bodies.filter((b) => b.replayed)).toHaveLength(2);
    const notes = ((await desk.cases.get(id))?.record.activities ?? []).filter(
      (a) => noteOf(a) === 'Retried after a timeout',
    );
    expect(notes).toHaveLength(1);
    expect((await eventsOf(id)).filter((e) => e.action === 'case.update')).toHaveLength(1);
    const reused = await manager.api(`/api/cases/${id}`, {
      method: 'PATCH',
      body: { note: 'A different change' },
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { code: string }).code).toBe('idempotency_key_reused');
  });
});
