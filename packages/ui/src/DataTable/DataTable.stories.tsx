/// <reference types="vite/client" />

import { ServiceRequest } from '@cityofboston/standards-schema';
import { fakeMany } from '@cityofboston/standards-schema/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { z } from 'zod';
import { columnsFromSchema } from './columnsFromSchema.js';
import { DataTable } from './DataTable.js';
import type {
  DataTableExportEvent,
  DataTablePagination,
  DataTableProps,
  DataTableSort,
} from './DataTable.types.js';
import './DataTable.css';

// The record type, read off the schema (robust to how the type alias is re-exported).
type Req = z.output<typeof ServiceRequest>;

const base = fakeMany(ServiceRequest, { seed: 11, count: 1000 });
const requests = base.slice(0, 200);
const withEmail = requests.filter((r) => r.contact?.email);
const include = [
  'service_request_id',
  'status',
  'service_name',
  'neighborhood',
  'requested_datetime',
  'priority',
  'contact.email',
];
const headers = {
  service_request_id: 'Case',
  service_name: 'Service',
  requested_datetime: 'Opened',
  'contact.email': 'Reporter email',
};
const publicColumns = columnsFromSchema(ServiceRequest, {
  viewerClearance: 'public',
  include,
  headers,
});
const confidentialColumns = columnsFromSchema(ServiceRequest, {
  viewerClearance: 'confidential',
  include,
  headers,
});
const getRowId = (r: Req) => r.service_request_id;

// 100,000 rows: 1,000 seeded synthetic requests repeated with position-numbered ids, so a row's
// id tells which position it must have (generating 100,000 records takes seconds).
const HUNDRED_K = 100_000;
const big: Req[] = Array.from({ length: HUNDRED_K }, (_, i) => ({
  ...(base[i % base.length] as Req),
  service_request_id: `SR-${String(i + 1).padStart(6, '0')}`,
}));

/** The table for ServiceRequest rows (Storybook infers args from a concrete component). */
const RequestTable = DataTable<Req>;

/** Every row, virtualized: no pagination. */
function AllRows({ pageSize: _paged, ...args }: DataTableProps<Req>) {
  return <RequestTable {...args} />;
}

const status = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[role="status"][aria-live="polite"]') as HTMLElement;

const meta = {
  title: 'Data/DataTable',
  component: RequestTable,
  args: {
    caption: '311 requests',
    data: requests,
    columns: publicColumns,
    getRowId,
    pageSize: 25,
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '2.4.3', '2.4.7', '4.1.2', '4.1.3'] },
} satisfies Meta<typeof RequestTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A public viewer: confidential columns show "Redacted", and the values never reach the page. */
export const Default: Story = {};

/** Keyboard sort: Enter sorts, `aria-sort` follows, and the new order is announced. */
export const KeyboardSort: Story = {
  play: async ({ canvas, canvasElement }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('searchbox', { name: 'Search' })).toHaveFocus();
    const header = canvas.getByRole('columnheader', { name: /Status/ });
    within(header).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await waitFor(() =>
      expect(status(canvasElement)).toHaveTextContent('Sorted by Status ascending'),
    );
    // Focus stays on the sort button: the header is not re-rendered away.
    await expect(within(header).getByRole('button')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await waitFor(() =>
      expect(status(canvasElement)).toHaveTextContent('Sorted by Status descending'),
    );
    await expect(canvas.getAllByRole('row')[1]).toHaveTextContent('open');
  },
};

/** Typing a filter narrows the rows and, after a pause, announces the count. */
export const Filtering: Story = {
  args: { columns: publicColumns.map((c) => (c.id === 'status' ? { ...c, filterable: true } : c)) },
  play: async ({ canvas, canvasElement }) => {
    const closed = requests.filter((r) => r.status === 'closed').length;
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Status' }), 'closed');
    const count = `${closed} results`;
    await expect(canvas.getByText(count, { selector: 'p' })).toBeVisible();
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent(count), { timeout: 3000 });
    await expect(canvas.getAllByRole('row')).toHaveLength(Math.min(25, closed) + 1);
  },
};

