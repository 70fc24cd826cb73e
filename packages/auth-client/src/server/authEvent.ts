/**
 * What the BFF reports through `onEvent`: an `AuditEventInput` from
 * `@cityofboston/standards-schema` (the audit log assigns `id`, `time` and `integrity`), so an
 * app passes it to audit-log as is, without this package depending on audit-log.
 */
export interface AuthEvent {
  actor: {
    type: 'user' | 'service' | 'system';
    id: string;
    name?: string;
    department?: string;
    roles?: string[];
  };
  action: 'auth.login' | 'auth.logout' | 'auth.refresh' | 'auth.denied' | 'auth.step_up';
  outcome: 'success' | 'failure' | 'denied';
  /** The `AuthErrorCode` when it failed or was denied. */
  reason?: string;
  target?: { type: string; id: string };
  source?: { ip?: string; userAgent?: string };
  app: { name: string; version?: string; department?: string };
  details?: Record<string, unknown>;
}

/** Receives {@link AuthEvent}s. A throwing or rejecting handler never breaks sign-in. */
export type AuthEventHandler = (event: AuthEvent) => void | Promise<void>;
