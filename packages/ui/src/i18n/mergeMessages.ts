/**
 * The groups' types intersected, keys and literal texts kept (a declaration file then spells
 * the catalogue out group by group, with no reference to this module).
 */
export type MergedMessages<T extends readonly object[]> = T extends readonly [
  infer Head,
  ...infer Rest extends readonly object[],
]
  ? Head & MergedMessages<Rest>
  : unknown;

/**
 * One catalogue from its groups (English is written one group per component, so a component
 * bundles only its own strings). Pure: a bundler drops the call when the whole catalogue is
 * unused. A key in two groups is a mistake the catalogue test catches (it counts the keys).
 */
export function mergeMessages<T extends readonly object[]>(...groups: T): MergedMessages<T> {
  return Object.assign({}, ...groups) as MergedMessages<T>;
}
