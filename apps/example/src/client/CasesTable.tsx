import type { ServiceRequest } from '@cityofboston/standards-schema';
import {
  DataTable,
  type DataTableColumn,
  type DataTablePagination,
  type DataTableSort,
} from '@cityofboston/ui';
import { AppLink } from './router';

type CaseRow = Partial<ServiceRequest>;

/** Props of {@link CasesTable}. */
export interface CasesTableProps {
  /** The current page of cases, as the server sent it (contact details already masked). */
  records: CaseRow[];
  /** Cases matching the filters, across every page. */
  total: number;
  /** `total` is an estimate ("about N"). */
  totalIsEstimate?: boolean;
  /** One-based page number, as the API counts. */
  page: number;
  pageSize: number;
  /** Asks for another page (one-based) or page size; the server does the paging. */
  onPage(page: number, pageSize: number): void;
}

/** Page sizes the API accepts (it caps `pageSize` at 100). */
const PAGE_SIZES = [25, 50, 100] as const;

/** The server lists newest first and offers no other order; the table shows that order. */
const NEWEST_FIRST: readonly DataTableSort[] = [{ id: 'requested_datetime', desc: true }];

const dateFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'America/New_York',
});

function reporter(r: CaseRow): string {
  const c = r.contact;
  if (!c) return '—';
  const name = [c.first_name, c.last_name].filter(Boolean).join(' ');
  return [name, c.email, c.phone].filter(Boolean).join(', ') || '—';
}

// Columns are not sortable in the browser: the server decides the order (newest first). The
// reporter column shows what the server sent, which it has already masked for the viewer's
// clearance, so the table is not asked to redact it a second time.
const COLUMNS: readonly DataTableColumn<CaseRow>[] = [
  {
    id: 'service_request_id',
    header: 'Case',
    rowHeader: true,
    sortable: false,
    width: 'minmax(7rem, 0.8fr)',
    cell: (value) => <AppLink href={`/cases/${String(value)}`}>{String(value)}</AppLink>,
  },
  {
    id: 'service_name',
    header: 'Service',
    sortable: false,
    accessor: (r) => r.service_name ?? r.service_code ?? '',
  },
  { id: 'status', header: 'Status', sortable: false, width: 'minmax(6rem, 0.6fr)' },
  {
    id: 'neighborhood',
    header: 'Neighborhood',
    sortable: false,
    accessor: (r) => r.neighborhood ?? '—',
  },
  {
    id: 'requested_datetime',
    header: 'Requested',
    sortable: false,
    format: (value) => (typeof value === 'string' ? dateFormat.format(new Date(value)) : ''),
  },
  {
    id: 'reporter',
    header: 'Reporter',
    sortable: false,
    accessor: reporter,
    width: 'minmax(10rem, 1.5fr)',
  },
];

/**
 * The cases list: the kit's `DataTable` in server mode. The API pages (and filters) the 20,000
 * cases; the table gets one page, the total, and reports page changes back to the caller.
 */
export function CasesTable({
  records,
  total,
  totalIsEstimate = false,
  page,
  pageSize,
  onPage,
}: CasesTableProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  // Page numbers reach the first 400 pages; narrower filters find older cases.
  const reachable = Math.min(total, 400 * pageSize);
  const pagination: DataTablePagination = { pageIndex: page - 1, pageSize };
  return (
    <DataTable
      caption={`Service requests, newest first (${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${totalIsEstimate ? 'about ' : ''}${total.toLocaleString('en-US')})`}
      data={records}
      columns={COLUMNS}
      getRowId={(r, i) => r.service_request_id ?? `row-${i}`}
      getRowLabel={(r) => `Case ${r.service_request_id ?? ''}`}
      server={{ rowCount: reachable }}
      sorting={NEWEST_FIRST}
      pagination={pagination}
      onPaginationChange={(next) => onPage(next.pageIndex + 1, next.pageSize)}
      pageSizeOptions={
        (PAGE_SIZES as readonly number[]).includes(pageSize)
          ? PAGE_SIZES
          : [pageSize, ...PAGE_SIZES]
      }
      searchable={false}
      emptyMessage="No cases match these filters."
    />
  );
}
