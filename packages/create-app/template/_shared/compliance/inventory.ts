import {
  AuditEvent,
  Classification,
  classificationOf,
  FieldMeta,
  fieldsOf,
} from '@cityofboston/standards-schema';
import { z } from 'zod';
import { WorkRequest } from '../src/shared/WorkRequest';

/** What the app stores, where; add an entry when you add a table. */
const STORES = [
  { store: 'work_requests', schemaName: 'WorkRequest', schema: WorkRequest },
  { store: 'audit (audit log)', schemaName: 'AuditEvent', schema: AuditEvent },
  { store: 'audit_outbox (until delivered)', schemaName: 'AuditEvent', schema: AuditEvent },
] as const;

/** The data inventory's shape; `npm run compliance` checks its output against it. */
export const DataInventory = z
  .object({
    app: z.string().min(1),
    generatedAt: z.iso.datetime(),
    level: Classification,
    stores: z
      .array(
        z.object({
          store: z.string().min(1),
          schema: z.string().min(1),
          level: Classification,
          fields: z
            .array(z.object({ path: z.string().min(1), optional: z.boolean(), meta: FieldMeta }))
            .min(1),
        }),
      )
      .min(1),
  })
  .strict();
/** The data inventory. */
export type DataInventory = z.infer<typeof DataInventory>;

const RANK: Record<Classification, number> = {
  public: 0,
  internal: 1,
  confidential: 2,
  restricted: 3,
};

/** Every schema the app stores, each field's classification, PII category and redaction rule. */
export function buildInventory(app: string, now: string): DataInventory {
  const stores = STORES.map(({ store, schemaName, schema }) => ({
    store,
    schema: schemaName,
    level: classificationOf(schema),
    fields: fieldsOf(schema).map((f) => ({ path: f.path, optional: f.optional, meta: f.meta })),
  }));
  const level = stores.reduce<Classification>(
    (top, s) => (RANK[s.level] > RANK[top] ? s.level : top),
    'public',
  );
  return { app, generatedAt: now, level, stores };
}
