// A compiled acceptance check for the bulk path (`validateMany`, the CLI). It is generated once
// per schema from the zod definition, as straight-line JavaScript (`new Function`, as ajv and
// zod's own `z.compile` do), and answers one question quickly: does zod accept this record, and
// what does it return? It never builds issues: for a record it does not accept it returns REJECT
// and the caller runs zod's own parser, so errors stay exactly zod's.
//
// Why not zod's `z.compile` alone: its generated code wraps every optional field in a closure and
// re-derives presence afterwards, which on a wide record such as ServiceRequest allocates more
// than it validates. This generator mirrors zod's runtime semantics node by node (the object
// JIT's rules for optional and defaulted keys, pipes, transforms, defaults) and runs every check
// through the check's own function, so formats, refinements and overwrites behave as zod's do.
// Any node it does not model (records, intersections, tuples, lazy, catch, codecs, coercion...)
// becomes an "island": that subtree is run by zod's runtime parser and only its result is used.
import { z } from 'zod';

/** What an acceptor returns for a record zod would not accept as it is. */
export const REJECT: unique symbol = Symbol('city.acceptor.reject');

/** The scratch payload the generated code hands to zod checks and transforms. */
export interface AcceptorPayload {
  value: unknown;
  issues: unknown[];
  /** Set by the normal-form check's root when it rejects: the rejected fields (normalForm.ts). */
  failing?: number[] | undefined;
}

/**
 * Returns zod's parsed output for `input`, or {@link REJECT}. `payload` is scratch space reused
 * across calls; its `issues` must be empty on entry (reset it after a REJECT or a throw). It may
 * throw (a user transform threw, or a check went async): treat that as REJECT and let zod's parser
 * reproduce the behaviour.
 */
export type Acceptor = ((input: unknown, payload: AcceptorPayload) => unknown) & {
  /** The generated source, for tests and debugging. */
  source: string;
  /** Nodes run by zod's runtime parser instead of generated code. */
  islands: number;
};

/** Thrown by generated code when a check or transform returns a promise (zod would throw). */
export const ASYNC: unique symbol = Symbol('city.acceptor.async');

type Node = z.core.$ZodType;
type AnyDef = z.core.$ZodTypeDef & Record<string, unknown>;
// `optin`/`optout` are internals zod computes lazily; the object rules below depend on them.
interface Internals {
  def: AnyDef;
  traits: Set<string>;
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  values?: Set<unknown>;
  check?: (payload: AcceptorPayload) => unknown;
  run: (payload: AcceptorPayload, ctx: { async: false }) => unknown;
}

export const internals = (schema: Node) => schema._zod as unknown as Internals;

/**
 * What zod's record returns, for string keys and values it does not check, when the input is a
 * plain object (Object.prototype) without symbol keys, `__proto__` or `constructor`: a shallow
 * copy of its own enumerable string keys (zod skips non-enumerable and inherited ones too).
 * REJECT for anything else (symbol keys, other prototypes), which zod's own parser then decides.
 */
export function copyPlainRecord(v: unknown): Record<string, unknown> | typeof REJECT {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) {
    return REJECT;
  }
  if (Object.getOwnPropertySymbols(v).length > 0) return REJECT;
  const keys = Object.keys(v);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key === '__proto__' || key === 'constructor') return REJECT;
    out[key] = (v as Record<string, unknown>)[key];
  }
  return out;
}

/** Generates the acceptor's functions; the normal-form generator (normalForm.ts) shares it. */
export class Generator {
  readonly constantNames: string[] = ['R', 'ASYNC'];
  readonly constantValues: unknown[] = [REJECT, ASYNC];
  readonly functions: string[] = [];
  readonly names = new Map<Node, string>();
  islands = 0;

  constant(value: unknown): string {
    const at = this.constantValues.indexOf(value);
    if (at >= 0) return this.constantNames[at] as string;
    const name = `k${this.constantNames.length}`;
    this.constantNames.push(name);
    this.constantValues.push(value);
    return name;
  }

