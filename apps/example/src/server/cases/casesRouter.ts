import express, { type RequestHandler } from 'express';
import { CaseId, CaseQuery, CaseUpdate, ROLES } from '../../shared/schemas';
import { CaseDeskError } from '../CaseDeskError';
import type { ApiContext } from '../context';
import { handler, principalOf } from '../http/handler';
import { jsonBody } from '../http/jsonBody';
import { parseInput } from '../http/parseInput';
import type { CasePosition } from './CaseRepository';
import { CaseService, etagOf } from './CaseService';
import { decodeCursor } from './caseCursor';
import { parseSort, sortParam } from './caseSort';

/** Page numbers are read with OFFSET, so they reach the first pages only; cursors go deeper. */
const MAX_OFFSET_PAGE = 400;

/** The `:id` of a case route: a case number, or a 400 naming `id` (never a database error). */
function caseIdOf(value: unknown): string {
  const parsed = CaseId.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CaseDeskError('invalid_path', 'The case number in the address is not valid', {
    issues: [{ path: 'id', message: 'Expected the digits of a case number' }],
  });
}

/** The version an `If-Match` names (`"7"`); absent: no precondition. */
function ifMatchOf(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) {
    throw new CaseDeskError('invalid_header', 'If-Match must be an ETag of this API, such as "7"', {
      issues: [{ path: 'If-Match', message: 'Expected an ETag such as "7"' }],
    });
  }
  return Number(match[1]);
}

/** An `Idempotency-Key` (printable ASCII, at most 100 characters); absent: none. */
function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = header.trim().replace(/^"(.*)"$/, '$1');
  if (!/^[\x21-\x7e]{1,100}$/.test(key)) {
    throw new CaseDeskError(
      'invalid_header',
      'Idempotency-Key must be 1 to 100 visible characters',
      {
        issues: [
          { path: 'Idempotency-Key', message: 'Expected 1 to 100 visible ASCII characters' },
        ],
      },
    );
  }
  return key;
}

/** `/cases` and `/facets`: list, show and change service requests. */
export function casesRouter(ctx: ApiContext): express.Router {
  const service = new CaseService(ctx);
  const guard = (roles: readonly string[]) =>
    ctx.bff.requireAuth({ roles }).express as unknown as RequestHandler;
  const router = express.Router();
  // The filter choices change rarely and cost a scan of the department's cases: a minute's cache.
  const facetCache = new Map<string, { at: number; value: Promise<unknown> }>();
  const facets = (department: string) => {
    const hit = facetCache.get(department);
    if (hit && Date.now() - hit.at < 60_000) return hit.value;
    const value = ctx.cases.facets(department);
    facetCache.set(department, { at: Date.now(), value });
    value.catch(() => facetCache.delete(department));
    return value;
  };

  router.get(
    '/facets',
    guard(ROLES.readCases),
    handler(async (_req, res) => {
      res.json(await facets(principalOf(res).department));
    }),
  );

  router.get(
    '/cases',
    guard(ROLES.readCases),
    handler(async (req, res) => {
      const { page, pageSize, agreement, after, before, last, sort, ...filter } = parseInput(
        CaseQuery,
        req.query,
        'invalid_query',
      );
      const order = parseSort(sort);
      if (!after && !before && !last && page > MAX_OFFSET_PAGE) {
        throw new CaseDeskError('invalid_query', 'The query is not valid', {
          issues: [
            {
              path: 'page',
              message: `Page numbers reach page ${MAX_OFFSET_PAGE}; use the last page or narrower filters for older cases`,
            },
          ],
        });
      }
      const position: CasePosition = after
        ? { after: decodeCursor(after, 'after', sortParam(order)) }
        : before
          ? { before: decodeCursor(before, 'before', sortParam(order)) }
          : last
            ? { last: true }
            : { page };
      const result = await service.list(
        principalOf(res),
        filter,
        position,
        pageSize,
        agreement,
        order,
      );
      // With a cursor the position is the cursor; the page number the client sent is its label.
      res.json({
        ...result,
        sort: sortParam(order),
        page: last
          ? Math.max(1, Math.ceil(result.total / pageSize))
          : (result.page ?? (after || before ? page : undefined)),
      });
    }),
  );

  router.get(
    '/cases/:id',
    guard(ROLES.readCases),
    handler(async (req, res) => {
      const shown = await service.show(principalOf(res), caseIdOf(req.params.id));
      res.setHeader('etag', etagOf(shown.version));
      res.json(shown);
    }),
  );

  router.patch(
    '/cases/:id',
    guard(ROLES.updateCases),
    jsonBody,
    handler(async (req, res) => {
      const update = parseInput(CaseUpdate, req.body, 'invalid_body');
      const { status, body } = await service.update(
        principalOf(res),
        caseIdOf(req.params.id),
        update,
        {
          expected: ifMatchOf(req.get('if-match')),
          idempotencyKey: idempotencyKeyOf(req.get('idempotency-key')),
        },
      );
      res.setHeader('etag', etagOf(body.version));
      res.status(status).json(body);
    }),
  );
  return router;
}
