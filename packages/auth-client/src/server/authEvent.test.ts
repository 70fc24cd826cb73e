import { AuditEventInput } from '@cityofboston/standards-schema';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AuthEvent } from './authEvent';

describe('AuthEvent', () => {
  it('is an AuditEventInput, so apps hand it to audit-log as is', () => {
    expectTypeOf<AuthEvent>().toExtend<AuditEventInput>();
    const event: AuthEvent = {
      actor: {
        type: 'user',
        id: 'pwd-clerk',
        name: 'Robin Intake (synthetic)',
        department: 'PWD',
        roles: ['311.intake'],
      },
      action: 'auth.denied',
      outcome: 'denied',
      reason: 'forbidden_clearance',
      target: { type: 'route', id: '/api/restricted' },
      source: { userAgent: 'test' },
      app: { name: 'case-desk' },
    };
    expect(AuditEventInput.safeParse(event).success).toBe(true);
  });
});
