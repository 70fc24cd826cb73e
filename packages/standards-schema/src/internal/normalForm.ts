// The normal-form check of the bulk path (`validateMany`). Most records a City system reads are
// already in the form a schema's parse returns (ids as strings, no `null`, times with seconds):
// for them zod's output is a copy equal to the input, and building it (every normalizing
// transform, every nested object) is most of the cost of a bulk validation. This check answers,
// without allocating, "does zod accept this value and return a value equal to it?"; when it says
// yes, the value itself is the result. It is generated from the zod definition like the acceptor
// (acceptor.ts), node by node with zod's rules, and it may answer "no" for a value zod accepts
// (then the acceptor and zod's parser run as before); it never answers "yes" wrongly:
// - a transform counts only where it declares the values it leaves unchanged (fixedPoint.ts);
// - an object must hold no key the schema would strip, and a plain prototype; its own
//   enumerable keys are walked (symbol-keyed and non-enumerable properties, which no JSON or CSV
//   value has, are not looked at: zod would drop or check them);
// - a default, a prefault, an island (a node the acceptor does not model) answer "no";
// - a check must leave the value as it is (an overwrite such as trim answers "no");
// - a union is decided by the first option that accepts, as zod does: an earlier option that
//   accepts the value in another form makes the answer "no".
// At the root of an object schema the check also answers "rejected" when a field is (zod then
// rejects the record), so an invalid record goes straight to the field-by-field issues
// (fieldwiseIssues.ts), whose failing fields the same generated code locates (`failing`).
import type { z } from 'zod';
import {
  type AcceptorPayload,
  canGenerate,
  copyPlainRecord,
  Generator,
  internals,
  REJECT,
} from './acceptor';
import { fixedPointsOf } from './fixedPoint';

type Node = z.core.$ZodType;

/**
 * 1 when zod accepts `input` and returns a value equal to it (same keys, same values), -1 when
 * zod rejects it (a field of the object is rejected), 0 when it cannot tell.
 */
export type NormalFormCheck = ((input: unknown, payload: AcceptorPayload) => 1 | 0 | -1) & {
  source: string;
};

/** A plain object: Object.prototype or none (zod's output is a plain object). */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const isPlainRecord = (v: unknown) => copyPlainRecord(v) !== REJECT;

class NormalFormGenerator {
  readonly names = new Map<Node, string>();
  constructor(readonly acceptor: Generator) {}

  same(schema: Node): string {
    const known = this.names.get(schema);
    if (known) return known;
    const name = `s${this.names.size}`;
    this.names.set(schema, name);
    const body = this.body(schema);
    this.acceptor.functions.push(`function ${name}(v, P) {\n${body}\n}`);
    return name;
  }

