import { CaseDeskError } from '../CaseDeskError';
import type { CaseCursor } from './CaseRepository';

/** The opaque form of a row's place in the list, for `after=` and `before=`. */
export function encodeCursor(cursor: CaseCursor): string {
  const parts: string[] = [cursor.at, cursor.id];
  if (cursor.sort) parts.push(cursor.sort);
  if (cursor.key !== undefined) parts.push(cursor.key);
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/**
 * Reads a cursor from the query string `param`, taken in the order `sort` (`sort=` form);
 * anything else, or a cursor of another order, is a 400 naming it.
 */
export function decodeCursor(value: string, param: string, sort = '-requested'): CaseCursor {
  try {
    const [at, id, order = '-requested', key] = JSON.parse(
      Buffer.from(value, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof at === 'string' &&
      typeof id === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(at) &&
      !Number.isNaN(Date.parse(at)) &&
      /^\d{1,20}$/.test(id) &&
      order === sort &&
      (key === undefined || (typeof key === 'string' && key.length <= 200 && !key.includes('\0')))
    ) {
      return { at, id, sort: order, ...(key === undefined ? {} : { key }) };
    }
  } catch {
    // fall through
  }
  throw new CaseDeskError('invalid_query', 'The query is not valid', {
    issues: [{ path: param, message: 'Expected a cursor from an earlier page in the same order' }],
  });
}
