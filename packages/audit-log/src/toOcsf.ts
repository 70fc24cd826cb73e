import { BOSTON_MUNICIPALITY } from '@cityofboston/standards-schema';
import type { AnyAuditEvent } from './internal/chain';

/** The OCSF classes an audit event maps to. */
export const OCSF_CLASSES = {
  /** Application Activity / API Activity: requests to an API (the middleware's events). */
  apiActivity: 6003,
  /** Identity & Access Management / Authentication: `auth.*` actions. */
  authentication: 3002,
  /** Identity & Access Management / Entity Management: everything done to a record. */
  entityManagement: 3004,
} as const;

/** An OCSF 1.3 event (the attributes this mapping fills). */
export interface OcsfEvent {
  class_uid: number;
  class_name: string;
  category_uid: number;
  category_name: string;
  activity_id: number;
  activity_name: string;
  type_uid: number;
  time: number;
  severity_id: number;
  status_id: number;
  status: string;
  status_detail?: string;
  message: string;
  metadata: {
    version: string;
    uid: string;
    log_name: string;
    sequence?: number;
    correlation_uid?: string;
    product: { name: string; vendor_name: string; version?: string };
  };
  actor: {
    user: {
      uid: string;
      name?: string;
      type: string;
      groups?: { name: string }[];
      org?: { name: string };
    };
  };
  user?: { uid: string; name?: string };
  src_endpoint?: { ip?: string };
  http_request?: { user_agent?: string };
  api?: { operation: string; service: { name: string } };
  entity?: { uid: string; type: string; data?: { classification?: string } };
  /** What OCSF has no attribute for: purpose, agreement id, the event's details and integrity. */
  unmapped: Record<string, unknown>;
}

const CRUD: Record<string, [number, string]> = {
  create: [1, 'Create'],
  add: [1, 'Create'],
  submit: [1, 'Create'],
  view: [2, 'Read'],
  read: [2, 'Read'],
  get: [2, 'Read'],
  list: [2, 'Read'],
  search: [2, 'Read'],
  export: [2, 'Read'],
  share: [2, 'Read'],
  update: [3, 'Update'],
  edit: [3, 'Update'],
  put: [3, 'Update'],
  patch: [3, 'Update'],
  assign: [3, 'Update'],
  close: [3, 'Update'],
  delete: [4, 'Delete'],
  remove: [4, 'Delete'],
  post: [1, 'Create'],
};

/** Options of {@link toOcsf}. */
export interface ToOcsfOptions {
  /**
   * `metadata.product.vendor_name`: the municipality that runs the app. Default: the name of
   * standards-schema's default municipality, `BOSTON_MUNICIPALITY.name` ("City of Boston");
   * another city or town passes its own `Municipality.name`.
   */
  vendorName?: string;
}

const AUTH: Record<string, [number, string]> = {
  login: [1, 'Logon'],
  logon: [1, 'Logon'],
  signin: [1, 'Logon'],
  logout: [2, 'Logoff'],
  logoff: [2, 'Logoff'],
  signout: [2, 'Logoff'],
};

/**
 * Maps an audit event to the Open Cybersecurity Schema Framework (OCSF 1.3): `auth.*` to
 * Authentication (3002), `api.*`/`http.*` to API Activity (6003), anything else to Entity
 * Management (3004). Purpose and agreement id are kept under `unmapped`.
 *
 * @see https://schema.ocsf.io/1.3.0/classes/api_activity
 * @example
 * ```ts
 * const ocsf = toOcsf(event); // ship to the City's SIEM
 * const town = toOcsf(event, { vendorName: millbrook.name }); // another municipality
 * ```
 */
export function toOcsf(event: AnyAuditEvent, options: ToOcsfOptions = {}): OcsfEvent {
  const [noun = '', ...rest] = event.action.split('.');
  const verb = rest.at(-1) ?? '';
  let classUid: number;
  let className: string;
  let categoryUid: number;
  let categoryName: string;
  let activity: [number, string];
  if (noun === 'auth') {
    [classUid, className, categoryUid, categoryName] = [
      3002,
      'Authentication',
      3,
      'Identity & Access Management',
    ];
    activity = AUTH[verb] ?? [99, 'Other'];
  } else if (noun === 'api' || noun === 'http') {
    [classUid, className, categoryUid, categoryName] = [
      6003,
      'API Activity',
      6,
      'Application Activity',
    ];
    activity = CRUD[verb] ?? [99, 'Other'];
  } else {
    [classUid, className, categoryUid, categoryName] = [
      3004,
      'Entity Management',
      3,
      'Identity & Access Management',
    ];
    activity = CRUD[verb] ?? [99, 'Other'];
  }
  const statusId = event.outcome === 'success' ? 1 : 2;
  const actorUser: OcsfEvent['actor']['user'] = { uid: event.actor.id, type: event.actor.type };
  if (event.actor.name !== undefined) actorUser.name = event.actor.name;
  if (event.actor.roles?.length) actorUser.groups = event.actor.roles.map((name) => ({ name }));
  if (event.actor.department !== undefined) actorUser.org = { name: event.actor.department };
  const unmapped: Record<string, unknown> = { action: event.action, outcome: event.outcome };
  if (event.purpose !== undefined) unmapped.purpose = event.purpose;
  if (event.agreementId !== undefined) unmapped.agreement_id = event.agreementId;
  if (event.details !== undefined) unmapped.details = event.details;
  if (event.integrity !== undefined) unmapped.integrity = event.integrity;
  if (event.app.department !== undefined) unmapped.app_department = event.app.department;

  const out: OcsfEvent = {
    class_uid: classUid,
    class_name: className,
    category_uid: categoryUid,
    category_name: categoryName,
    activity_id: activity[0],
    activity_name: activity[1],
    type_uid: classUid * 100 + activity[0],
    time: Date.parse(event.time),
    severity_id: event.outcome === 'success' ? 1 : event.outcome === 'denied' ? 3 : 2,
    status_id: statusId,
    status: statusId === 1 ? 'Success' : 'Failure',
    message: `${event.actor.id} ${event.action}${event.target ? ` ${event.target.type}/${event.target.id}` : ''}: ${event.outcome}`,
    metadata: {
      version: '1.3.0',
      uid: event.id,
      log_name: 'city-audit',
      product: {
        name: event.app.name,
        vendor_name: options.vendorName ?? BOSTON_MUNICIPALITY.name,
        ...(event.app.version === undefined ? {} : { version: event.app.version }),
      },
      ...(event.integrity ? { sequence: event.integrity.seq } : {}),
      ...(event.traceId === undefined ? {} : { correlation_uid: event.traceId }),
    },
    actor: { user: actorUser },
    unmapped,
  };
  const detail =
    event.outcome === 'denied' ? `denied${event.reason ? `: ${event.reason}` : ''}` : event.reason;
  if (detail !== undefined) out.status_detail = detail;
  if (event.source?.ip !== undefined) out.src_endpoint = { ip: event.source.ip };
  if (event.source?.userAgent !== undefined)
    out.http_request = { user_agent: event.source.userAgent };
  if (classUid === 6003) {
    out.api = { operation: event.action, service: { name: event.app.name } };
    out.src_endpoint ??= {};
  }
  if (classUid === 3002) {
    out.user = {
      uid: event.actor.id,
      ...(event.actor.name === undefined ? {} : { name: event.actor.name }),
    };
  }
  if (event.target) {
    out.entity = {
      uid: event.target.id,
      type: event.target.type,
      ...(event.target.classification
        ? { data: { classification: event.target.classification } }
        : {}),
    };
  }
  return out;
}
