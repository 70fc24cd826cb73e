import { ServiceRequest } from '@cityofboston/standards-schema';
import { fake } from '@cityofboston/standards-schema/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UiError } from '../errors.js';
import { columnsFromSchema } from './columnsFromSchema.js';

describe('columnsFromSchema', () => {
  it('builds one column per cell-sized field, with headers and classifications', () => {
    const columns = columnsFromSchema(ServiceRequest, { viewerClearance: 'public' });
    const ids = columns.map((c) => c.id);
    expect(ids).toContain('service_request_id');
    expect(ids).toContain('contact.email');
    expect(ids.some((id) => id.includes('[]'))).toBe(false);
    const email = columns.find((c) => c.id === 'contact.email');
    expect(email?.header).toBe('Contact email');
    expect(email?.classification).toBe('confidential');
    expect(columns[0]?.rowHeader).toBe(true);
  });

  it('never reads a field above the clearance, even through its accessor', () => {
    const record = fake(ServiceRequest, { seed: 3 });
    const forPublic = columnsFromSchema(ServiceRequest, {
      viewerClearance: 'public',
      include: ['service_request_id', 'contact.email', 'address'],
    });
    const forConfidential = columnsFromSchema(ServiceRequest, {
      viewerClearance: 'confidential',
      include: ['contact.email'],
    });
    expect(forPublic.find((c) => c.id === 'contact.email')?.accessor?.(record)).toBeUndefined();
    expect(forPublic.find((c) => c.id === 'address')?.accessor?.(record)).toBeUndefined();
    expect(forPublic[0]?.accessor?.(record)).toBe(record.service_request_id);
    expect(forConfidential[0]?.accessor?.(record)).toBe(record.contact?.email);
  });

  it('keeps the include order, applies headers, hidden and overrides, and can drop redacted', () => {
    const columns = columnsFromSchema(ServiceRequest, {
      viewerClearance: 'internal',
      include: ['status', 'service_request_id', 'contact.phone', 'address'],
      headers: { service_request_id: 'Case' },
      hidden: ['address'],
      rowHeader: 'service_request_id',
      overrides: { status: { width: '8rem' } },
      dropRedacted: true,
    });
    expect(columns.map((c) => c.id)).toEqual(['status', 'service_request_id', 'address']);
    expect(columns[1]).toMatchObject({ header: 'Case', rowHeader: true });
    expect(columns[2]?.hidden).toBe(true);
    expect(columns[0]?.width).toBe('8rem');
  });

  it('rejects a path the schema lacks, naming it (UI_INVALID_PROP)', () => {
    try {
      columnsFromSchema(ServiceRequest, { viewerClearance: 'public', include: ['contact.fax'] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UiError);
      expect((error as UiError).code).toBe('UI_INVALID_PROP');
      expect((error as UiError).message).toContain('contact.fax');
    }
  });

  it('rejects an unknown clearance (UI_INVALID_PROP)', () => {
    expect(() =>
      columnsFromSchema(ServiceRequest, { viewerClearance: 'secret' as 'public' }),
    ).toThrow(expect.objectContaining({ code: 'UI_INVALID_PROP' }));
  });

  it('rejects a schema that is not an object of fields (UI_UNSUPPORTED_SCHEMA)', () => {
    expect(() => columnsFromSchema(z.string(), { viewerClearance: 'public' })).toThrow(
      expect.objectContaining({ code: 'UI_UNSUPPORTED_SCHEMA' }),
    );
  });
});
