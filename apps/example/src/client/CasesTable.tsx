import type { ServiceRequest } from '@cityofboston/standards-schema';
import {
  Button,
  DataTable,
  type DataTableColumn,
  type DataTablePagination,
  type DataTableSort,
  Tag,
} from '@cityofboston/ui';
import { AppLink } from './router';

type CaseRow = Partial<ServiceRequest>;

/** The list's orders as the API names them (`sort=`), by the table's column id. */
export const SORT_KEYS: Readonly<Record<string, string>> = {
  service_request_id: 'id',
  service_name: 'service',
  status: 'status',
  neighborhood: 'neighborhood',
  requested_datetime: 'requested',
};
const COLUMN_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SORT_KEYS).map(([column, key]) => [key, column]),
);

/** The table's sort state for an API `sort=` value (default newest first). */
export function sortingOf(sort: string | null): DataTableSort[] {
  const value = sort || '-requested';
  const desc = value.startsWith('-');
  const id = COLUMN_OF[desc ? value.slice(1) : value] ?? 'requested_datetime';
  return [{ id, desc }];
}

/** The API `sort=` value for the table's sort state; `undefined` for the default order. */
export function sortParamOf(sorting: readonly DataTableSort[]): string | undefined {
  const first = sorting[0];
  const key = first ? SORT_KEYS[first.id] : undefined;
  if (!first || !key) return undefined;
  const value = `${first.desc ? '-' : ''}${key}`;
  return value === '-requested' ? undefined : value;
}

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
  /** The order, as the API's `sort=` value (`-requested` when absent). */
  sort: string | null;
  /** Asks for another page (one-based) or page size; the server does the paging. */
  onPage(page: number, pageSize: number): void;
  /** The first or the last page (the last by keyset, at any depth). */
  onEnd(end: 'first' | 'last'): void;
  /** Asks for another order (`undefined`: newest first); the server sorts. */
  onSort(sort: string | undefined): void;
}

/** Page sizes the API accepts (it caps `pageSize` at 100). */
const PAGE_SIZES = [25, 50, 100] as const;

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

/** A case's status as the kit's tag: the word says it, the colour only repeats it. */
export function StatusTag({ status }: { status: unknown }) {
  return status === 'closed' ? (
    <Tag variant="neutral">Closed</Tag>
  ) : status === 'open' ? (
    <Tag variant="info">Open</Tag>
  ) : (
    <Tag variant="neutral">{String(status ?? '—')}</Tag>
  );
}

// The server sorts: the table's sort buttons only ask for an order. The reporter column shows
// what the server sent, which it has already masked for the viewer's clearance, and is not
// sortable (an order by a masked value would reveal it).
const COLUMNS: readonly DataTableColumn<CaseRow>[] = [
  {
    id: 'service_request_id',
    header: 'Case',
    rowHeader: true,
    width: 'minmax(7rem, 0.8fr)',
    cell: (value) => <AppLink href={`/cases/${String(value)}`}>{String(value)}</AppLink>,
  },
  {
    id: 'service_name',
    header: 'Service',
    accessor: (r) => r.service_name ?? r.service_code ?? '',
  },
  {
    id: 'status',
    header: 'Status',
    width: 'minmax(6rem, 0.6fr)',
    format: (value) => (value === 'closed' ? 'Closed' : value === 'open' ? 'Open' : String(value)),
    cell: (value) => <StatusTag status={value} />,
  },
  {
    id: 'neighborhood',
    header: 'Neighborhood',
    accessor: (r) => r.neighborhood ?? '—',
  },
  {
    id: 'requested_datetime',
    header: 'Requested',
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
 * The cases list: the kit's `DataTable` in server mode. The API sorts, filters and pages (by
 * keyset, so the last page of 2.5 million cases costs what the first does); the table gets one
 * page and the total, and reports sort and page changes back to the caller.
 */
export function CasesTable({
  records,
  total,
  totalIsEstimate = false,
  page,
  pageSize,
  sort,
  onPage,
  onEnd,
  onSort,
}: CasesTableProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, (page - 1) * pageSize + records.length);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pagination: DataTablePagination = { pageIndex: page - 1, pageSize };
  const sorting = sortingOf(sort);
  const sortedBy = COLUMNS.find((c) => c.id === sorting[0]?.id)?.header ?? 'Requested';
  const order =
    sort === null || sort === '-requested'
      ? 'newest first'
      : `by ${sortedBy.toLowerCase()}, ${sorting[0]?.desc ? 'descending' : 'ascending'}`;
  const count = `${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${totalIsEstimate ? 'about ' : ''}${total.toLocaleString('en-US')}`;
  return (
    <div className="cd-stack">
      <DataTable
        caption={`Service requests, ${order} (${count})`}
        data={records}
        columns={COLUMNS}
        getRowId={(r, i) => r.service_request_id ?? `row-${i}`}
        getRowLabel={(r) => `Case ${r.service_request_id ?? ''}`}
        server={{ rowCount: total }}
        sorting={sorting}
        onSortingChange={(next) => onSort(sortParamOf(next))}
        multiSort={false}
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
      <nav aria-label="First and last pages" className="cd-actions">
        <Button
          variant="secondary"
          aria-disabled={page <= 1 || undefined}
          onClick={() => page > 1 && onEnd('first')}
        >
          First page
        </Button>
        <Button
          variant="secondary"
          aria-disabled={page >= pages || undefined}
          onClick={() => page < pages && onEnd('last')}
        >
          Last page
        </Button>
      </nav>
    </div>
  );
}