const assign = fn();
/** Select rows with the keyboard and run a batch action on them. */
export const SelectionAndBatchAction: Story = {
  args: { selectable: true, batchActions: [{ label: 'Assign to crew', onAction: assign }] },
  play: async ({ canvas, canvasElement }) => {
    const grid = canvas.getByRole('grid', { name: '311 requests' });
    const first = requests[0]?.service_request_id ?? '';
    const second = requests[1]?.service_request_id ?? '';
    within(grid)
      .getByRole('checkbox', { name: `Select ${first}` })
      .focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{ArrowDown}');
    await expect(within(grid).getByRole('checkbox', { name: `Select ${second}` })).toHaveFocus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent('2 selected'));
    await expect(canvas.getAllByRole('row')[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Assign to crew' }));
    await expect(assign).toHaveBeenCalledWith([requests[0], requests[1]], [first, second]);
  },
};

/** Client pagination: Previous stays focusable at the start; rows keep their overall index. */
export const Paging: Story = {
  play: async ({ canvas }) => {
    const next = canvas.getByRole('button', { name: 'Next' });
    await userEvent.click(next);
    await expect(canvas.getByText('Page 2 of 8', { selector: 'span' })).toBeVisible();
    await expect(next).toHaveFocus();
    const firstRow = canvas.getAllByRole('row')[1];
    await expect(firstRow).toHaveAttribute('aria-rowindex', '27');
    await expect(firstRow).toHaveTextContent(requests[25]?.service_request_id ?? 'missing');
  },
};

/**
 * 100,000 rows, virtualized: only the rows in view are in the DOM, `aria-rowcount` counts all
 * of them and each row's `aria-rowindex` is its position, at the top and after scrolling to the end.
 */
export const HundredThousandRows: Story = {
  args: { data: big, height: '28rem' },
  render: (args) => <AllRows {...args} />,
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table', { name: '311 requests' });
    await expect(table).toHaveAttribute('aria-rowcount', String(HUNDRED_K + 1));
    const checkRows = () => {
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.length).toBeGreaterThan(5);
      expect(rows.length).toBeLessThan(40);
      for (const row of rows) {
        const id = within(row).getByRole('rowheader').textContent ?? '';
        const position = Number(id.replace(/\D/g, ''));
        expect(Number(row.getAttribute('aria-rowindex'))).toBe(position + 1);
      }
      return rows;
    };
    checkRows();
    const scroller = table.parentElement as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => {
      const rows = checkRows();
      expect(rows.at(-1)).toHaveAttribute('aria-rowindex', String(HUNDRED_K + 1));
    });
  },
};

/**
 * Sorting 100,000 rows from the keyboard keeps focus on the sort button and the scroll position,
 * and the rows in view carry their new positions.
 */
export const HundredThousandRowsSorted: Story = {
  args: { data: big, height: '20rem' },
  render: (args) => <AllRows {...args} />,
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table', { name: '311 requests' });
    const scroller = table.parentElement as HTMLElement;
    scroller.scrollTop = 48 * 5000;
    await waitFor(() =>
      expect(canvas.getAllByRole('row')[1]).not.toHaveAttribute('aria-rowindex', '2'),
    );
    const header = canvas.getByRole('columnheader', { name: /Case/ });
    const button = within(header).getByRole('button');
    button.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(button).toHaveFocus();
    await expect(scroller.scrollTop).toBe(48 * 5000);
    await waitFor(() => {
      for (const row of within(table).getAllByRole('row').slice(1)) {
        const id = within(row).getByRole('rowheader').textContent ?? '';
        // Descending: position p holds SR-(100001 - p).
        const position = Number(row.getAttribute('aria-rowindex')) - 1;
        expect(Number(id.replace(/\D/g, ''))).toBe(HUNDRED_K + 1 - position);
      }
    });
  },
};

/** The same data for a public viewer: not one reporter email is in the page's HTML. */
export const RedactedForPublicViewer: Story = {
  play: async ({ canvasElement, canvas }) => {
    await expect(withEmail.length).toBeGreaterThan(5);
    const html = canvasElement.ownerDocument.body.innerHTML;
    for (const r of withEmail) await expect(html).not.toContain(r.contact?.email);
    await expect(
      canvas.getAllByText(/your access level does not allow you to see this Reporter email/).length,
    ).toBe(25);
  },
};

/** A confidential viewer sees the reporter's email. */
export const ConfidentialViewer: Story = {
  args: { columns: confidentialColumns, viewerClearance: 'confidential' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(withEmail[0]?.contact?.email ?? 'missing')).toBeVisible();
  },
};

const openRow = fn();
/** Interactive rows make an ARIA grid: arrow keys move between cells, Enter opens a row. */
export const GridNavigation: Story = {
  args: { onRowOpen: openRow },
  play: async ({ canvas }) => {
    const grid = canvas.getByRole('grid', { name: '311 requests' });
    within(grid).getAllByRole('button')[0]?.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    const cell = document.activeElement as HTMLElement;
    await expect(cell).toHaveAttribute('role', 'gridcell');
    await expect(cell.closest('[role="row"]')).toHaveAttribute('aria-rowindex', '3');
    await userEvent.keyboard('{Enter}');
    await expect(openRow).toHaveBeenCalledWith(requests[1]);
    await userEvent.keyboard('{Home}');
    await expect(document.activeElement).toHaveAttribute('role', 'rowheader');
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await expect(document.activeElement?.tagName).toBe('BUTTON');
  },
};

/** Large data in a grid: Ctrl+End goes to the last row, scrolling it into the DOM. */
export const GridNavigationLarge: Story = {
  args: { data: big, height: '20rem', onRowOpen: fn() },
  render: (args) => <AllRows {...args} />,
  play: async ({ canvas }) => {
    const grid = canvas.getByRole('grid', { name: '311 requests' });
    within(grid).getAllByRole('button')[0]?.focus();
    await userEvent.keyboard('{ArrowDown}{Control>}{End}{/Control}');
    await waitFor(() =>
      expect((document.activeElement as HTMLElement).closest('[role="row"]')).toHaveAttribute(
        'aria-rowindex',
        String(HUNDRED_K + 1),
      ),
    );
  },
};

