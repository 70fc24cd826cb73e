import { createHmac } from 'node:crypto';
import { z } from 'zod';
import {
  type Classification,
  classified,
  type DeidentificationMethod,
  type FieldInfo,
  type FieldMeta,
  redact,
} from './schemas';

export type Treatment = 'keep' | DeidentificationMethod;

export interface FieldPlan {
  info: FieldInfo;
  treatment: Treatment;
  apply: (value: unknown) => unknown;
}

const DROP = Symbol('drop');

/** HMAC-SHA256 keyed per agreement: the same value joins within one agreement and not across. */
export function pseudonymizer(
  secret: string | Uint8Array,
  scope: string,
): (value: unknown) => string {
  const key = createHmac('sha256', secret).update(`city-audit/share-key/v1\u0000${scope}`).digest();
  return (value) =>
    createHmac('sha256', key)
      .update(typeof value === 'string' ? value : JSON.stringify(value))
      .digest('base64url');
}

/** The function that applies one treatment to one field's value. */
export function treatmentFn(
  meta: FieldMeta,
  treatment: Treatment,
  pseudonym: (value: unknown) => string,
) {
  if (treatment === 'keep') return (value: unknown) => value;
  if (treatment === 'drop') return () => DROP;
  if (treatment === 'pseudonymize' || treatment === 'hash') {
    return (value: unknown) => (value === null || value === undefined ? value : pseudonym(value));
  }
  // mask, generalize, truncate: the shared redact() rules, on a one-field schema.
  const leaf = classified(z.unknown(), {
    ...meta,
    classification: 'restricted',
    redact: treatment,
  });
  return (value: unknown) => {
    const out = redact(leaf, value, { clearance: 'public' as Classification });
    return out === undefined ? DROP : out;
  };
}

/**
 * Rebuilds a record keeping only the planned fields, each through its treatment. Paths follow
 * `fieldsOf`: `a.b`, `list[].x`, `map.*.y`; anything the plan does not name is left out.
 */
export function project(
  value: unknown,
  plans: ReadonlyMap<string, FieldPlan>,
  prefixes: ReadonlySet<string>,
): unknown {
  const walk = (v: unknown, path: string): unknown => {
    const plan = plans.get(path);
    if (plan) return plan.apply(v);
    if (!prefixes.has(path)) return DROP;
    if (Array.isArray(v)) {
      const items = v.map((item) => walk(item, `${path}[]`)).filter((x) => x !== DROP);
      return items;
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(v)) {
        const named = path ? `${path}.${key}` : key;
        const wildcard = path ? `${path}.*` : '*';
        const target = plans.has(named) || prefixes.has(named) ? named : wildcard;
        const r = walk(child, target);
        if (r !== DROP) out[key] = r;
      }
      return out;
    }
    return DROP;
  };
  const r = walk(value, '');
  return r === DROP ? {} : r;
}

/** Every ancestor path of the given field paths ('' for the root), so `project` knows where to descend. */
export function prefixesOf(paths: Iterable<string>): Set<string> {
  const out = new Set<string>(['']);
  for (const path of paths) {
    let i = 0;
    for (;;) {
      const dot = path.indexOf('.', i);
      const arr = path.indexOf('[]', i);
      const cut = [dot, arr].filter((x) => x >= 0).sort((a, b) => a - b)[0];
      if (cut === undefined) break;
      out.add(path.slice(0, cut));
      if (cut === arr) out.add(path.slice(0, cut + 2));
      i = cut + (cut === arr ? 2 : 1);
      if (cut === arr && path[i] === '.') i += 1;
    }
  }
  return out;
}