  private body(schema: Node): string {
    const g = this.acceptor;
    const zod = internals(schema);
    const def = zod.def;
    const has = (trait: string) => zod.traits.has(trait);
    const lines: string[] = [];
    switch (def.type) {
      case 'string':
        if (!has('$ZodString') || def.coerce) return 'return false;';
        lines.push(`if (typeof v !== 'string') return false;`);
        break;
      case 'number':
        if (!has('$ZodNumber') || def.coerce) return 'return false;';
        lines.push(`if (typeof v !== 'number' || !Number.isFinite(v)) return false;`);
        break;
      case 'boolean':
        if (!has('$ZodBoolean') || def.coerce) return 'return false;';
        lines.push(`if (typeof v !== 'boolean') return false;`);
        break;
      case 'null':
        lines.push('if (v !== null) return false;');
        break;
      case 'undefined':
        lines.push('if (v !== undefined) return false;');
        break;
      case 'any':
      case 'unknown':
        break;
      case 'enum':
      case 'literal':
        if (!(zod.values instanceof Set)) return 'return false;';
        lines.push(`if (!${g.constant(zod.values)}.has(v)) return false;`);
        break;
      case 'optional': {
        const inner = def.innerType as Node;
        if (has('$ZodExactOptional')) {
          lines.push(`if (!${this.same(inner)}(v, P)) return false;`);
          break;
        }
        if (!has('$ZodOptional') || internals(inner).optin === 'defaulted') return 'return false;';
        lines.push(`if (v !== undefined && !${this.same(inner)}(v, P)) return false;`);
        break;
      }
      case 'nullable':
        if (!has('$ZodNullable')) return 'return false;';
        lines.push(`if (v !== null && !${this.same(def.innerType as Node)}(v, P)) return false;`);
        break;
      case 'default':
      case 'prefault':
      case 'nonoptional': {
        if (
          !has(
            def.type === 'default'
              ? '$ZodDefault'
              : def.type === 'prefault'
                ? '$ZodPrefault'
                : '$ZodNonOptional',
          )
        )
          return 'return false;';
        // undefined would be replaced (default, prefault) or rejected (nonoptional).
        lines.push(
          `if (v === undefined || !${this.same(def.innerType as Node)}(v, P)) return false;`,
        );
        break;
      }
      case 'pipe': {
        if (!has('$ZodPipe') || has('$ZodCodec')) return 'return false;';
        // The left side returns v unchanged, so the right side sees v.
        lines.push(
          `if (!${this.same(def.in as Node)}(v, P) || !${this.same(def.out as Node)}(v, P)) return false;`,
        );
        break;
      }
      case 'transform': {
        const fixed = has('$ZodTransform') ? fixedPointsOf(def.transform) : undefined;
        if (!fixed) return 'return false;';
        lines.push(`if (!${g.constant(fixed)}(v)) return false;`);
        break;
      }
      case 'array': {
        if (!has('$ZodArray')) return 'return false;';
        const element = this.same(def.element as Node);
        lines.push(
          'if (!Array.isArray(v)) return false;',
          `for (let i = 0; i < v.length; i++) if (!${element}(v[i], P)) return false;`,
        );
        break;
      }
      case 'object': {
        const object = this.object(schema);
        if (object === undefined) return 'return false;';
        lines.push(...object);
        break;
      }
      case 'union': {
        if (
          !has('$ZodUnion') ||
          has('$ZodXor') ||
          has('$ZodDiscriminatedUnion') ||
          def.inclusive === false ||
          g.checksOf(schema).length > 0
        )
          return 'return false;';
        for (const option of def.options as Node[]) {
          // This option accepts v in another form: zod returns that form. An object that lacks
          // one of the option's required keys cannot be accepted (zod reports the key), so the
          // acceptor need not run on it.
          const accepts = `${g.node(option)}(v, P) !== R`;
          const missing = this.requiredKeys(option).map((k) => `!(${JSON.stringify(k)} in v)`);
          lines.push(
            `if (${this.same(option)}(v, P)) return true;`,
            'if (P.issues.length !== 0) P.issues.length = 0;',
            missing.length > 0
              ? `if (!(typeof v === 'object' && v !== null && (${missing.join(' || ')})) && ${accepts}) return false;`
              : `if (${accepts}) return false;`,
            'if (P.issues.length !== 0) P.issues.length = 0;',
          );
        }
        lines.push('return false;');
        return lines.join('\n');
      }
      case 'record': {
        const key = internals(def.keyType as Node);
        const value = internals(def.valueType as Node);
        if (
          !has('$ZodRecord') ||
          key.def.type !== 'string' ||
          !key.traits.has('$ZodString') ||
          key.def.coerce ||
          (key.def.checks?.length ?? 0) > 0 ||
          (value.def.type !== 'unknown' && value.def.type !== 'any')
        )
          return 'return false;';
        lines.push(`if (!${g.constant(isPlainRecord)}(v)) return false;`);
        break;
      }
      default:
        return 'return false;';
    }
    lines.push(...this.checks(schema), 'return true;');
    return lines.join('\n');
  }

