import type { ServiceRequest } from '@cityofboston/standards-schema';
import { Alert, Button, Select, Spinner, TextField, useAnnounce } from '@cityofboston/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api';
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
}
interface Facets {
  services: { code: string; name: string }[];
  neighborhoods: string[];
}

const FILTERS = ['id', 'status', 'service', 'neighborhood', 'from', 'to'] as const;

/** The cases list with its filters; the filters live in the query string. */
export function CasesPage() {
  const location = useLocation();
  const query = location.searchParams;
  const [facets, setFacets] = useState<Facets>({ services: [], neighborhoods: [] });
  const [data, setData] = useState<CasePage | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [form, setForm] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])),
  );
  const announce = useAnnounce();
  const search = location.search;

  useEffect(() => {
    api<Facets>('/api/facets')
      .then(setFacets)
      .catch(() => {});
  }, []);

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

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const k of FILTERS) if (form[k]) params.set(k, form[k] ?? '');
    const pageSize = query.get('pageSize');
    if (pageSize) params.set('pageSize', pageSize);
    navigate(`/cases${params.size > 0 ? `?${params}` : ''}`);
  };
  const goTo = (page: number, pageSize: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(page));
    params.set('pageSize', String(pageSize));
    navigate(`/cases?${params}`);
  };
  const set = (k: string) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: event.target.value }));

  return (
    <div className="cd-stack">
      <h1>Cases</h1>
      {data && !data.contactRevealed ? (
        <Alert variant="info" title="Contact details are masked">
          Your clearance does not include constituents&apos; contact details.
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
          <Select
            label="Status"
            value={form.status ?? ''}
            onChange={set('status')}
            placeholder="Any status"
            options={[
              { value: 'open', label: 'Open' },
              { value: 'closed', label: 'Closed' },
            ]}
          />
          <Select
            label="Service"
            value={form.service ?? ''}
            onChange={set('service')}
            placeholder="Any service"
            options={facets.services.map((s) => ({ value: s.code, label: s.name }))}
          />
          <Select
            label="Neighborhood"
            value={form.neighborhood ?? ''}
            onChange={set('neighborhood')}
            placeholder="Any neighborhood"
            options={facets.neighborhoods.map((n) => ({ value: n, label: n }))}
          />
          <TextField
            label="Requested from"
            hint="YYYY-MM-DD"
            value={form.from ?? ''}
            onChange={set('from')}
            width={10}
          />
          <TextField
            label="Requested to"
            hint="YYYY-MM-DD"
            value={form.to ?? ''}
            onChange={set('to')}
            width={10}
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
          onPage={goTo}
        />
      ) : error ? null : (
        <Spinner label="Loading cases" />
      )}
    </div>
  );
}
