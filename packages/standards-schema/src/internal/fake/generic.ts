// A schema-driven generator for any zod schema this package exports: it reads the schema's
// kind, checks and formats, and uses the field name to stay plausible (a `lat` inside Boston, a
// `name` from the synthetic list). Records it cannot make valid raise UNSUPPORTED_SCHEMA.
import { z } from 'zod';
import { StandardsSchemaError } from '../../errors';
import type { Random } from './random';
import { BASE_TIME, bostonPoint, fictionalPhone, isoSeconds, personName, uuidv7 } from './records';
import { DEPARTMENTS, STREETS, WORDS } from './synthetic';

type AnySchema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;
type CheckDef = { check: string; [k: string]: unknown };

/** Generators for named primitives, looked up through a schema's clone chain. */
const named = new WeakMap<AnySchema, (rng: Random) => unknown>();

/** Registers a generator for a primitive schema (and every clone of it). */
export function registerFaker(schema: AnySchema, generate: (rng: Random) => unknown): void {
  named.set(schema, generate);
}

function namedFaker(schema: AnySchema): ((rng: Random) => unknown) | undefined {
  let current: AnySchema | undefined = schema;
  for (let depth = 0; current && depth < 32; depth++) {
    const found = named.get(current);
    if (found) return found;
    current = current._zod.parent;
  }
  return undefined;
}

function checksOf(def: Def): CheckDef[] {
  const checks = (def.checks ?? []) as unknown as { _zod: { def: CheckDef } }[];
  return checks.map((check) => check._zod.def);
}

interface Context {
  key: string;
  depth: number;
}

function words(rng: Random, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(rng.pick(WORDS));
  return out.join(' ');
}

function plausibleString(rng: Random, key: string): string | undefined {
  const k = key.toLowerCase();
  if (k === 'first_name' || k === 'given_name' || k === 'givenname' || k === 'firstname')
    return personName(rng).first;
  if (k === 'last_name' || k === 'family_name' || k === 'familyname' || k === 'lastname')
    return personName(rng).last;
  if (k === 'name' || k.endsWith('_name') || k.endsWith('name')) {
    const { first, last } = personName(rng);
    return k === 'name' ? `${first} ${last}` : `${words(rng, 2)}`;
  }
  if (k.includes('department') || k === 'provider' || k === 'recipient')
    return rng.pick(DEPARTMENTS);
  if (k.includes('street') || k === 'address' || k === 'address_1')
    return `${rng.int(1, 1999)} ${rng.pick(STREETS)}`;
  if (k === 'city' || k === 'locality') return 'Boston';
  if (k === 'state' || k === 'statename' || k === 'region' || k === 'state_province') return 'MA';
  if (k === 'country') return 'US';
  if (k.includes('description') || k.includes('note') || k === 'title') return words(rng, 5);
  return undefined;
}

function fromRegex(pattern: RegExp, rng: Random, key: string): string | undefined {
  // Try a handful of plausible shapes; the first that matches wins.
  const candidates = [
    plausibleString(rng, key),
    rng.pick(DEPARTMENTS),
    String(rng.int(1, 22)),
    `${rng.int(1, 22)}-${rng.int(1, 12)}`,
    String(rng.int(10000, 99999)).padStart(5, '0'),
    `0${rng.int(2108, 2137)}`,
    `${rng.pick(WORDS)}.${rng.pick(['view', 'update', 'create'])}`,
    rng.hex(32),
    rng.hex(64),
    'en',
    'en-US',
    'USD',
    'MA',
    'US',
    'mailto:open-data@example.org',
    'text/csv',
    isoSeconds(BASE_TIME + rng.int(0, 300) * 86_400_000).slice(0, 10),
    String(rng.int(1, 400)),
    String(rng.int(1000, 9999)),
    String(rng.int(0, 9_999_999_999)).padStart(10, '0'),
    `${rng.pick(WORDS)}-${rng.int(100, 999)}`,
    // DCAT-US federal codes: bureauCode, programCode, primaryITInvestmentUII
    `0${rng.int(10, 99)}:${rng.int(10, 99)}`,
    `0${rng.int(10, 99)}:${rng.int(100, 999)}`,
    `0${rng.int(10, 99)}-${String(rng.int(1, 999_999_999)).padStart(9, '0')}`,
    // ISO 8601 durations and intervals (DCAT-US modified, temporal, accrualPeriodicity)
    'P1Y',
    'R/P1D',
    '2010-01-01/2010-12-31',
    'R/2010-01-01/P1M',
    'P1Y/2010-12-31',
    'R/P1Y/2010-12-31',
  ];
  for (const candidate of candidates)
    if (candidate !== undefined && pattern.test(candidate)) return candidate;
  return undefined;
}