  /** The keys an object schema requires (neither optional nor defaulted); none for others. */
  private requiredKeys(schema: Node): string[] {
    const zod = internals(schema);
    if (!zod.traits.has('$ZodObject')) return [];
    const shape = (zod.def as unknown as { shape: Record<string, Node> }).shape;
    return Object.keys(shape).filter((key) => internals(shape[key] as Node).optin === undefined);
  }

  private object(schema: Node): string[] | undefined {
    const g = this.acceptor;
    const zod = internals(schema);
    const def = zod.def as unknown as { shape: Record<string, Node>; catchall?: Node };
    if (!zod.traits.has('$ZodObject')) return undefined;
    const shape = def.shape;
    if (Object.getOwnPropertySymbols(shape).length > 0) return undefined;
    const keys = Object.keys(shape);
    if (keys.includes('__proto__')) return undefined;
    const catchall = def.catchall;
    const strict = catchall !== undefined && internals(catchall).def.type === 'never';
    const known = g.constant(new Set(keys));
    const lines = [
      `if (typeof v !== 'object' || v === null || Array.isArray(v) || !${g.constant(isPlain)}(v)) return false;`,
      // Counts the declared keys present, to compare with all enumerable keys at the end: a key
      // the schema does not declare would be stripped (or rejected), so the value would differ.
    ];
    if (catchall !== undefined && !strict) {
      const rest = this.same(catchall);
      lines.push('let c = 0;');
      for (const key of keys) {
        const field = shape[key] as Node;
        const { optin, optout } = internals(field);
        const k = JSON.stringify(key);
        const check = `if (!${this.same(field)}(v[${k}], P)) return false;`;
        if (optin === 'optional' && optout === 'optional')
          lines.push(`if (${k} in v) { ${check} }`);
        else lines.push(`if (!(${k} in v)) return false;`, check);
      }
      lines.push(
        `for (const key in v) { if (${known}.has(key)) continue; if (key === '__proto__' || !${rest}(v[key], P)) return false; }`,
      );
      return lines;
    }
    // Walks the keys the record has: a key the schema does not declare would be stripped (or
    // rejected), so the value would differ; every required (or defaulted) key must be among them.
    let required = 0;
    lines.push('let r = 0;', 'for (const key in v) {', 'switch (key) {');
    for (const key of keys) {
      const field = shape[key] as Node;
      const { optin, optout } = internals(field);
      const k = JSON.stringify(key);
      const optional = optin === 'optional' && optout === 'optional';
      if (!optional) required++;
      lines.push(
        `case ${k}: ${optional ? '' : 'r++; '}if (!${this.same(field)}(v[${k}], P)) return false; break;`,
      );
    }
    lines.push('default: return false;', '}', '}', `if (r !== ${required}) return false;`);
    return lines;
  }

