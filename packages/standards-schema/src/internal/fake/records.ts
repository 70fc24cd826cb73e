// Hand-written generators for the records the ui DataTable, the benchmarks and the example app
// create by the tens of thousands: they build plain objects directly (no schema walk, no
// validation per record), which keeps `fakeMany` fast. Tests check every one parses.
import type { AuditEvent, AuditEventInput } from '../../AuditEvent';
import type { ServiceRequest, ServiceRequestActivity } from '../../open311/ServiceRequest';
import type { Principal } from '../../Principal';
import type { Random } from './random';
import {
  ACTIONS,
  DEPARTMENTS,
  DESCRIPTIONS,
  FIRST_NAMES,
  LAST_NAMES,
  NEIGHBORHOODS,
  ROLES,
  SERVICES,
  STREETS,
  USER_AGENTS,
} from './synthetic';

/** 2025-01-01T00:00:00Z: synthetic times fall in the 300 days after it. */
export const BASE_TIME = Date.UTC(2025, 0, 1);

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefix = new Map<number, string>();

/** `YYYY-MM-DDTHH:MM:SSZ` for `ms`, without allocating a Date per call (fakeMany makes millions). */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    dayPrefix.set(day, prefix);
  }
  const seconds = Math.floor((ms - day * 86_400_000) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${prefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[seconds % 60]}Z`;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A point near the middle of a Boston neighborhood (within about 450 m). */
export function bostonPoint(rng: Random): {
  lat: number;
  lon: number;
  hood: (typeof NEIGHBORHOODS)[number];
} {
  const hood = rng.pick(NEIGHBORHOODS);
  return {
    lat: round6(hood.lat + (rng.next() - 0.5) * 0.008),
    lon: round6(hood.lon + (rng.next() - 0.5) * 0.008),
    hood,
  };
}

export function personName(rng: Random): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) };
}

export function fictionalPhone(rng: Random): string {
  return `+1617555${String(rng.int(100, 199)).padStart(4, '0')}`;
}

export function serviceRequest(rng: Random, index: number, idBase: number): ServiceRequest {
  const service = rng.pick(SERVICES);
  const { lat, lon, hood } = bostonPoint(rng);
  const requested = BASE_TIME + rng.int(0, 300 * 86400) * 1000;
  const closed = rng.chance(0.6);
  const updated = requested + rng.int(600, 14 * 86400) * 1000;
  const request: ServiceRequest = {
    service_request_id: String(idBase + index),
    status: closed ? 'closed' : 'open',
    service_name: service.name,
    service_code: service.code,
    agency_responsible: service.department,
    requested_datetime: isoSeconds(requested),
    updated_datetime: isoSeconds(updated),
    address: `${rng.int(1, 1999)} ${rng.pick(STREETS)}, ${hood.name}, MA ${hood.zip}`,
    // A SAM-like address id, derived from the request id so it draws nothing from `rng` (records
    // made before this field existed stay the same).
    address_id: String(100_000 + (((idBase + index) * 7919) % 350_000)),
    zipcode: hood.zip,
    lat,
    long: lon,
    origin: rng.chance(0.8) ? 'constituent' : 'employee',
    source: rng.pick([
      'Constituent Call',
      'Citizens Connect App',
      'Self Service',
      'City Worker App',
    ] as const),
    priority: rng.pick(['normal', 'normal', 'normal', 'low', 'high'] as const),
    department: service.department,
    queue: service.queue,
    neighborhood: hood.name,
    ward: hood.ward,
    precinct: `${hood.ward}-${rng.int(1, 12)}`,
  };
  if (rng.chance(0.7)) request.description = rng.pick(DESCRIPTIONS);
  if (!closed) request.expected_datetime = isoSeconds(requested + 5 * 86400 * 1000);
  if (rng.chance(0.6)) {
    const { first, last } = personName(rng);
    request.contact = {
      first_name: first,
      last_name: last,
      email: `${first}.${last}${rng.int(1, 99)}@example.org`.toLowerCase(),
      phone: fictionalPhone(rng),
    };
  }
  const activities: ServiceRequestActivity[] = [
    {
      datetime: isoSeconds(requested + 60_000),
      type: 'assigned',
      actor: `u-${rng.int(1000, 9999)}`,
    },
  ];
  if (rng.chance(0.4)) {
    activities.push({
      datetime: isoSeconds(requested + 3_600_000),
      type: 'note',
      actor: `u-${rng.int(1000, 9999)}`,
      note: 'Crew scheduled.',
    });
  }
  if (closed) {
    request.status_notes = 'Case resolved.';
    request.closure = { closed_datetime: isoSeconds(updated), reason: 'Case Resolved' };
    activities.push({ datetime: isoSeconds(updated), type: 'closed' });
  }
  request.activities = activities;
  return request;
}

export function principal(rng: Random, index: number): Principal {
  const { first, last } = personName(rng);
  const employeeType = rng.pick([
    'employee',
    'employee',
    'employee',
    'contractor',
    'volunteer',
  ] as const);
  const authTime = BASE_TIME + rng.int(0, 300 * 86400) * 1000;
  const value: Principal = {
    sub: `u-${String(10000 + index)}`,
    name: `${first} ${last}`,
    email: `${first}.${last}@example.org`.toLowerCase(),
    department: rng.pick(DEPARTMENTS),
    roles: rng.chance(0.3) ? [rng.pick(ROLES), 'viewer'] : [rng.pick(ROLES)],
    clearance: rng.pick(['public', 'internal', 'internal', 'confidential', 'restricted'] as const),
    employeeType,
    auth: { acr: 'urn:cityofboston:acr:mfa', amr: ['pwd', 'otp'], authTime: isoSeconds(authTime) },
  };
  if (employeeType !== 'employee')
    value.accountExpiresAt = isoSeconds(authTime + 180 * 86400 * 1000);
  return value;
}

/** A UUIDv7 (RFC 9562 §5.7) for `ms`, its random bits from `rng`. */
export function uuidv7(rng: Random, ms: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const variant = (8 + rng.int(0, 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rng.hex(3)}-${variant}${rng.hex(3)}-${rng.hex(12)}`;
}

export function auditEventInput(rng: Random): AuditEventInput {
  const { first, last } = personName(rng);
  const action = rng.pick(ACTIONS);
  const outcome = rng.chance(0.9) ? 'success' : rng.pick(['failure', 'denied'] as const);
  const department = rng.pick(DEPARTMENTS);
  const input: AuditEventInput = {
    actor: {
      type: 'user',
      id: `u-${rng.int(10000, 19999)}`,
      name: `${first} ${last}`,
      department,
      roles: [rng.pick(ROLES)],
    },
    action,
    outcome,
    source: {
      ip: `${rng.pick(['198.51.100', '203.0.113', '192.0.2'])}.${rng.int(1, 254)}`,
      userAgent: rng.pick(USER_AGENTS),
    },
    app: { name: '311-case-desk', version: '1.4.2', department: 'DoIT' },
    traceId: rng.hex(32),
  };
  if (action.startsWith('case.') || action === 'share.export') {
    input.target = {
      type: 'ServiceRequest',
      id: String(101005000000 + rng.int(0, 999999)),
      classification: 'confidential',
    };
    input.purpose = 'case-management';
  }
  if (outcome !== 'success')
    input.reason = outcome === 'denied' ? 'clearance below record level' : 'timeout';
  return input;
}

export function auditEvent(rng: Random, index: number, startMs: number): AuditEvent {
  const ms = startMs + index * 1000 + rng.int(0, 999);
  const input = auditEventInput(rng);
  return { id: uuidv7(rng, ms), time: isoSeconds(ms), ...input };
}
