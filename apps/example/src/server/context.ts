import type { AuditLog } from '@cityofboston/audit-log';
import type { Bff } from '@cityofboston/auth-client/server';
import type { AuditOutbox } from './AuditOutbox';
import type { AccessIndex } from './access/AccessIndex';
import type { AuditCheckpoints } from './audit/AuditCheckpoints';
import type { People } from './audit/People';
import type { CaseRepository } from './cases/CaseRepository';
import type { Database } from './database';
import type { ShareManifests } from './sharing/ShareManifests';

/** What the API's routers and services share: the stores, the log and the sign-in. */
export interface ApiContext {
  bff: Bff;
  log: AuditLog;
  /** The log's exported checkpoints, the verifier key, and the last checkpoint that verified. */
  checkpoints: { exported: AuditCheckpoints; verifierKey: string; origin: string };
  db: Database;
  cases: CaseRepository;
  /** Where the audit events of changes wait, in the change's transaction, for the audit log. */
  outbox: AuditOutbox;
  /** Key for pseudonyms (HMAC) in shares, redacted views and the access report. */
  pseudonymKey: string;
  app: { name: string; version: string; department: string };
  /** What each share sent (the audit event has a digest and a count). */
  shareManifests: ShareManifests;
  /** Staff who have used the app, for filtering the trail by name. */
  people: People;
  /** Resident pseudonyms and case numbers to the accesses that touched them. */
  accessIndex: AccessIndex;
}
