import { createMongoAbility, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { Classification, Principal } from '@cityofboston/standards-schema/core';
import { allows } from './internal/clearance';

/**
 * What a check is about: a record with its `type` (e.g. `ServiceRequest`) and, when known, its
 * owning `department` and `classification`; or only a type name for "any record of this type".
 */
export type Resource =
  | string
  | ({ type: string; department?: string; classification?: Classification } & Record<
      string,
      unknown
    >);

/** A rule as data, for policies kept in configuration. */
export interface PolicyRule {
  /** Principals with any of these roles get the rule; omit for everyone signed in. */
  roles?: readonly string[];
  /** Principals with at least this clearance get the rule. */
  clearance?: Classification;
  action: string | readonly string[];
  subject: string | readonly string[];
  /** `department`: only records whose `department` is the principal's (the usual scope). */
  scope?: 'department' | 'all';
  /** Extra CASL (MongoDB-style) conditions on the record. */
  conditions?: MongoQuery;
  /** Limits the rule to these fields. */
  fields?: readonly string[];
  /** `true` makes it a deny rule, which wins over allows. */
  deny?: boolean;
}

/** Adds a rule; `conditions` use CASL's MongoDB-style queries (`{ department: 'PWD' }`). */
export type RuleAdder = (
  action: string | readonly string[],
  subject: string | readonly string[],
  conditions?: MongoQuery,
  fields?: readonly string[],
) => void;

/** What a policy definition receives for one principal. */
export interface PolicyContext {
  principal: Principal;
  allow: RuleAdder;
  deny: RuleAdder;
  /** `{ department: principal.department }`, the condition that scopes a rule to the department. */
  ownDepartment: MongoQuery;
}

/**
 * An authorization policy: deny by default, allow rules per role, department and clearance.
 * Its functions are bound, so `const { can } = definePolicy(...)` gives the
 * `can(principal, action, resource)` that apps call.
 */
export interface Policy {
  /**
   * Whether `principal` may perform `action` on `resource` (and, if given, on `field`). Denied
   * when no rule allows it, when a deny rule matches, when the principal's account has expired,
   * and when the record's `classification` is above the principal's clearance.
   */
  can(principal: Principal, action: string, resource: Resource, field?: string): boolean;
  /** The CASL ability for `principal`, for `rulesToQuery` and other CASL tooling. */
  abilityFor(principal: Principal): MongoAbility;
}

function isExpired(principal: Principal, now: number): boolean {
  return principal.accountExpiresAt !== undefined && Date.parse(principal.accountExpiresAt) <= now;
}

/**
 * Defines who may do what, on CASL. Everything not allowed is denied; deny rules win. Whatever
 * the rules say, `can` also denies when the principal's account has expired (contractors) and
 * when a record's `classification` is above the principal's clearance.
 *
 * @example
 * ```ts
 * // policy.ts: one policy for the app, shared by the server and the React `Can` guard.
 * export const policy = definePolicy(({ principal, allow, ownDepartment }) => {
 *   allow('view', 'ServiceRequest', ownDepartment);
 *   if (principal.roles.includes('case.manager')) allow(['update', 'close'], 'ServiceRequest', ownDepartment);
 *   if (principal.roles.includes('auditor')) allow('view', ['ServiceRequest', 'AuditEvent']);
 * });
 * export const { can } = policy;
 *
 * // anywhere
 * can(principal, 'update', { type: 'ServiceRequest', department: 'PWD' });
 * ```
 *
 * The same as data: `definePolicy([{ roles: ['case.manager'], action: 'update', subject: 'ServiceRequest', scope: 'department' }])`.
 */
export function definePolicy(
  definition: ((context: PolicyContext) => void) | readonly PolicyRule[],
): Policy {
  const define =
    typeof definition === 'function'
      ? definition
      : (ctx: PolicyContext) => applyRules(definition, ctx);
  const cache = new WeakMap<Principal, MongoAbility>();

  const abilityFor = (principal: Principal): MongoAbility => {
    const cached = cache.get(principal);
    if (cached) return cached;
    const rules: Parameters<typeof createMongoAbility>[0] = [];
    const adder =
      (inverted: boolean): RuleAdder =>
      (action, subject, conditions, fields) => {
        rules.push({
          action: typeof action === 'string' ? action : [...action],
          subject: typeof subject === 'string' ? subject : [...subject],
          ...(conditions ? { conditions } : {}),
          ...(fields ? { fields: [...fields] } : {}),
          ...(inverted ? { inverted: true } : {}),
        } as never);
      };
    define({
      principal,
      allow: adder(false),
      deny: adder(true),
      ownDepartment: { department: principal.department },
    });
    const ability = createMongoAbility(rules, {
      detectSubjectType: (object) => (object as { type: string }).type,
    });
    cache.set(principal, ability);
    return ability;
  };

  // Plain closures, not methods: `const { can } = definePolicy(...)` must work without `this`.
  const can: Policy['can'] = (principal, action, resource, field) => {
    if (isExpired(principal, Date.now())) return false;
    if (
      typeof resource === 'object' &&
      resource.classification !== undefined &&
      !allows(principal.clearance, resource.classification)
    ) {
      return false;
    }
    return abilityFor(principal).can(action, resource as never, field as never);
  };
  return { abilityFor, can };
}

function applyRules(rules: readonly PolicyRule[], ctx: PolicyContext): void {
  const { principal } = ctx;
  for (const rule of rules) {
    if (rule.roles && !rule.roles.some((r) => principal.roles.includes(r))) continue;
    if (rule.clearance && !allows(principal.clearance, rule.clearance)) continue;
    const conditions: MongoQuery = {
      ...(rule.scope === 'department' ? ctx.ownDepartment : {}),
      ...rule.conditions,
    };
    const add = rule.deny ? ctx.deny : ctx.allow;
    add(
      rule.action,
      rule.subject,
      Object.keys(conditions).length > 0 ? conditions : undefined,
      rule.fields,
    );
  }
}
