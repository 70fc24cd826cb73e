import type { ServiceRequest } from '@cityofboston/standards-schema';
import { Button } from '@cityofboston/ui';
import { AppLink } from './router';

/** Props of {@link CasesTable}. */
export interface CasesTableProps {
  records: Partial<ServiceRequest>[];
  total: number;
  page: number;
  pageSize: number;
  onPage(page: number): void;
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'America/New_York',
});

function reporter(r: Partial<ServiceRequest>): string {
  const c = r.contact;
  if (!c) return '—';
  const name = [c.first_name, c.last_name].filter(Boolean).join(' ');
  return [name, c.email, c.phone].filter(Boolean).join(', ') || '—';
}

/**
 * The cases list, paginated on the server. It is the one place that knows how the list is
 * drawn: when `@cityofboston/ui` exports its `DataTable`, only this component changes.
 */
export function CasesTable({ records, total, page, pageSize, onPage }: CasesTableProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div>
      <table className="cd-table" aria-rowcount={total + 1}>
        <caption>
          Service requests, newest first ({first.toLocaleString('en-US')}–
          {last.toLocaleString('en-US')} of {total.toLocaleString('en-US')})
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Case</th>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Neighborhood</th>
            <th scope="col" aria-sort="descending">
              Requested
            </th>
            <th scope="col">Reporter</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => (
            <tr key={r.service_request_id} aria-rowindex={first + i + 1}>
              <th scope="row">
                <AppLink href={`/cases/${r.service_request_id}`}>{r.service_request_id}</AppLink>
              </th>
              <td>{r.service_name ?? r.service_code}</td>
              <td>{r.status}</td>
              <td>{r.neighborhood ?? '—'}</td>
              <td>
                {r.requested_datetime ? dateFormat.format(new Date(r.requested_datetime)) : ''}
              </td>
              <td>{reporter(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="cd-pager" aria-label="Pages of cases">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous page
        </Button>
        <span>
          Page {page} of {pages.toLocaleString('en-US')}
        </span>
        <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next page
        </Button>
      </nav>
    </div>
  );
}
