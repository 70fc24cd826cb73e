import type { AnyAuditEvent } from './internal/chain';

/** Attribute values OpenTelemetry accepts. */
export type OtelAttributeValue = string | number | boolean | string[];

/**
 * An OpenTelemetry log record, shaped for `logger.emit()` of `@opentelemetry/api-logs`
 * (timestamps in milliseconds since the epoch).
 */
export interface OtelLogRecord {
  timestamp: number;
  observedTimestamp: number;
  severityNumber: number;
  severityText: 'INFO' | 'WARN' | 'ERROR';
  eventName: string;
  body: string;
  attributes: Record<string, OtelAttributeValue>;
}

/**
 * Maps an audit event to an OpenTelemetry log record, using the semantic conventions where
 * they exist (`user.id`, `client.address`, `user_agent.original`, `service.name`) and
 * `city.audit.*` for the rest. Denied is WARN, failure is ERROR.
 *
 * @see https://opentelemetry.io/docs/specs/otel/logs/data-model/
 * @example
 * ```ts
 * logger.emit(toOtelLogRecord(event));
 * ```
 */
export function toOtelLogRecord(
  event: AnyAuditEvent,
  observedAt: number = Date.now(),
): OtelLogRecord {
  const a: Record<string, OtelAttributeValue> = {
    'event.name': event.action,
    'user.id': event.actor.id,
    'city.audit.id': event.id,
    'city.audit.actor.type': event.actor.type,
    'city.audit.outcome': event.outcome,
    'service.name': event.app.name,
  };
  const put = (key: string, value: OtelAttributeValue | undefined) => {
    if (value !== undefined) a[key] = value;
  };
  put('user.name', event.actor.name);
  put('user.roles', event.actor.roles);
  put('city.audit.actor.department', event.actor.department);
  put('service.version', event.app.version);
  put('city.audit.app.department', event.app.department);
  put('client.address', event.source?.ip);
  put('user_agent.original', event.source?.userAgent);
  put('city.audit.target.type', event.target?.type);
  put('city.audit.target.id', event.target?.id);
  put('city.audit.target.classification', event.target?.classification);
  put('city.audit.reason', event.reason);
  put('city.audit.purpose', event.purpose);
  put('city.audit.agreement_id', event.agreementId);
  put('city.audit.trace_id', event.traceId);
  put(
    'city.audit.details',
    event.details === undefined ? undefined : JSON.stringify(event.details),
  );
  put('city.audit.seq', event.integrity?.seq);
  put('city.audit.hash', event.integrity?.hash);
  const [severityNumber, severityText] =
    event.outcome === 'success'
      ? ([9, 'INFO'] as const)
      : event.outcome === 'denied'
        ? ([13, 'WARN'] as const)
        : ([17, 'ERROR'] as const);
  return {
    timestamp: Date.parse(event.time),
    observedTimestamp: observedAt,
    severityNumber,
    severityText,
    eventName: event.action,
    body: `${event.actor.id} ${event.action}${event.target ? ` ${event.target.type}/${event.target.id}` : ''}: ${event.outcome}`,
    attributes: a,
  };
}