function genString(def: Def, rng: Random, ctx: Context): string {
  const checks = checksOf(def);
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  let pattern: RegExp | undefined;
  let format = def.format as string | undefined;
  for (const check of checks) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum as number);
    else if (check.check === 'max_length') max = Math.min(max, check.maximum as number);
    else if (check.check === 'length_equals') min = max = check.length as number;
    else if (check.check === 'string_format') {
      if (check.format === 'regex') pattern = check.pattern as RegExp;
      else format = check.format as string;
    }
  }
  const ms = BASE_TIME + rng.int(0, 300 * 86400) * 1000;
  let value: string | undefined;
  switch (format) {
    case 'email': {
      const { first, last } = personName(rng);
      value = `${first}.${last}${rng.int(1, 99)}@example.org`.toLowerCase();
      break;
    }
    case 'uuid':
    case 'guid':
      value = uuidv7(rng, ms);
      break;
    case 'datetime':
      value = isoSeconds(ms);
      break;
    case 'date':
      value = isoSeconds(ms).slice(0, 10);
      break;
    case 'time':
      value = isoSeconds(ms).slice(11, 19);
      break;
    case 'ipv4':
      value = `192.0.2.${rng.int(1, 254)}`;
      break;
    case 'ipv6':
      value = `2001:db8::${rng.hex(4)}`;
      break;
    case 'url':
      value = `https://example.org/${rng.pick(WORDS)}/${rng.int(1, 9999)}`;
      break;
    case 'e164':
      value = fictionalPhone(rng);
      break;
    case undefined:
    case 'regex':
      break;
    default:
      throw new StandardsSchemaError(
        'UNSUPPORTED_SCHEMA',
        `fake(): no generator for string format "${format}" at ${ctx.key || '(root)'}`,
      );
  }
  if (value === undefined && pattern) {
    value = fromRegex(pattern, rng, ctx.key);
    if (value === undefined) {
      throw new StandardsSchemaError(
        'UNSUPPORTED_SCHEMA',
        `fake(): cannot generate a string matching ${pattern} at ${ctx.key || '(root)'}`,
      );
    }
  }
  if (value === undefined) value = plausibleString(rng, ctx.key) ?? words(rng, 2);
  if (value.length < min) value = value.padEnd(min, 'x');
  if (value.length > max) value = value.slice(0, max);
  return value;
}

function genNumber(def: Def, rng: Random, ctx: Context): number {
  const k = ctx.key.toLowerCase();
  const point =
    k === 'lat' ||
    k === 'latitude' ||
    k === 'long' ||
    k === 'lon' ||
    k === 'longitude' ||
    k === 'lng';
  if (point) {
    const p = bostonPoint(rng);
    return k.startsWith('lat') ? p.lat : p.lon;
  }
  let min = 0;
  let max = 1000;
  let integer = def.format === 'safeint' || def.format === 'int32' || def.format === 'uint32';
  let multipleOf: number | undefined;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than')
      min = (check.value as number) + (check.inclusive ? 0 : integer ? 1 : 0.01);
    else if (check.check === 'less_than')
      max = (check.value as number) - (check.inclusive ? 0 : integer ? 1 : 0.01);
    else if (check.check === 'number_format' && String(check.format).includes('int'))
      integer = true;
    else if (check.check === 'multiple_of') multipleOf = check.value as number;
  }
  if (max < min) max = min + 1000;
  if (multipleOf) return Math.ceil(min / multipleOf) * multipleOf + multipleOf * rng.int(0, 3);
  if (integer) return rng.int(Math.ceil(min), Math.floor(Math.min(max, min + 1000)));
  return Math.round((min + rng.next() * Math.min(max - min, 1000)) * 100) / 100;
}

