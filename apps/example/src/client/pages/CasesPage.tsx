import type { ServiceRequest } from '@cityofboston/standards-schema';
import { Alert, Button, Spinner, TextField, useAnnounce } from '@cityofboston/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import { CaseFilterFields, useFacets } from '../CaseFilterFields';
import { CasesTable } from '../CasesTable';
import { navigate, useLocation } from '../router';

interface CasePage {
  total: number;
  /** More than 10,000 match: `total` is an estimate. */
  totalIsEstimate?: boolean;
  page: number;
  pageSize: number;
  records: Partial<ServiceRequest>[];
  contactRevealed: boolean;
  /** The fields the viewer's clearance hides, each with the server's reason. */
  hidden?: { path: string; reason: string }[];
  /** Where the pages before and after this one start (keyset). */
  cursors: { before?: string; after?: string };
}

const FILTERS = ['id', 'status', 'service', 'neighborhood', 'from', 'to'] as const;

/** The cases list with its filters; the filters live in the query string. */
export function CasesPage() {
  const location = useLocation();
  const query = location.searchParams;
  const facets = useFacets();
  const [data, setData] = useState<CasePage | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [form, setForm] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])),
  );
  const announce = useAnnounce();
  const search = location.search;

  useEffect(() => {
    let live = true;
    setError(undefined);
    api<CasePage>(`/api/cases${search}`)
      .then((result) => {
        if (!live) return;
        setData(result);
        announce(
          `${result.totalIsEstimate ? 'About ' : ''}${result.total.toLocaleString('en-US')} cases found`,
        );
      })
      .catch((e: unknown) => {
        if (!live) return;
        setError(
          e instanceof ApiError
            ? (e.problem.errors?.map((i) => `${i.path}: ${i.message}`).join('; ') ?? e.message)
            : 'The cases could not be loaded.',
        );
      });
    return () => {
      live = false;
    };
  }, [search, announce]);

  const reason = data?.hidden?.find((h) => h.path === 'contact.email')?.reason;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const k of FILTERS) if (form[k]) params.set(k, form[k] ?? '');
    for (const k of ['sort', 'pageSize']) {
      const v = query.get(k);
      if (v) params.set(k, v);
    }
    navigate(`/cases${params.size > 0 ? `?${params}` : ''}`);
  };
  /** The list with these filters and order, at `position` (page numbers, cursors or the end). */
  const listAt = (position: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const k of [...FILTERS, 'sort', 'pageSize'] as const) {
      const v = query.get(k);
      if (v) params.set(k, v);
    }
    for (const [k, v] of Object.entries(position)) params.set(k, v);
    navigate(`/cases?${params}`);
  };
  // Next and previous go by keyset from this page's first or last row, so they cost the same at
  // any depth; other pages (the first 400) by number.
  const goTo = (page: number, pageSize: number) => {
    const current = data?.page ?? 1;
    const size = String(pageSize);
    if (!data || pageSize !== data.pageSize || page === 1) listAt({ page: '1', pageSize: size });
    else if (page === current + 1 && data.cursors.after)
      listAt({ after: data.cursors.after, page: String(page), pageSize: size });
    else if (page === current - 1 && data.cursors.before)
      listAt({ before: data.cursors.before, page: String(page), pageSize: size });
    else listAt({ page: String(Math.min(page, 400)), pageSize: size });
  };
  const goToEnd = (end: 'first' | 'last') => listAt(end === 'first' ? {} : { last: 'true' });
  const sortBy = (sort: string | undefined) => {
    const params = new URLSearchParams();
    for (const k of [...FILTERS, 'pageSize'] as const) {
      const v = query.get(k);
      if (v) params.set(k, v);
    }
    if (sort) params.set('sort', sort);
    navigate(`/cases${params.size > 0 ? `?${params}` : ''}`);
  };
  const set = (k: string) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: event.target.value }));

  return (
    <div className="cd-stack">
      <h1>Cases</h1>
      {data && !data.contactRevealed ? (
        <Alert variant="info" title="Contact details are masked">
          Your clearance does not include constituents&apos; contact details
          {reason ? ` (${reason})` : ''}.
        </Alert>
      ) : null}
      <form onSubmit={apply} aria-label="Filter cases">
        <div className="cd-filters">
          <TextField
            label="Case number"
            hint="Or its first digits"
            value={form.id ?? ''}
            onChange={set('id')}
            inputMode="numeric"
            width={12}
          />
          <CaseFilterFields
            values={form}
            onChange={(k, v) => setForm((f) => ({ ...f, [k]: v }))}
            facets={facets}
          />
          <Button type="submit">Apply filters</Button>
        </div>
      </form>
      {error ? (
        <Alert variant="error" title="The filters are not valid" live="alert">
          {error}
        </Alert>
      ) : null}
      {data ? (
        <CasesTable
          records={data.records}
          total={data.total}
          totalIsEstimate={data.totalIsEstimate ?? false}
          page={data.page}
          pageSize={data.pageSize}
          sort={query.get('sort')}
          onPage={goTo}
          onEnd={goToEnd}
          onSort={sortBy}
        />
      ) : error ? null : (
        <Spinner label="Loading cases" />
      )}
    </div>
  );
}
