import { Select, TextField } from '@cityofboston/ui';
import { useEffect, useState } from 'react';
import { api } from './api';

/** The filter choices the API offers for the viewer's department. */
export interface Facets {
  services: { code: string; name: string }[];
  neighborhoods: string[];
}

/** The department's services and neighborhoods, for the filters' choices. */
export function useFacets(): Facets {
  const [facets, setFacets] = useState<Facets>({ services: [], neighborhoods: [] });
  useEffect(() => {
    api<Facets>('/api/facets')
      .then(setFacets)
      .catch(() => {});
  }, []);
  return facets;
}

/** The filters the cases list and the share page have in common. */
export const CASE_FILTERS = ['status', 'service', 'neighborhood', 'from', 'to'] as const;
export type CaseFilterValues = Partial<Record<(typeof CASE_FILTERS)[number], string>>;

/**
 * Status, service, neighborhood (as choices) and request dates: the same fields on the cases
 * list and the share page, so a share selects cases the way the list does.
 */
export function CaseFilterFields({
  values,
  onChange,
  facets,
}: {
  values: CaseFilterValues;
  onChange: (key: (typeof CASE_FILTERS)[number], value: string) => void;
  facets: Facets;
}) {
  const set = (k: (typeof CASE_FILTERS)[number]) => (event: { target: { value: string } }) =>
    onChange(k, event.target.value);
  return (
    <>
      <Select
        label="Status"
        value={values.status ?? ''}
        onChange={set('status')}
        placeholder="Any status"
        options={[
          { value: 'open', label: 'Open' },
          { value: 'closed', label: 'Closed' },
        ]}
      />
      <Select
        label="Service"
        value={values.service ?? ''}
        onChange={set('service')}
        placeholder="Any service"
        options={facets.services.map((s) => ({ value: s.code, label: s.name }))}
      />
      <Select
        label="Neighborhood"
        value={values.neighborhood ?? ''}
        onChange={set('neighborhood')}
        placeholder="Any neighborhood"
        options={facets.neighborhoods.map((n) => ({ value: n, label: n }))}
      />
      <TextField
        label="Requested from"
        hint="YYYY-MM-DD"
        value={values.from ?? ''}
        onChange={set('from')}
        width={10}
      />
      <TextField
        label="Requested to"
        hint="YYYY-MM-DD"
        value={values.to ?? ''}
        onChange={set('to')}
        width={10}
      />
    </>
  );
}
