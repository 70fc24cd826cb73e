import { ServiceRequest } from '@cityofboston/standards-schema';
import { fakeMany } from '@cityofboston/standards-schema/testing';
import type { Database, Queryable } from '../database';
import { type CaseSort, NEWEST_FIRST, SORT_EXPRESSION, sortParam } from './caseSort';

/** The filters of the cases list (all optional). */
export interface CaseFilter {
  status?: 'open' | 'closed' | undefined;
  service?: string | undefined;
  neighborhood?: string | undefined;
  /** Inclusive calendar date (YYYY-MM-DD, UTC). */
  from?: string | undefined;
  /** Inclusive calendar date (YYYY-MM-DD, UTC). */
  to?: string | undefined;
  /** A case id prefix. */
  id?: string | undefined;
  /** The owning department (need-to-know: a list is always scoped to one). */
  department?: string | undefined;
}

/** Where a page starts: a page number (small offsets), after or before a row, or the end. */
export type CasePosition =
  | { page: number }
  | { after: CaseCursor }
  | { before: CaseCursor }
  | { last: true };

/** A row's place in an order: its request time, id, and the value of the sorted column. */
export interface CaseCursor {
  at: string;
  id: string;
  /** The order the cursor was taken in (`sort=` form); a cursor is valid only in it. */
  sort?: string;
  /** The row's value of the sorted column (absent for the request-time and case-number orders). */
  key?: string;
}

/** Counting stops here; beyond it the total is the planner's estimate ("about N"). */
export const EXACT_COUNT_LIMIT = 10_000;
/** How long an estimated total ("about N") is reused for the same filter. */
const ESTIMATE_TTL_MS = 30_000;

/** One page of cases, in the requested order. */
export interface CasePage {
  total: number;
  /** `true` when `total` is an estimate (more than {@link EXACT_COUNT_LIMIT} match). */
  totalIsEstimate: boolean;
  page: number | undefined;
  pageSize: number;
  records: ServiceRequest[];
  /** Cursors of the first and last rows of this page, for the previous and next pages. */
  first: CaseCursor | undefined;
  last: CaseCursor | undefined;
}

/** The distinct values the filters offer. */
export interface CaseFacets {
  services: { code: string; name: string }[];
  neighborhoods: string[];
}

/** The seed's fixed value: the same synthetic records on every machine. */
export const SEED = 311;
/** How many distinct synthetic records are generated; larger seeds copy them in SQL. */
const BASE_SEED = 20_000;

/** Reads and writes service requests in the app's `cases` table (JSONB plus filter columns). */
export class CaseRepository {
  readonly #db: Database;
  readonly #t: string;

  constructor(db: Database, schema: string) {
    this.#db = db;
    this.#t = `"${schema}".cases`;
    this.schema = schema;
  }

  readonly schema: string;

