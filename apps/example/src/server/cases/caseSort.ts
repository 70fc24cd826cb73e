/**
 * The orders the cases list offers. Each sorts by one column, then by request time and case
 * number in the same direction, so a page boundary is one row-value comparison
 * `(key, requested_at, id) < (...)` that a btree index `(department, key, requested_at, id)`
 * answers in either direction (keyset paging at any depth).
 */
export const CASE_SORTS = ['requested', 'id', 'status', 'service', 'neighborhood'] as const;
/** A sortable column of the cases list. */
export type CaseSortKey = (typeof CASE_SORTS)[number];

/** A column and a direction; the default is newest first. */
export interface CaseSort {
  key: CaseSortKey;
  desc: boolean;
}

/** Newest first: the list's default order. */
export const NEWEST_FIRST: CaseSort = { key: 'requested', desc: true };

/**
 * The SQL expression each order compares (besides `requested_at, id`). Nullable columns are
 * compared as '' so a row without a value still has a place in the order. `undefined`: the order
 * has no key of its own (request time, or the case number alone).
 */
export const SORT_EXPRESSION: Record<CaseSortKey, string | undefined> = {
  requested: undefined,
  id: undefined,
  status: 'status',
  service: "coalesce(service_name, service_code, '')",
  neighborhood: "coalesce(neighborhood, '')",
};

/** Reads `sort=` (`requested`, `-requested`, `status`...; a leading `-` for descending). */
export function parseSort(value: string | undefined): CaseSort {
  if (!value) return NEWEST_FIRST;
  const desc = value.startsWith('-');
  return { key: (desc ? value.slice(1) : value) as CaseSortKey, desc };
}

/** The `sort=` value of an order. */
export const sortParam = (sort: CaseSort): string => `${sort.desc ? '-' : ''}${sort.key}`;