export const Loading: Story = { args: { data: [], loading: true } };
export const ErrorState: Story = {
  args: { data: [], error: 'The 311 service did not answer. Try again in a minute.' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The data could not be loaded');
  },
};
export const Empty: Story = { args: { data: [], emptyMessage: 'No open requests in this area.' } };

/** Density control and column menu. */
export const Compact: Story = { args: { density: 'compact', densityControl: true } };

/** In a narrow container each row is a stacked summary; it is still a table to screen readers. */
export const Stacked: Story = {
  decorators: [
    (Story) => (
      <div style={{ maxWidth: '22rem' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table', { name: '311 requests' });
    const cell = table.querySelector('tbody [data-label="Status"]') as HTMLElement;
    await expect(getComputedStyle(cell).display).toBe('grid');
    await expect(getComputedStyle(cell, '::before').content).toContain('Status');
    await expect(within(table).getAllByRole('columnheader').length).toBe(include.length);
  },
};

/** Right-to-left layout and Spanish strings come from the I18nProvider. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('searchbox', { name: 'Buscar' })).toBeVisible();
    await expect(canvas.getByText('Página 1 de 8', { selector: 'span' })).toBeVisible();
  },
};

const audit = fn((_event: DataTableExportEvent) => false as const);
/** CSV export of the filtered, redacted view; the app's hook audits it (and here cancels it). */
export const Export: Story = {
  args: { exportable: true, exportFileName: 'requests', onExport: audit },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search' }), 'closed');
    await userEvent.click(canvas.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(audit).toHaveBeenCalledTimes(1));
    const event = audit.mock.calls[0]?.[0];
    await expect(event?.redactedColumns).toEqual(['contact.email']);
    for (const r of withEmail) await expect(event?.csv).not.toContain(r.contact?.email);
  },
};

/** Server-driven: the app sorts and pages (here in memory) and passes one page and the total. */
function ServerTable() {
  const [sorting, setSorting] = useState<DataTableSort[]>([]);
  const [pagination, setPagination] = useState<DataTablePagination>({ pageIndex: 0, pageSize: 10 });
  const page = useMemo(() => {
    const sorted = [...requests];
    const key = sorting[0];
    if (key) {
      sorted.sort((a, b) => {
        const x = String((a as Record<string, unknown>)[key.id] ?? '');
        const y = String((b as Record<string, unknown>)[key.id] ?? '');
        return (x < y ? -1 : x > y ? 1 : 0) * (key.desc ? -1 : 1);
      });
    }
    const start = pagination.pageIndex * pagination.pageSize;
    return sorted.slice(start, start + pagination.pageSize);
  }, [sorting, pagination]);
  return (
    <RequestTable
      caption="311 requests (server)"
      data={page}
      columns={publicColumns}
      getRowId={getRowId}
      server={{ rowCount: requests.length }}
      sorting={sorting}
      onSortingChange={setSorting}
      pagination={pagination}
      onPaginationChange={setPagination}
      searchable={false}
    />
  );
}

export const ServerDriven: Story = {
  render: () => <ServerTable />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Page 1 of 20', { selector: 'span' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await expect(canvas.getByText('Page 2 of 20', { selector: 'span' })).toBeVisible();
    await expect(canvas.getAllByRole('row')[1]).toHaveAttribute('aria-rowindex', '12');
    const header = canvas.getByRole('columnheader', { name: /Case/ });
    await userEvent.click(within(header).getByRole('button'));
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
  },
};

/** Right to left: the columns mirror, and ArrowLeft moves to the next column. */
export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  args: { onRowOpen: fn() },
  play: async ({ canvas }) => {
    const grid = canvas.getByRole('grid', { name: '311 requests' });
    within(grid).getAllByRole('button')[0]?.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowLeft}');
    const cell = document.activeElement as HTMLElement;
    await expect(cell).toHaveAttribute('role', 'gridcell');
    await expect(cell).toHaveTextContent(requests[0]?.status ?? 'missing');
    await userEvent.keyboard('{ArrowRight}');
    await expect(document.activeElement).toHaveAttribute('role', 'rowheader');
  },
};

/**
 * Props a React Server Component can pass: `rowIdKey` instead of `getRowId`, named formats and
 * a link template instead of functions (see DataTable.server.test.tsx).
 */
export const ServerComponentProps: Story = {
  render: ({ getRowId: _functionsStayOnTheClient, ...args }) => (
    <RequestTable
      {...args}
      rowIdKey="service_request_id"
      columns={[
        {
          id: 'service_request_id',
          header: 'Request',
          rowHeader: true,
          href: '#request-{service_request_id}',
        },
        { id: 'service_name', header: 'Service' },
        { id: 'requested_datetime', header: 'Opened', format: 'date' },
        { id: 'status', header: 'Status' },
      ]}
    />
  ),
  play: async ({ canvas }) => {
    const first = requests[0] as Req;
    const link = canvas.getByRole('link', { name: first.service_request_id });
    await expect(link).toHaveAttribute(
      'href',
      `#request-${encodeURIComponent(first.service_request_id)}`,
    );
  },
};