  /** The name of the generated function for `schema`, `(v, P) => output | R`. */
  node(schema: Node): string {
    const known = this.names.get(schema);
    if (known) return known;
    const name = `n${this.names.size}`;
    // Registered before the body is generated, so a cycle would refer to itself; `compile`
    // refuses cyclic schemas before we get here (see acceptorOf), this is only a guard.
    this.names.set(schema, name);
    const body = this.body(schema);
    this.functions.push(`function ${name}(v, P) {\n${body}\n}`);
    return name;
  }

  island(schema: Node): string {
    this.islands++;
    const s = this.constant(schema._zod);
    return [
      `const r = ${s}.run({ value: v, issues: [] }, { async: false });`,
      'if (r instanceof Promise) throw ASYNC;',
      'return r.issues.length === 0 ? r.value : R;',
    ].join('\n');
  }

  private body(schema: Node): string {
    const zod = internals(schema);
    const def = zod.def;
    const traits = zod.traits;
    const has = (trait: string) => traits.has(trait);
    const lines: string[] = [];
    const d = () => this.constant(def);
    switch (def.type) {
      case 'string':
        if (!has('$ZodString') || def.coerce) return this.island(schema);
        lines.push(`if (typeof v !== 'string') return R;`, 'let o = v;');
        break;
      case 'number':
        if (!has('$ZodNumber') || def.coerce) return this.island(schema);
        lines.push(`if (typeof v !== 'number' || !Number.isFinite(v)) return R;`, 'let o = v;');
        break;
      case 'boolean':
        if (!has('$ZodBoolean') || def.coerce) return this.island(schema);
        lines.push(`if (typeof v !== 'boolean') return R;`, 'let o = v;');
        break;
      case 'null':
        lines.push('if (v !== null) return R;', 'let o = v;');
        break;
      case 'undefined':
        lines.push('if (v !== undefined) return R;', 'let o = v;');
        break;
      case 'any':
      case 'unknown':
        lines.push('let o = v;');
        break;
      case 'never':
        return 'return R;';
      case 'enum':
      case 'literal': {
        if (!(zod.values instanceof Set)) return this.island(schema);
        lines.push(`if (!${this.constant(zod.values)}.has(v)) return R;`, 'let o = v;');
        break;
      }
      case 'optional': {
        const inner = def.innerType as Node;
        if (has('$ZodExactOptional')) {
          lines.push(`let o = ${this.node(inner)}(v, P);`, 'if (o === R) return R;');
          break;
        }
        // A defaulted inner substitutes for undefined and swallows its own failure: not modelled.
        if (!has('$ZodOptional') || internals(inner).optin === 'defaulted')
          return this.island(schema);
        lines.push(
          'let o = undefined;',
          `if (v !== undefined) { o = ${this.node(inner)}(v, P); if (o === R) return R; }`,
        );
        break;
      }
      case 'nullable': {
        if (!has('$ZodNullable')) return this.island(schema);
        const inner = this.node(def.innerType as Node);
        lines.push(
          'let o = null;',
          `if (v !== null) { o = ${inner}(v, P); if (o === R) return R; }`,
        );
        break;
      }
      case 'default': {
        if (!has('$ZodDefault')) return this.island(schema);
        const inner = this.node(def.innerType as Node);
        lines.push(
          'let o;',
          `if (v === undefined) o = ${d()}.defaultValue;`,
          `else { o = ${inner}(v, P); if (o === R) return R; if (o === undefined) o = ${d()}.defaultValue; }`,
        );
        break;
      }
      case 'prefault': {
        if (!has('$ZodPrefault')) return this.island(schema);
        const inner = this.node(def.innerType as Node);
        lines.push(
          `let o = ${inner}(v === undefined ? ${d()}.defaultValue : v, P);`,
          'if (o === R) return R;',
        );
        break;
      }
      case 'nonoptional': {
        if (!has('$ZodNonOptional')) return this.island(schema);
        const inner = this.node(def.innerType as Node);
        lines.push(`let o = ${inner}(v, P);`, 'if (o === R || o === undefined) return R;');
        break;
      }
      case 'pipe': {
        if (!has('$ZodPipe') || has('$ZodCodec')) return this.island(schema);
        const left = this.node(def.in as Node);
        const right = this.node(def.out as Node);
        lines.push(
          `let o = ${left}(v, P);`,
          'if (o === R) return R;',
          `o = ${right}(o, P);`,
          'if (o === R) return R;',
        );
        break;
      }
      case 'transform': {
        if (!has('$ZodTransform')) return this.island(schema);
        lines.push(
          'P.value = v;',
          `let o = ${d()}.transform(v, P);`,
          'if (o instanceof Promise) throw ASYNC;',
          'if (P.issues.length !== 0) return R;',
        );
        break;
      }
      case 'array': {
        if (!has('$ZodArray')) return this.island(schema);
        const element = this.node(def.element as Node);
        lines.push(
          'if (!Array.isArray(v)) return R;',
          'const n = v.length;',
          'let o = Array(n);',
          `for (let i = 0; i < n; i++) { const e = ${element}(v[i], P); if (e === R) return R; o[i] = e; }`,
        );
        break;
      }
      case 'object': {
        const object = this.object(schema);
        if (object === undefined) return this.island(schema);
        lines.push(...object);
        break;
      }
      case 'union': {
        const options = def.options as Node[];
        // Exclusive and discriminated unions choose differently from "first option that passes".
        if (
          !has('$ZodUnion') ||
          has('$ZodXor') ||
          has('$ZodDiscriminatedUnion') ||
          def.inclusive === false
        )
          return this.island(schema);
        lines.push('let o;');
        // zod returns the first option that passes, in order; a failing option leaves its issues
        // in P, which the next option must not see.
        for (const option of options) {
          lines.push(
            `o = ${this.node(option)}(v, P);`,
            'if (o === R) P.issues.length = 0;',
            'else return o;',
          );
        }
        lines.push('return R;');
        // The checks of a union run on the chosen option's output; not modelled.
        if (this.checksOf(schema).length > 0) {
          lines.length = 0;
          return this.island(schema);
        }
        return lines.join('\n');
      }
      case 'record': {
        // Only `z.record(z.string(), z.unknown() | z.any())`: its output is a plain copy.
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
          return this.island(schema);
        lines.push(`let o = ${this.constant(copyPlainRecord)}(v);`, 'if (o === R) return R;');
        break;
      }
      default:
        return this.island(schema);
    }
    lines.push(...this.checks(schema), 'return o;');
    return lines.join('\n');
  }