  /**
   * The root check: 1 when zod returns the value as it is (as `same`), -1 when a field of an
   * object zod rejects (so the record is invalid and its issues can be built at once), 0 when it
   * cannot tell (a field needs normalizing, an unknown key, not an object).
   */
  verdict(schema: Node): string {
    const g = this.acceptor;
    const zod = internals(schema);
    const def = zod.def as unknown as { shape?: Record<string, Node>; catchall?: Node };
    const lines: string[] = [];
    if (!zod.traits.has('$ZodObject') || def.catchall !== undefined || !def.shape) {
      lines.push(`return ${this.same(schema)}(v, P) ? 1 : 0;`);
    } else {
      const shape = def.shape;
      // Once a field is rejected the record is invalid: the walk goes on to collect every
      // rejected field (in `P.failing`, shape indexes in shape order) for the field-by-field
      // issues, instead of a second pass over the record.
      lines.push(
        `if (typeof v !== 'object' || v === null || Array.isArray(v) || !${g.constant(isPlain)}(v)) return 0;`,
        'let r = 0;',
        'let bad;',
        'for (const key in v) {',
        'switch (key) {',
      );
      let required = 0;
      const missing: string[] = [];
      Object.keys(shape).forEach((key, index) => {
        const field = shape[key] as Node;
        const { optin, optout } = internals(field);
        const k = JSON.stringify(key);
        const optional = optin === 'optional' && optout === 'optional';
        if (!optional) required++;
        if (optin === undefined) missing.push(`if (!(${k} in v)) (bad ??= []).push(${index});`);
        lines.push(
          `case ${k}: { ${optional ? '' : 'r++; '}const x = v[${k}];`,
          `if (!${this.same(field)}(x, P)) {`,
          'if (P.issues.length !== 0) P.issues.length = 0;',
          `const t = ${g.node(field)}(x, P);`,
          'if (P.issues.length !== 0) P.issues.length = 0;',
          `if (t === R) (bad ??= []).push(${index}); else if (bad === undefined) return 0; } break; }`,
        );
      });
      lines.push(
        'default: if (bad === undefined) return 0;',
        '}',
        '}',
        `if (bad === undefined && r === ${required}) {`,
      );
      for (const line of this.checks(schema))
        lines.push(line.replaceAll('return false', 'return 0'));
      lines.push(
        'return 1;',
        '}',
        // A missing key zod requires is rejected too; a missing defaulted one is filled in.
        ...missing,
        'if (bad === undefined) return 0;',
        'if (bad.length > 1) bad.sort((a, b) => a - b);',
        'P.failing = bad;',
        'return -1;',
      );
    }
    g.functions.push(`function verdict(v, P) {\n${lines.join('\n')}\n}`);
    return 'verdict';
  }

  /**
   * For an object schema: `(v, P) => number[] | undefined`, the indexes (in shape order) of the
   * fields zod may not accept as they are: present and rejected by both the normal-form check and
   * the acceptor, or absent and not optional (zod's object rules decide those). Undefined when
   * every field passes. `v` must be a plain object (own enumerable keys; see the root check).
   */
  failing(schema: Node): string | undefined {
    const g = this.acceptor;
    const zod = internals(schema);
    const def = zod.def as unknown as { shape: Record<string, Node>; catchall?: Node };
    if (!zod.traits.has('$ZodObject') || def.catchall !== undefined) return undefined;
    const keys = Object.keys(def.shape);
    // Walks the keys the record has (as the root check does), then, when a required key is
    // missing, finds which; the indexes are sorted into shape order, the order of zod's issues.
    const lines = ['let out;', 'let r = 0;', 'for (const key in v) {', 'switch (key) {'];
    const required: string[] = [];
    keys.forEach((key, index) => {
      const field = def.shape[key] as Node;
      const { optin, optout } = internals(field);
      const k = JSON.stringify(key);
      const optional = optin === 'optional' && optout === 'optional';
      if (!optional) required.push(`if (!(${k} in v)) out.push(${index});`);
      lines.push(
        `case ${k}: { ${optional ? '' : 'r++; '}const x = v[${k}];`,
        `if (!${this.same(field)}(x, P)) {`,
        'if (P.issues.length !== 0) P.issues.length = 0;',
        `const t = ${g.node(field)}(x, P);`,
        'if (P.issues.length !== 0) P.issues.length = 0;',
        `if (t === R) (out ??= []).push(${index}); } break; }`,
      );
    });
    lines.push('}', '}');
    lines.push(
      `if (r !== ${required.length}) { out ??= []; ${required.join(' ')} }`,
      // The record's key order is not the shape's: zod reports in the shape's order.
      'if (out !== undefined && out.length > 1) out.sort((a, b) => a - b);',
    );
    lines.push('return out;');
    const name = 'failingFields';
    g.functions.push(`function ${name}(v, P) {\n${lines.join('\n')}\n}`);
    return name;
  }

