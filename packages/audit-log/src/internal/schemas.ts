// Stand-in for the shared vocabulary until @cityofboston/standards-schema exports it; the shapes
// follow the shared DESIGN so the swap to the import changes no caller.
import { z } from 'zod';

const Classification = z.enum(['public', 'internal', 'confidential', 'restricted']);
const Integrity = z.object({
  seq: z.int().min(1),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
const fields = {
  actor: z.object({
    type: z.enum(['user', 'service', 'system']),
    id: z.string().min(1),
    name: z.string().optional(),
    department: z.string().optional(),
    roles: z.array(z.string()).optional(),
  }),
  action: z.string().regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/i),
  target: z
    .object({
      type: z.string().min(1),
      id: z.string().min(1),
      classification: Classification.optional(),
    })
    .optional(),
  outcome: z.enum(['success', 'failure', 'denied']),
  reason: z.string().optional(),
  source: z.object({ ip: z.string().optional(), userAgent: z.string().optional() }).optional(),
  app: z.object({
    name: z.string().min(1),
    version: z.string().optional(),
    department: z.string().optional(),
  }),
  purpose: z.string().optional(),
  agreementId: z.string().optional(),
  traceId: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
};
export const AuditEventInput = z.object(fields);
export type AuditEventInput = z.infer<typeof AuditEventInput>;
export const AuditEvent = z.object({
  id: z.uuid(),
  time: z.iso.datetime({ offset: true }),
  ...fields,
  integrity: Integrity.optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