  /** The object rules of zod's `$ZodObjectJIT`: strip (the default), strict and catchall objects. */
  private object(schema: Node): string[] | undefined {
    const zod = internals(schema);
    const def = zod.def as AnyDef & { shape: Record<string, Node>; catchall?: Node };
    if (!zod.traits.has('$ZodObject')) return undefined;
    const shape = def.shape;
    if (Object.getOwnPropertySymbols(shape).length > 0) return undefined;
    const keys = Object.keys(shape);
    if (keys.includes('__proto__')) return undefined;
    const catchall = def.catchall;
    const strict = catchall !== undefined && internals(catchall).def.type === 'never';
    const known = this.constant(new Set(keys));
    const lines = [`if (typeof v !== 'object' || v === null || Array.isArray(v)) return R;`];
    // A strict object rejects any key it does not declare, `__proto__` included.
    if (strict) lines.push(`for (const key in v) if (!${known}.has(key)) return R;`);
    lines.push('let o = {};', 'let t;');
    for (const key of keys) {
      const field = shape[key] as Node;
      const { optin, optout } = internals(field);
      const fn = this.node(field);
      const k = JSON.stringify(key);
      const run = `t = ${fn}(v[${k}], P);`;
      if (optin !== undefined && optout === 'optional') {
        if (optin === 'optional') {
          // An absent key contributes nothing, whatever the field would make of undefined.
          lines.push(`if (${k} in v) { ${run} if (t === R) return R; o[${k}] = t; }`);
        } else {
          // Absent and defaulted: the field's own failure is ignored, and undefined is not kept.
          lines.push(
            `if (${k} in v) { ${run} if (t === R) return R; o[${k}] = t; }`,
            `else { t = ${fn}(undefined, P); if (t === R) P.issues.length = 0; else if (t !== undefined) o[${k}] = t; }`,
          );
        }
      } else if (optin === undefined) {
        lines.push(`if (!(${k} in v)) return R;`, run, 'if (t === R) return R;', `o[${k}] = t;`);
      } else {
        lines.push(run, 'if (t === R) return R;');
        lines.push(
          optin === 'defaulted' ? `o[${k}] = t;` : `if (t !== undefined || ${k} in v) o[${k}] = t;`,
        );
      }
    }
    if (catchall !== undefined && !strict) {
      // Undeclared keys go through the catchall after the declared ones (zod's handleCatchall).
      // `for...in` only yields present keys, so every optin/optout rule comes down to "keep it";
      // an undeclared `__proto__` is never copied.
      const rest = this.node(catchall);
      lines.push(
        `for (const key in v) { if (${known}.has(key) || key === '__proto__') continue; t = ${rest}(v[key], P); if (t === R) return R; o[key] = t; }`,
      );
    }
    return lines;
  }