  /** Each check through its own function; it must pass and leave the value as it is. */
  private checks(schema: Node): string[] {
    const g = this.acceptor;
    const lines: string[] = [];
    for (const check of g.checksOf(schema)) {
      const inline = this.inline(check);
      if (inline) {
        lines.push(inline);
        continue;
      }
      const c = g.constant(check._zod);
      const run = [
        `{ const r = ${c}.check(P);`,
        'if (r instanceof Promise) throw ASYNC;',
        'if (P.issues.length !== 0 || P.value !== v) return false; }',
      ].join(' ');
      lines.push('P.value = v;');
      lines.push(check._zod.def.when ? `if (${c}.def.when(P)) ${run}` : run);
    }
    return lines;
  }

  /**
   * The few checks a bulk validation meets on every field, written out as zod's own check
   * functions decide them (zod's core, checks.js and $ZodCustom), so the hot path calls nothing:
   * a regex, a number bound, a refinement. Length checks pass here only where the UTF-16 length
   * already settles them (zod counts code points); otherwise zod's function decides.
   */
  private inline(check: z.core.$ZodCheck): string | undefined {
    const g = this.acceptor;
    const zod = check._zod as unknown as { traits?: Set<string>; def?: Record<string, unknown> };
    const def = zod.def;
    const traits = zod.traits;
    // `.check(fn)` makes a bare check without traits: zod's own function runs it.
    if (!def || !(traits instanceof Set) || def.when) return undefined;
    if (traits.has('$ZodCheckRegex') && def.pattern instanceof RegExp) {
      const re = g.constant(def.pattern);
      return `${re}.lastIndex = 0; if (!${re}.test(v)) return false;`;
    }
    if (traits.has('$ZodCheckLessThan') && typeof def.value === 'number')
      return `if (!(v ${def.inclusive ? '<=' : '<'} ${def.value})) return false;`;
    if (traits.has('$ZodCheckGreaterThan') && typeof def.value === 'number')
      return `if (!(v ${def.inclusive ? '>=' : '>'} ${def.value})) return false;`;
    if (traits.has('$ZodCustom') && typeof def.fn === 'function') {
      const fn = g.constant(def.fn);
      return `{ const r = ${fn}(v); if (r instanceof Promise) throw ASYNC; if (!r) return false; }`;
    }
    return undefined;
  }
}

const cache = new WeakMap<Node, NormalFormCheck | null>();

/**
 * The normal-form check for `schema`, generated on first use and cached; `undefined` where it
 * cannot work (zod's jitless mode, `new Function` refused, a cyclic schema) or would never say yes.
 */
export function normalFormOf(schema: Node): NormalFormCheck | undefined {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  const made = generate(schema);
  cache.set(schema, made ?? null);
  return made;
}

function generate(schema: Node): NormalFormCheck | undefined {
  if (!canGenerate(schema)) return undefined;
  const acceptor = new Generator();
  const generator = new NormalFormGenerator(acceptor);
  let root: string;
  try {
    root = generator.verdict(schema);
  } catch {
    return undefined;
  }
  const source = `${acceptor.functions.join('\n')}\nreturn ${root};`;
  let fn: (input: unknown, payload: AcceptorPayload) => 1 | 0 | -1;
  try {
    fn = new Function(...acceptor.constantNames, source)(...acceptor.constantValues);
  } catch {
    return undefined;
  }
  return Object.assign(fn, { source });
}

/** Indexes of the fields zod may not accept as they are (see NormalFormGenerator.failing). */
export type FailingFields = (input: object, payload: AcceptorPayload) => number[] | undefined;

const failingCache = new WeakMap<Node, FailingFields | null>();

/** The failing-fields locator of an object schema, or undefined (not an object, jitless...). */
export function failingFieldsOf(schema: Node): FailingFields | undefined {
  const cached = failingCache.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  let made: FailingFields | undefined;
  if (canGenerate(schema)) {
    try {
      const acceptor = new Generator();
      const root = new NormalFormGenerator(acceptor).failing(schema);
      if (root) {
        const source = `${acceptor.functions.join('\n')}\nreturn ${root};`;
        made = new Function(...acceptor.constantNames, source)(...acceptor.constantValues);
      }
    } catch {
      made = undefined;
    }
  }
  failingCache.set(schema, made ?? null);
  return made;
}
