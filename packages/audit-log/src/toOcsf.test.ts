import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../test/fixtures';
import { createAuditLog } from './createAuditLog';
import { memoryStore } from './memoryStore';
import { toOcsf } from './toOcsf';
import { toOtelLogRecord } from './toOtelLogRecord';

async function sealed(overrides: Parameters<typeof sampleEvent>[1]) {
  const log = createAuditLog({
    app: { name: 'case-desk', version: '1.2.0' },
    store: memoryStore(),
  });
  const e = await log.record(sampleEvent(1, overrides));
  await log.close();
  return e;
}

describe('toOcsf', () => {
  it('maps auth.login to Authentication (3002) Logon', async () => {
    const o = toOcsf(
      await sealed({ action: 'auth.login', target: undefined, source: { ip: '10.1.2.3' } }),
    );
    expect(o).toMatchObject({
      class_uid: 3002,
      category_uid: 3,
      activity_id: 1,
      type_uid: 300201,
      status_id: 1,
    });
    expect(o.user?.uid).toBe('u-1');
    expect(o.src_endpoint?.ip).toBe('10.1.2.3');
  });

  it('maps api.get to API Activity (6003) Read with the operation', async () => {
    const o = toOcsf(await sealed({ action: 'api.get', outcome: 'denied' }));
    expect(o).toMatchObject({
      class_uid: 6003,
      category_uid: 6,
      activity_id: 2,
      type_uid: 600302,
      status_id: 2,
    });
    expect(o.api?.operation).toBe('api.get');
    expect(o.status_detail).toBe('denied');
    expect(o.severity_id).toBe(3);
  });

  it('maps case.update to Entity Management (3004) Update and keeps purpose, agreement and integrity', async () => {
    const e = await sealed({
      action: 'case.update',
      agreementId: 'dsa-2026-001',
      traceId: 'a'.repeat(32),
    });
    const o = toOcsf(e);
    expect(o).toMatchObject({ class_uid: 3004, activity_id: 3, type_uid: 300403 });
    expect(o.entity).toEqual({
      uid: 'BCS-1001',
      type: 'case',
      data: { classification: 'confidential' },
    });
    expect(o.unmapped).toMatchObject({ purpose: 'service-delivery', agreement_id: 'dsa-2026-001' });
    expect(o.metadata).toMatchObject({ uid: e.id, sequence: 1, correlation_uid: 'a'.repeat(32) });
    expect(o.metadata.product).toEqual({
      name: 'case-desk',
      vendor_name: 'City of Boston',
      version: '1.2.0',
    });
    expect(o.time).toBe(Date.parse(e.time));
    // vendor_name comes from configuration: another municipality passes its own name.
    expect(toOcsf(e, { vendorName: 'Town of Millbrook' }).metadata.product.vendor_name).toBe(
      'Town of Millbrook',
    );
  });
});

describe('toOtelLogRecord', () => {
  it('uses semantic-convention attributes and maps outcome to severity', async () => {
    const e = await sealed({ outcome: 'failure', source: { ip: '10.0.0.9', userAgent: 'curl/8' } });
    const r = toOtelLogRecord(e, 123);
    expect(r).toMatchObject({
      severityNumber: 17,
      severityText: 'ERROR',
      eventName: e.action,
      observedTimestamp: 123,
    });
    expect(r.attributes).toMatchObject({
      'user.id': 'u-1',
      'client.address': '10.0.0.9',
      'user_agent.original': 'curl/8',
      'city.audit.purpose': 'service-delivery',
      'city.audit.seq': 1,
      'service.name': 'case-desk',
    });
    expect(r.timestamp).toBe(Date.parse(e.time));
  });
});