  checksOf(schema: Node): z.core.$ZodCheck[] {
    const zod = internals(schema);
    const own = (zod.def.checks ?? []) as z.core.$ZodCheck[];
    // A string format is its own first check (zod's $ZodType does the same).
    return zod.traits.has('$ZodCheck') ? [schema as unknown as z.core.$ZodCheck, ...own] : own;
  }

  /** Each check through its own function, in order, as zod's runChecks does on a clean payload. */
  private checks(schema: Node): string[] {
    const lines: string[] = [];
    for (const check of this.checksOf(schema)) {
      const c = this.constant(check._zod);
      const run = [
        `{ const r = ${c}.check(P);`,
        'if (r instanceof Promise) throw ASYNC;',
        'if (P.issues.length !== 0) return R;',
        'o = P.value; }',
      ].join(' ');
      lines.push('P.value = o;');
      lines.push(check._zod.def.when ? `if (${c}.def.when(P)) ${run}` : run);
    }
    return lines;
  }
}

const cache = new WeakMap<Node, Acceptor | null>();

/**
 * The acceptor for `schema`, generated on first use and cached; `undefined` where it would not
 * help (the whole schema would be an island) or cannot work (zod's jitless mode, `new Function`
 * refused, a cyclic schema).
 */
export function acceptorOf(schema: Node): Acceptor | undefined {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  const made = generate(schema);
  cache.set(schema, made ?? null);
  return made;
}

/**
 * Whether code may be generated for `schema`: jitless is how an app says `new Function` is not
 * allowed (a strict CSP); a cyclic schema (lazy, recursive getters) needs zod's memoizer to parse
 * cyclic input, and zod's compiler refuses it too (a throw here means "cannot tell"). For acyclic
 * schemas the memoizer takes itself out, so generated code matches zod's parse.
 */
export function canGenerate(schema: Node): boolean {
  if (z.core.globalConfig.jitless) return false;
  try {
    return !z.core.isRecursiveSchema(schema);
  } catch {
    return false;
  }
}

function generate(schema: Node): Acceptor | undefined {
  if (!canGenerate(schema)) return undefined;
  const generator = new Generator();
  const root = generator.node(schema);
  if (generator.islands > 0 && generator.names.size === 1) return undefined;
  const source = `${generator.functions.join('\n')}\nreturn ${root};`;
  let fn: (input: unknown, payload: AcceptorPayload) => unknown;
  try {
    fn = new Function(...generator.constantNames, source)(...generator.constantValues);
  } catch {
    return undefined;
  }
  return Object.assign(fn, { source, islands: generator.islands });
}
