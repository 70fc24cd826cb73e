import { describe, expect, it } from 'vitest';
import { AuditEvent, AuditEventInput } from './AuditEvent';
import { fieldsOf } from './fieldsOf';
import { redact } from './redact';

const input: AuditEventInput = {
  actor: {
    type: 'user',
    id: 'u-1042',
    name: 'Avery Quinn',
    department: 'PWD',
    roles: ['case.worker'],
  },
  action: 'case.view',
  target: { type: 'ServiceRequest', id: '101005551234', classification: 'confidential' },
  outcome: 'success',
  source: { ip: '198.51.100.23', userAgent: 'Mozilla/5.0' },
  app: { name: '311-case-desk', version: '1.2.0', department: 'DoIT' },
  purpose: 'case-management',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  details: { fields: ['contact.email'] },
};
const event: AuditEvent = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  time: '2025-11-02T06:30:00Z',
  ...input,
  integrity: { seq: 7, prevHash: 'sha256:aa', hash: 'sha256:bb' },
};

describe('AuditEvent', () => {
  it('accepts an input without id/time/integrity and an event with them', () => {
    expect(AuditEventInput.parse(input)).toEqual(input);
    expect(AuditEvent.parse(event)).toEqual(event);
    expect(AuditEvent.safeParse(input).success).toBe(false);
  });

  it('accepts the integrity of either log format and nothing in between', () => {
    const batch = { format: 2, seq: 7, hash: 'a'.repeat(64) };
    expect(AuditEvent.parse({ ...event, integrity: batch }).integrity).toEqual(batch);
    for (const integrity of [
      { format: 3, seq: 7, hash: 'a'.repeat(64) },
      { format: 2, hash: 'a'.repeat(64) },
      { format: 2, seq: 0, hash: 'a'.repeat(64) },
      { seq: 7, hash: 'a'.repeat(64) },
    ]) {
      expect(AuditEvent.safeParse({ ...event, integrity }).success, JSON.stringify(integrity)).toBe(
        false,
      );
    }
  });

  it('requires a UUIDv7 id and an RFC 3339 time with offset', () => {
    expect(
      AuditEvent.safeParse({ ...event, id: '550e8400-e29b-41d4-a716-446655440000' }).success,
    ).toBe(false);
    expect(
      AuditEvent.safeParse({ ...event, time: '2025-11-02 06:30' }).error?.issues[0]?.path,
    ).toEqual(['time']);
  });

  it('rejects undotted actions, unknown outcomes, bad IPs and bad trace ids', () => {
    const bad = (patch: Record<string, unknown>) =>
      AuditEventInput.safeParse({ ...input, ...patch }).success;
    expect(bad({ action: 'view' })).toBe(false);
    expect(bad({ action: 'Case.View' })).toBe(false);
    expect(bad({ outcome: 'ok' })).toBe(false);
    expect(bad({ source: { ip: '999.1.1.1' } })).toBe(false);
    expect(bad({ traceId: 'abc' })).toBe(false);
    expect(bad({ action: 'auth.login' })).toBe(true);
  });

  it('classifies the source IP confidential and details confidential', () => {
    const byPath = new Map(fieldsOf(AuditEvent).map((f) => [f.path, f.meta]));
    expect(byPath.get('source.ip')?.classification).toBe('confidential');
    expect(byPath.get('details')?.classification).toBe('confidential');
    expect(byPath.get('actor.id')?.pii?.kind).toBe('linkable');
    const out = redact(AuditEvent, event, { clearance: 'internal' });
    expect(out.source).toEqual({ ip: '198.51.100.0', userAgent: 'Mozilla/5.0' });
    expect(out.details).toBeUndefined();
    expect(out.integrity).toEqual(event.integrity);
  });
});
