import { z } from 'zod';
import { Classification } from './classification';
import { classified } from './classified';
import { DepartmentCode } from './DepartmentCode';
import { publicMeta, tagFields } from './internal/tagFields';
import { DateTime } from './primitives/DateTime';

// Fields not tagged one by one below are public: Audit metadata with no personal data (the NIST SP 800-53 AU-3 content of a record).
const META = publicMeta(
  'Audit metadata with no personal data (the NIST SP 800-53 AU-3 content of a record).',
);

const actorId = classified(z.string().min(1), {
  classification: 'internal',
  pii: { category: 'online.identifier', kind: 'linkable' },
  redact: 'hash',
});

/** Who acted: a person (`user`), another application (`service`) or the platform (`system`). */
export const AuditActor = z.object(
  tagFields(
    {
      type: z.enum(['user', 'service', 'system']),
      id: actorId,
      name: classified(z.string().min(1), {
        classification: 'internal',
        pii: { category: 'identity.name', kind: 'direct' },
        redact: 'truncate',
      }).optional(),
      department: DepartmentCode.optional(),
      roles: classified(z.array(z.string().min(1)), { classification: 'internal' }).optional(),
    },
    META,
  ),
);
/** Who acted. */
export type AuditActor = z.infer<typeof AuditActor>;

/** What was acted on. */
export const AuditTarget = z.object(
  tagFields(
    {
      /** A record type, e.g. `ServiceRequest`. */
      type: z.string().min(1),
      id: classified(z.string().min(1), { classification: 'internal', redact: 'hash' }),
      /** The target record's classification when it was touched. */
      classification: Classification.optional(),
    },
    META,
  ),
);
/** What was acted on. */
export type AuditTarget = z.infer<typeof AuditTarget>;

/**
 * The integrity fields of a format-1 event, as the file and memory stores write them (and SQL
 * stores did before format 2): `hash` covers the event with its `seq` and `prevHash`, chaining
 * each event to the one before.
 */
export const AuditChainIntegrity = z.object(
  tagFields(
    {
      seq: z.int().min(0),
      prevHash: z.string().min(1),
      hash: z.string().min(1),
    },
    META,
  ),
);
/** The integrity fields of a format-1 (hash-chained) event. */
export type AuditChainIntegrity = z.infer<typeof AuditChainIntegrity>;

/**
 * The integrity fields of a format-2 event, as the SQL stores write them: `hash` covers the event
 * with `integrity: {"format":2}` and nothing positional, so writers can store batches side by
 * side; `seq` is the event's place in the log's Merkle tree, given by the store and proven by the
 * log's signed checkpoints rather than by the hash.
 */
export const AuditBatchIntegrity = z.object(
  tagFields(
    {
      format: z.literal(2),
      seq: z.int().min(1),
      hash: z.string().min(1),
    },
    META,
  ),
);
/** The integrity fields of a format-2 (batch-sealed) event. */
export type AuditBatchIntegrity = z.infer<typeof AuditBatchIntegrity>;

/** The integrity fields the log assigns, in either format (see `@cityofboston/audit-log`). */
export const AuditIntegrity = z.union([AuditChainIntegrity, AuditBatchIntegrity]);
/** The integrity fields the log assigns, in either format. */
export type AuditIntegrity = z.infer<typeof AuditIntegrity>;

const ACTION = /^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)+$/;

const inputShape = tagFields(
  {
    actor: AuditActor,
    /** Dotted verb, `<object>.<verb>`: `case.view`, `auth.login`, `share.export`. */
    action: z.string().regex(ACTION, 'Expected a dotted action such as "case.view"'),
    target: AuditTarget.optional(),
    outcome: z.enum(['success', 'failure', 'denied']),
    reason: classified(z.string().min(1), {
      classification: 'internal',
      pii: { category: 'freeText', kind: 'quasi' },
      redact: 'drop',
    }).optional(),
    source: z
      .object({
        ip: classified(z.union([z.ipv4(), z.ipv6()]), {
          classification: 'confidential',
          pii: { category: 'online.identifier', kind: 'linkable' },
          redact: 'truncate',
        }).optional(),
        userAgent: classified(z.string().min(1), {
          classification: 'internal',
          pii: { category: 'online.identifier', kind: 'quasi' },
          redact: 'drop',
        }).optional(),
      })
      .optional(),
    app: z.object({
      name: z.string().min(1),
      version: z.string().min(1).optional(),
      department: DepartmentCode.optional(),
    }),
    /** Why the data was accessed (purpose limitation), e.g. `case-management`. */
    purpose: z.string().min(1).optional(),
    /** The `DataSharingAgreement` this access relies on. */
    agreementId: z.string().min(1).optional(),
    /** W3C Trace Context trace id (32 lowercase hex digits). */
    traceId: z
      .string()
      .regex(/^[0-9a-f]{32}$/, 'Expected a W3C trace id (32 lowercase hex digits)')
      .optional(),
    details: classified(z.record(z.string(), z.unknown()), {
      classification: 'confidential',
      redact: 'drop',
    }).optional(),
  },
  META,
);

/**
 * An audit event as the application hands it to the log: the log assigns `id`, `time` and
 * `integrity`.
 *
 * @example
 * ```ts
 * const input: AuditEventInput = {
 *   actor: { type: 'user', id: 'u-1042', department: 'PWD' },
 *   action: 'case.view',
 *   target: { type: 'ServiceRequest', id: '101005551234', classification: 'confidential' },
 *   outcome: 'success',
 *   app: { name: '311-case-desk' },
 * };
 * ```
 */
export const AuditEventInput = z.object(inputShape).meta({
  id: 'AuditEventInput',
  title: 'AuditEventInput',
  description: 'An audit event before the log assigns id, time and integrity.',
});
/** An audit event before the log assigns id, time and integrity. */
export type AuditEventInput = z.infer<typeof AuditEventInput>;

/**
 * A tamper-evident record of who did what to which record, when, from where, why and with what
 * outcome. Field names follow the common core of the OpenTelemetry semantic conventions and
 * NIST SP 800-53 AU-3 (content of audit records).
 *
 * Standards: [NIST SP 800-53 Rev. 5 AU-3](https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final),
 * [RFC 9562 UUIDv7](https://www.rfc-editor.org/rfc/rfc9562#section-5.7),
 * [W3C Trace Context](https://www.w3.org/TR/trace-context/).
 */
export const AuditEvent = z
  .object(
    tagFields(
      {
        /** UUIDv7, so ids sort by time. */
        id: z.uuid({ version: 'v7' }),
        time: DateTime,
        ...inputShape,
        integrity: AuditIntegrity.optional(),
      },
      META,
    ),
  )
  .meta({ id: 'AuditEvent', title: 'AuditEvent', description: 'A tamper-evident audit record.' });
/** A tamper-evident audit record. */
export type AuditEvent = z.infer<typeof AuditEvent>;
