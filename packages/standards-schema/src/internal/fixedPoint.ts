// What a transform leaves unchanged. A transform is opaque to the bulk path's normal-form check
// (normalForm.ts): it cannot know whether `fn(v)` is `v`. A transform registered here says so
// itself, with a predicate that is true exactly for the values it returns unchanged (and without
// an issue). Unregistered transforms make the check answer "not known", never a wrong "yes".

type Transform = (...args: never[]) => unknown;

const predicates = new WeakMap<Transform, (value: unknown) => boolean>();

/**
 * Registers `fixed` as the values `fn` returns unchanged, without an issue, and returns `fn`.
 * `fixed(v)` must imply `fn(v) === v`; it may be false for some of them (it only loses speed).
 */
export function withFixedPoints<F extends Transform>(fn: F, fixed: (value: unknown) => boolean): F {
  predicates.set(fn, fixed);
  return fn;
}

/** The predicate registered for `fn`, if any. */
export function fixedPointsOf(fn: unknown): ((value: unknown) => boolean) | undefined {
  return typeof fn === 'function' ? predicates.get(fn as Transform) : undefined;
}
