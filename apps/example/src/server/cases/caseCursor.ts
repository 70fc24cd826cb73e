import { CaseDeskError } from '../CaseDeskError';
import type { CaseCursor } from './CaseRepository';

/** The opaque form of a row's place in the list, for `after=` and `before=`. */
export function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** Reads a cursor from the query string `param`; anything else is a 400 naming it. */
export function decodeCursor(value: string, param: string): CaseCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      typeof id === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(at) &&
      !Number.isNaN(Date.parse(at)) &&
      /^\d{1,20}$/.test(id)
    ) {
      return { at, id };
    }
  } catch {
    // fall through
  }
  throw new CaseDeskError('invalid_query', 'The query is not valid', {
    issues: [{ path: param, message: 'Expected a cursor from an earlier page' }],
  });
}