function gen(schema: AnySchema, rng: Random, ctx: Context): unknown {
  const def = schema._zod.def as Def;
  // A refined object or array (e.g. "rights is required unless public"): retry it locally, so a
  // catalog of many datasets does not need every dataset to come out right at once.
  if (
    (def.type === 'object' || def.type === 'array') &&
    Array.isArray(def.checks) &&
    def.checks.length > 0
  ) {
    let candidate: unknown;
    for (let attempt = 0; attempt < 20; attempt++) {
      candidate = genOnce(schema, def, rng, ctx);
      if (z.safeParse(schema, candidate).success) return candidate;
    }
    return candidate;
  }
  return genOnce(schema, def, rng, ctx);
}

function genOnce(schema: AnySchema, def: Def, rng: Random, ctx: Context): unknown {
  const custom = namedFaker(schema);
  if (custom) return custom(rng);
  switch (def.type) {
    case 'string':
      return genString(def, rng, ctx);
    case 'number':
      return genNumber(def, rng, ctx);
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'undefined':
    case 'void':
      return undefined;
    case 'any':
    case 'unknown':
      return words(rng, 1);
    case 'date':
      return new Date(BASE_TIME + rng.int(0, 300 * 86400) * 1000);
    case 'literal':
      return rng.pick(def.values as unknown[]);
    case 'enum':
      return rng.pick(Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return ctx.depth > 4 || rng.chance(0.3)
        ? undefined
        : gen(def.innerType as AnySchema, rng, ctx);
    case 'nullable':
      return rng.chance(0.1) ? null : gen(def.innerType as AnySchema, rng, ctx);
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return gen(def.innerType as AnySchema, rng, ctx);
    case 'pipe': {
      const out = def.out as AnySchema;
      const side = (out._zod.def as Def).type === 'transform' ? (def.in as AnySchema) : out;
      return gen(side, rng, ctx);
    }
    case 'lazy':
      if (ctx.depth > 6)
        throw new StandardsSchemaError(
          'UNSUPPORTED_SCHEMA',
          `fake(): recursion too deep at ${ctx.key}`,
        );
      return gen((def as unknown as { getter: () => AnySchema }).getter(), rng, {
        ...ctx,
        depth: ctx.depth + 1,
      });
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(def.shape as Record<string, AnySchema>)) {
        const value = gen(child, rng, { key, depth: ctx.depth + 1 });
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array': {
      let min = 1;
      let max = 3;
      for (const check of checksOf(def)) {
        if (check.check === 'min_length') min = Math.max(min, check.minimum as number);
        if (check.check === 'max_length') max = Math.min(max, check.maximum as number);
        if (check.check === 'length_equals') min = max = check.length as number;
      }
      if (max < min) max = min;
      const count = ctx.depth > 4 ? min : rng.int(min, max);
      const out: unknown[] = [];
      for (let i = 0; i < count; i++)
        out.push(gen(def.element as AnySchema, rng, { ...ctx, depth: ctx.depth + 1 }));
      return out;
    }
    case 'tuple':
      return (def.items as AnySchema[]).map((item) =>
        gen(item, rng, { ...ctx, depth: ctx.depth + 1 }),
      );
    case 'record': {
      const out: Record<string, unknown> = {};
      const count = rng.int(1, 2);
      for (let i = 0; i < count; i++) {
        const key = String(
          gen(def.keyType as AnySchema, rng, { key: 'key', depth: ctx.depth + 1 }),
        );
        out[key] = gen(def.valueType as AnySchema, rng, { key, depth: ctx.depth + 1 });
      }
      return out;
    }
    case 'union': {
      const options = def.options as AnySchema[];
      return gen(rng.pick(options), rng, ctx);
    }
    case 'intersection': {
      const left = gen(def.left as AnySchema, rng, ctx);
      const right = gen(def.right as AnySchema, rng, ctx);
      return typeof left === 'object' && typeof right === 'object' ? { ...left, ...right } : left;
    }
    default:
      throw new StandardsSchemaError(
        'UNSUPPORTED_SCHEMA',
        `fake(): no generator for a zod ${def.type} at ${ctx.key || '(root)'}`,
      );
  }
}

/** One valid record of `schema`: generated, then checked (retrying a few times for refinements). */
export function generic<S extends z.core.$ZodType>(schema: S, rng: Random): z.output<S> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = gen(schema, rng, { key: '', depth: 0 });
    const result = z.safeParse(schema, candidate);
    if (result.success) return result.data;
    lastError = result.error;
  }
  throw new StandardsSchemaError(
    'UNSUPPORTED_SCHEMA',
    `fake(): could not generate a valid record: ${(lastError as Error).message}`,
    { cause: lastError },
  );
}
