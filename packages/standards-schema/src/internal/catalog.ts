// Every record schema this package exports, by its exported name: the JSON Schema build, the
// OpenAPI document, the CLI and the classification guard test all read this list.
import type { z } from 'zod';
import { AuditEvent, AuditEventInput } from '../AuditEvent';
import { DataSharingAgreement } from '../DataSharingAgreement';
import { ServiceRequest } from '../open311/ServiceRequest';
import { Principal } from '../Principal';

export const CATALOG: Record<string, z.core.$ZodType> = {
  AuditEvent,
  AuditEventInput,
  DataSharingAgreement,
  Principal,
  ServiceRequest,
};