  /** Creates the tables when missing. */
  async migrate(): Promise<void> {
    const s = `"${this.schema}"`;
    for (const sql of [
      `CREATE SCHEMA IF NOT EXISTS ${s}`,
      `CREATE TABLE IF NOT EXISTS ${this.#t} (
        id text PRIMARY KEY,
        status text NOT NULL,
        service_code text NOT NULL,
        service_name text,
        neighborhood text,
        requested_at timestamptz NOT NULL,
        contact_email text,
        record jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`,
      // The owning department, for need-to-know scoping (added after the first release).
      `ALTER TABLE ${this.#t} ADD COLUMN IF NOT EXISTS department text`,
      `UPDATE ${this.#t} SET department = coalesce(record->>'department', record->>'agency_responsible', 'PWD')
       WHERE department IS NULL`,
      // Every list is scoped to a department and ordered newest first; one index per filter
      // keeps a keyset page an index range scan at 2.5M rows.
      `DROP INDEX IF EXISTS "${this.schema}".cases_department_requested_idx`,
      `CREATE INDEX IF NOT EXISTS cases_dept_time_idx ON ${this.#t} (department, requested_at DESC, id DESC)`,
      // One direction throughout, so it serves both a status filter (newest first, read
      // backwards) and the status order in either direction (caseSort.ts).
      `DROP INDEX IF EXISTS "${this.schema}".cases_dept_status_time_idx`,
      `CREATE INDEX IF NOT EXISTS cases_dept_status_sort_idx ON ${this.#t} (department, status, requested_at, id)`,
      `CREATE INDEX IF NOT EXISTS cases_dept_service_time_idx ON ${this.#t} (department, service_code, requested_at DESC, id DESC)`,
      `CREATE INDEX IF NOT EXISTS cases_dept_status_service_time_idx ON ${this.#t} (department, status, service_code, requested_at DESC, id DESC)`,
      `CREATE INDEX IF NOT EXISTS cases_dept_hood_time_idx ON ${this.#t} (department, neighborhood, requested_at DESC, id DESC)`,
      `CREATE INDEX IF NOT EXISTS cases_contact_idx ON ${this.#t} (contact_email)`,
      // The sortable columns (caseSort.ts): one index per order, read forwards or backwards.
      `CREATE INDEX IF NOT EXISTS cases_dept_id_idx ON ${this.#t} (department, id)`,
      `CREATE INDEX IF NOT EXISTS cases_dept_service_name_sort_idx ON ${this.#t} (department, (coalesce(service_name, service_code, '')), requested_at, id)`,
      `CREATE INDEX IF NOT EXISTS cases_dept_hood_sort_idx ON ${this.#t} (department, (coalesce(neighborhood, '')), requested_at, id)`,
      `CREATE TABLE IF NOT EXISTS ${s}.settings (key text PRIMARY KEY, value text NOT NULL)`,
    ]) {
      await this.#db.query(sql);
    }
  }

  /** A stored setting, created with `make()` the first time (secrets that must survive restarts). */
  async setting(key: string, make: () => string): Promise<string> {
    await this.#db.query(
      `INSERT INTO "${this.schema}".settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
      [key, make()],
    );
    const { rows } = await this.#db.query<{ value: string }>(
      `SELECT value FROM "${this.schema}".settings WHERE key = $1`,
      [key],
    );
    return rows[0]?.value ?? '';
  }

  /** Seeds `count` synthetic requests into an empty table; returns how many it inserted. */
  async seed(count: number, onProgress?: (done: number) => void): Promise<number> {
    const { rows } = await this.#db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.#t}`,
    );
    if ((rows[0]?.n ?? 0) > 0 || count === 0) return 0;
    const records = fakeMany(ServiceRequest, { seed: SEED, count: Math.min(count, BASE_SEED) });
    const chunk = 2500;
    await this.#db.transaction(async (tx) => {
      for (let i = 0; i < records.length; i += chunk) {
        await this.#insert(tx, records.slice(i, i + chunk));
      }
    });
    if (count > records.length) await this.#replicate(records.length, count, onProgress);
    return count;
  }

  /**
   * Scale seeding (e.g. 2,500,000 cases, about a decade of Boston 311): copies the `base`
   * synthetic cases in SQL, each copy with new ids and its dates moved back 29 days per copy,
   * one statement per copy so progress shows and no transaction grows huge.
   */
  async #replicate(
    base: number,
    count: number,
    onProgress: ((done: number) => void) | undefined,
  ): Promise<void> {
    const copies = Math.ceil(count / base);
    // Synthetic ids have one length, so text order is numeric order and the range uses the key.
    const span = await this.#db.query<{ lo: string; hi: string }>(
      `SELECT min(id) AS lo, max(id) AS hi FROM ${this.#t}`,
    );
    const lo = span.rows[0]?.lo ?? '0';
    const hi = span.rows[0]?.hi ?? '0';
    const step = Number(BigInt(hi) - BigInt(lo) + 1n);
    for (let g = 1; g < copies; g++) {
      const rows = Math.min(base, count - g * base);
      await this.#db.query(
        `INSERT INTO ${this.#t} (id, status, service_code, service_name, neighborhood, requested_at, contact_email, record, department)
         SELECT n.id, c.status, c.service_code, c.service_name, c.neighborhood, n.at, c.contact_email,
                jsonb_set(jsonb_set(c.record, '{service_request_id}', to_jsonb(n.id)),
                          '{requested_datetime}', to_jsonb(to_char(n.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
                c.department
         FROM (SELECT * FROM ${this.#t} WHERE id BETWEEN $2 AND $3 ORDER BY id LIMIT ${rows}) c,
              LATERAL (SELECT (c.id::bigint + $1::bigint * $4::bigint)::text AS id,
                              c.requested_at - make_interval(days => 29 * $1::int) AS at) n
         ON CONFLICT (id) DO NOTHING`,
        [g, lo, hi, step],
      );
      onProgress?.(g * base + rows);
    }
  }

  async #insert(tx: Queryable, records: readonly ServiceRequest[]): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.#t} (id, status, service_code, service_name, neighborhood, requested_at, contact_email, record, department)
       SELECT r->>'service_request_id', r->>'status', r->>'service_code', r->>'service_name',
              r->>'neighborhood', (r->>'requested_datetime')::timestamptz,
              lower(r->'contact'->>'email'), r,
              coalesce(r->>'department', r->>'agency_responsible', 'PWD')
       FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(records)],
    );
  }

  #where(filter: CaseFilter): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      clauses.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.department) add('department = ?', filter.department);
    if (filter.status) add('status = ?', filter.status);
    if (filter.service) add('service_code = ?', filter.service);
    if (filter.neighborhood) add('neighborhood = ?', filter.neighborhood);
    if (filter.from) add('requested_at >= ?::date', filter.from);
    if (filter.to) add("requested_at < (?::date + interval '1 day')", filter.to);
    if (filter.id) add('id LIKE ?', `${filter.id.replace(/[%_\\]/g, '\\$&')}%`);
    return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /**
   * A page of cases matching `filter`, in `sort` order (default newest first). Pages after the
   * first few are read by keyset (`after`/`before` a row, or `last`), which costs the same at
   * any depth; page numbers use OFFSET and are for the first pages only.
   */
  async list(
    filter: CaseFilter,
    position: CasePosition,
    pageSize: number,
    sort: CaseSort = NEWEST_FIRST,
  ): Promise<CasePage> {
    const { sql, params } = this.#where(filter);
    const and = sql ? `${sql} AND` : 'WHERE';
    const expression = SORT_EXPRESSION[sort.key];
    // The columns compared, in order; ties are broken by time and id in the same direction.
    const columns =
      sort.key === 'id' ? ['id'] : [...(expression ? [expression] : []), 'requested_at', 'id'];
    const order = (desc: boolean) => columns.map((c) => `${c} ${desc ? 'DESC' : 'ASC'}`).join(', ');
    const p = [...params];
    const boundary = (cursor: CaseCursor, op: '<' | '>') => {
      const values: string[] = [];
      for (const c of columns) {
        if (c === 'id') p.push(cursor.id);
        else if (c === 'requested_at') p.push(cursor.at);
        else p.push(cursor.key ?? '');
        values.push(c === 'requested_at' ? `$${p.length}::timestamptz` : `$${p.length}`);
      }
      return `${and} (${columns.join(', ')}) ${op} (${values.join(', ')})`;
    };
    let query: string;
    let reverse = false;
    let counted: { total: number; totalIsEstimate: boolean } | undefined;
    if ('after' in position) {
      query = `${boundary(position.after, sort.desc ? '<' : '>')} ORDER BY ${order(sort.desc)} LIMIT ${pageSize}`;
    } else if ('before' in position) {
      query = `${boundary(position.before, sort.desc ? '>' : '<')} ORDER BY ${order(!sort.desc)} LIMIT ${pageSize}`;
      reverse = true;
    } else if ('last' in position) {
      // The last page holds what is left after the full pages (when the total is exact), so it
      // is the same page that "next" reaches from the one before it.
      counted = await this.#total(sql, params);
      const rest = counted.totalIsEstimate ? pageSize : counted.total % pageSize || pageSize;
      query = `${sql} ORDER BY ${order(!sort.desc)} LIMIT ${rest}`;
      reverse = true;
    } else {
      query = `${sql} ORDER BY ${order(sort.desc)} LIMIT ${pageSize} OFFSET ${(position.page - 1) * pageSize}`;
    }
    const [total, rows] = await Promise.all([
      counted ?? this.#total(sql, params),
      this.#db.query<{ record: ServiceRequest; at: string | Date; key: string | null }>(
        `SELECT record, requested_at AS at, ${expression ?? 'NULL::text'} AS key FROM ${this.#t} ${query}`,
        p,
      ),
    ]);
    const ordered = reverse ? [...rows.rows].reverse() : rows.rows;
    const cursorOf = (
      r: { record: ServiceRequest; at: string | Date; key: string | null } | undefined,
    ): CaseCursor | undefined =>
      r
        ? {
            at: new Date(r.at).toISOString(),
            id: r.record.service_request_id,
            sort: sortParam(sort),
            ...(expression ? { key: r.key ?? '' } : {}),
          }
        : undefined;
    return {
      ...total,
      page: 'page' in position ? position.page : undefined,
      pageSize,
      records: ordered.map((r) => r.record),
      first: cursorOf(ordered[0]),
      last: cursorOf(ordered[ordered.length - 1]),
    };
  }

  /**
   * Totals above EXACT_COUNT_LIMIT are estimates: kept for {@link ESTIMATE_TTL_MS} per filter, so
   * paging through a large list does not count (and plan) again on every page.
   */
  readonly #estimates = new Map<string, { at: number; total: number }>();

  /** An exact count up to EXACT_COUNT_LIMIT, else the planner's estimate. */
  async #total(
    sql: string,
    params: unknown[],
  ): Promise<{ total: number; totalIsEstimate: boolean }> {
    const cacheKey = `${sql}\u0000${JSON.stringify(params)}`;
    const cached = this.#estimates.get(cacheKey);
    if (cached && Date.now() - cached.at < ESTIMATE_TTL_MS) {
      return { total: cached.total, totalIsEstimate: true };
    }
    const result = await this.#count(sql, params);
    if (result.totalIsEstimate) {
      if (this.#estimates.size >= 1000) this.#estimates.clear();
      this.#estimates.set(cacheKey, { at: Date.now(), total: result.total });
    }
    return result;
  }

  async #count(
    sql: string,
    params: unknown[],
  ): Promise<{ total: number; totalIsEstimate: boolean }> {
    const { rows } = await this.#db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${this.#t} ${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) s`,
      params,
    );
    const n = rows[0]?.n ?? 0;
    if (n <= EXACT_COUNT_LIMIT) return { total: n, totalIsEstimate: false };
    const plan = await this.#db.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${this.#t} ${sql}`,
      params,
    );
    const raw = plan.rows[0]?.['QUERY PLAN'];
    const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      Plan?: { 'Plan Rows'?: number };
    }[];
    const estimate = Math.round(parsed[0]?.Plan?.['Plan Rows'] ?? n);
    return { total: Math.max(estimate, n), totalIsEstimate: true };
  }

  /** Every case matching `filter` up to `limit`, newest first (for shares). */
  async all(filter: CaseFilter, limit: number): Promise<ServiceRequest[]> {
    const { sql, params } = this.#where(filter);
    const { rows } = await this.#db.query<{ record: ServiceRequest }>(
      `SELECT record FROM ${this.#t} ${sql} ORDER BY requested_at DESC, id DESC LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => r.record);
  }

  /** How many cases match `filter`, counting up to `upTo + 1` (enough to say "more than"). */
  async count(filter: CaseFilter, upTo?: number): Promise<number> {
    const { sql, params } = this.#where(filter);
    const limit = upTo === undefined ? '' : `LIMIT ${Math.floor(upTo) + 1}`;
    const { rows } = await this.#db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${this.#t} ${sql} ${limit}) s`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  async get(
    id: string,
  ): Promise<{ record: ServiceRequest; version: number; department: string } | undefined> {
    const { rows } = await this.#db.query<{
      record: ServiceRequest;
      version: number;
      department: string;
    }>(`SELECT record, version, department FROM ${this.#t} WHERE id = $1`, [id]);
    return rows[0];
  }

  /**
   * Reads case `id` inside `tx` and locks its row until `tx` ends, so a concurrent change waits
   * and then reads what this one wrote (read, check and write in one transaction).
   */
  async lock(
    tx: Queryable,
    id: string,
  ): Promise<{ record: ServiceRequest; version: number; department: string } | undefined> {
    const { rows } = await tx.query<{
      record: ServiceRequest;
      version: number;
      department: string;
    }>(`SELECT record, version, department FROM ${this.#t} WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0];
  }

  /**
   * Ids of the cases of one reporter: case `who.caseId` and those with its email, or those
   * whose reporter has `who.email`, the phone number `who.phone` (last ten digits) or the name
   * `who.name` (case-insensitive). For the access report, which auditors run rarely.
   */
  async sameReporter(who: {
    caseId?: string | undefined;
    email?: string | undefined;
    phone?: string | undefined;
    name?: string | undefined;
  }): Promise<string[]> {
    const phone = who.phone?.replace(/\D/g, '').slice(-10);
    const name = who.name?.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    const { rows } = await this.#db.query<{ id: string }>(
      `SELECT id FROM ${this.#t}
       WHERE id = $1
          OR contact_email = (SELECT contact_email FROM ${this.#t} WHERE id = $1)
          OR contact_email = lower($2)
          OR ($3::text IS NOT NULL AND right(regexp_replace(record->'contact'->>'phone', '\\D', '', 'g'), 10) = $3)
          OR ($4::text IS NOT NULL AND lower(concat_ws(' ', record->'contact'->>'first_name', record->'contact'->>'last_name')) = $4)
       ORDER BY id`,
      [who.caseId ?? null, who.email ?? null, phone || null, name || null],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Replaces a case's record (already validated) inside `tx`, if its version is still `version`
   * (the row is locked by {@link lock}, so this is a second guard); returns the new version, or
   * `undefined` when the case changed meanwhile.
   */
  async save(tx: Queryable, record: ServiceRequest, version: number): Promise<number | undefined> {
    const { rows } = await tx.query<{ version: number }>(
      `UPDATE ${this.#t} SET status = $2, record = $3::jsonb, version = version + 1
       WHERE id = $1 AND version = $4 RETURNING version`,
      [record.service_request_id, record.status, JSON.stringify(record), version],
    );
    return rows[0]?.version;
  }

  /**
   * The filter choices within `department`'s cases. A skip scan (a recursive query that jumps
   * from one distinct value to the next along the department's filter indexes) reads one index
   * entry per distinct value, so it costs the same at 20,000 cases and at 2,500,000.
   */
  async facets(department: string): Promise<CaseFacets> {
    const skip = (column: 'service_code' | 'neighborhood') => `
      WITH RECURSIVE v(x) AS (
        (SELECT ${column} FROM ${this.#t} WHERE department = $1 AND ${column} IS NOT NULL ORDER BY ${column} LIMIT 1)
        UNION ALL
        SELECT (SELECT ${column} FROM ${this.#t} WHERE department = $1 AND ${column} > v.x ORDER BY ${column} LIMIT 1)
        FROM v WHERE v.x IS NOT NULL
      ) SELECT x FROM v WHERE x IS NOT NULL`;
    const [services, hoods] = await Promise.all([
      this.#db.query<{ code: string; name: string | null }>(
        `SELECT s.x AS code,
                (SELECT service_name FROM ${this.#t} c WHERE c.department = $1 AND c.service_code = s.x LIMIT 1) AS name
         FROM (${skip('service_code')}) s ORDER BY 2, 1`,
        [department],
      ),
      this.#db.query<{ n: string }>(`SELECT x AS n FROM (${skip('neighborhood')}) h ORDER BY 1`, [
        department,
      ]),
    ]);
    return {
      services: services.rows.map((r) => ({ code: r.code, name: r.name ?? r.code })),
      neighborhoods: hoods.rows.map((r) => r.n),
    };
  }
}
