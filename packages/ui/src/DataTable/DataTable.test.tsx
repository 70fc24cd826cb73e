import { ServiceRequest } from '@cityofboston/standards-schema';
import { fakeMany } from '@cityofboston/standards-schema/testing';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { columnsFromSchema } from './columnsFromSchema.js';
import { DataTable } from './DataTable.js';
import type { DataTableColumn, DataTableExportEvent } from './DataTable.types.js';

// The record type, read off the schema (robust to how the type alias is re-exported).
type Req = z.output<typeof ServiceRequest>;
// Few rows keep jsdom fast on a shared machine; the 100,000-row behaviour is tested in Chromium.
const rows = fakeMany(ServiceRequest, { seed: 7, count: 12 });
const withEmail = rows.filter((r) => r.contact?.email);
const include = ['service_request_id', 'status', 'service_name', 'neighborhood', 'contact.email'];
const columnsFor = (viewerClearance: 'public' | 'confidential') =>
  columnsFromSchema(ServiceRequest, {
    viewerClearance,
    include,
    headers: { service_request_id: 'Case', 'contact.email': 'Email' },
  });
const publicColumns = columnsFor('public');
const getRowId = (r: Req) => r.service_request_id;
const liveRegion = (container: HTMLElement) =>
  container.querySelector('[role="status"][aria-live="polite"]') as HTMLElement;

// Generous timeouts: five agents share two cores; nothing here asserts on time.
describe('DataTable', { timeout: 30_000 }, () => {
  it('renders a captioned table with aria-rowcount and aria-rowindex', () => {
    render(
      <DataTable caption="Requests" data={rows} columns={publicColumns} getRowId={getRowId} />,
    );
    const table = screen.getByRole('table', { name: 'Requests' });
    expect(table).toHaveAttribute('aria-rowcount', String(rows.length + 1));
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(rows.length);
    expect(bodyRows[4]).toHaveAttribute('aria-rowindex', '6');
    expect(within(table).getAllByRole('rowheader')[0]).toHaveTextContent(
      rows[0]?.service_request_id ?? 'missing',
    );
  });

  it('security: a field above the viewer clearance never reaches the HTML (client and server render)', () => {
    expect(withEmail.length).toBeGreaterThan(2);
    const { container } = render(
      <DataTable caption="Requests" data={rows} columns={publicColumns} getRowId={getRowId} />,
    );
    const html = container.innerHTML + document.body.innerHTML;
    const ssr = renderToString(
      <DataTable caption="Requests" data={rows} columns={publicColumns} getRowId={getRowId} />,
    );
    for (const r of withEmail) {
      expect(html).not.toContain(r.contact?.email);
      expect(ssr).not.toContain(r.contact?.email);
    }
    expect(
      screen.getAllByText(/your access level does not allow you to see this Email/).length,
    ).toBe(rows.length);
    // The same data for a confidential viewer shows the emails: the check above can fail.
    const cleared = renderToString(
      <DataTable
        caption="Requests"
        data={rows}
        columns={columnsFor('confidential')}
        getRowId={getRowId}
        viewerClearance="confidential"
      />,
    );
    expect(cleared).toContain(withEmail[0]?.contact?.email);
  });

  it('security: the table redacts a hand-written classified column even when the app forgets to', () => {
    const leaky: DataTableColumn<Req>[] = [
      { id: 'service_request_id', header: 'Case' },
      { id: 'contact.email', header: 'Email', classification: 'confidential' },
    ];
    const { container } = render(
      <DataTable
        caption="Requests"
        data={rows}
        columns={leaky}
        getRowId={getRowId}
        viewerClearance="internal"
      />,
    );
    expect(container.innerHTML).not.toContain(withEmail[0]?.contact?.email);
  });

  it('security: searching cannot probe a redacted column (no row-count side channel)', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <DataTable caption="Requests" data={rows} columns={publicColumns} getRowId={getRowId} />,
    );
    const email = withEmail[0]?.contact?.email ?? 'missing';
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), email);
    expect(screen.getByText('0 results')).toBeInTheDocument();
    expect(screen.getByText('No results')).toBeInTheDocument();
  });

  it('sorts from the keyboard, sets aria-sort and announces the order', async () => {
    const user = userEvent.setup({ delay: null });
    const { container } = render(
      <DataTable caption="Requests" data={rows} columns={publicColumns} getRowId={getRowId} />,
    );
    const header = screen.getByRole('columnheader', { name: /Case/ });
    expect(header).toHaveAttribute('aria-sort', 'none');
    within(header).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await waitFor(() =>
      expect(liveRegion(container)).toHaveTextContent('Sorted by Case ascending'),
    );
    const ids = screen.getAllByRole('rowheader').map((c) => c.textContent);
    const sorted = [...rows.map((r) => r.service_request_id)].sort();
    expect(ids.map((t) => t?.replace('Case', ''))).toEqual(sorted);
    await user.keyboard('{Enter}');
    expect(header).toHaveAttribute('aria-sort', 'descending');
    // Shift+Enter adds a second sort key; aria-sort stays on the primary column only.
    within(screen.getByRole('columnheader', { name: /Status/ }))
      .getByRole('button')
      .focus();
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await waitFor(() =>
      expect(liveRegion(container)).toHaveTextContent(
        'Sorted by Case descending, then Status ascending',
      ),
    );
    expect(screen.getByRole('columnheader', { name: /Status/ })).toHaveAttribute(
      'aria-sort',
      'none',
    );
  });

  it('filters and announces the result count', async () => {
    const user = userEvent.setup({ delay: null });
    const { container } = render(
      <DataTable caption="Requests" data={rows} columns={publicColumns} getRowId={getRowId} />,
    );
    const target = rows[3]?.neighborhood ?? 'missing';
    const expected = rows.filter((r) =>
      [r.service_request_id, r.status, r.service_name, r.neighborhood]
        .join('\u0000')
        .toLowerCase()
        .includes(target.toLowerCase()),
    ).length;
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), target);
    expect(screen.getAllByRole('row')).toHaveLength(expected + 1);
    const count = expected === 1 ? '1 result' : `${expected} results`;
    expect(screen.getByText(count)).toBeInTheDocument();
    await waitFor(() => expect(liveRegion(container)).toHaveTextContent(count), { timeout: 2000 });
  });

  it('filters by column', async () => {
    const user = userEvent.setup({ delay: null });
    const columns = publicColumns.map((c) => (c.id === 'status' ? { ...c, filterable: true } : c));
    render(<DataTable caption="Requests" data={rows} columns={columns} getRowId={getRowId} />);
    await user.type(screen.getByRole('searchbox', { name: 'Status' }), 'closed');
    const closed = rows.filter((r) => r.status === 'closed').length;
    expect(screen.getAllByRole('row')).toHaveLength(closed + 1);
  });

  it('selects rows and runs a batch action with them', async () => {
    const user = userEvent.setup({ delay: null });
    const onAction = vi.fn();
    render(
      <DataTable
        caption="Requests"
        data={rows}
        columns={publicColumns}
        getRowId={getRowId}
        selectable
        batchActions={[{ label: 'Assign', onAction }]}
      />,
    );
    expect(screen.getByRole('grid', { name: 'Requests' })).toHaveAttribute(
      'aria-multiselectable',
      'true',
    );
    const first = rows[0]?.service_request_id ?? '';
    const second = rows[1]?.service_request_id ?? '';
    await user.click(screen.getByRole('checkbox', { name: `Select ${first}` }));
    await user.click(screen.getByRole('checkbox', { name: `Select ${second}` }));
    expect(screen.getByRole('group', { name: 'Actions for selected rows' })).toHaveTextContent(
      '2 selected',
    );
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    expect(onAction).toHaveBeenCalledWith([rows[0], rows[1]], [first, second]);
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('button', { name: 'Assign' })).not.toBeInTheDocument();
  });

  it('renders a row again only when its own state changes (rows are memoised)', async () => {
    const user = userEvent.setup({ delay: null });
    const renders = new Map<string, number>();
    const columns = columnsFromSchema(ServiceRequest, {
      viewerClearance: 'public',
      include,
      headers: { service_request_id: 'Case' },
      overrides: {
        status: {
          cell: (value, row) => {
            renders.set(row.service_request_id, (renders.get(row.service_request_id) ?? 0) + 1);
            return String(value);
          },
        },
      },
    });
    render(
      <DataTable
        caption="Requests"
        data={rows}
        columns={columns}
        getRowId={getRowId}
        selectable
        batchActions={[{ label: 'Assign', onAction: () => {} }]}
      />,
    );
    expect([...renders.values()]).toEqual(rows.map(() => 1));
    const first = rows[0]?.service_request_id ?? '';
    // Clicking a row's checkbox moves the grid's tab stop to it and selects it: the table
    // re-renders (batch bar, count) but, of the body, only that row.
    await user.click(screen.getByRole('checkbox', { name: `Select ${first}` }));
    expect(screen.getByRole('row', { selected: true })).toHaveAttribute('data-cob-row-id', first);
    expect(renders.get(first)).toBeGreaterThan(1);
    expect(rows.slice(1).map((r) => renders.get(r.service_request_id))).toEqual(
      rows.slice(1).map(() => 1),
    );
    // Moving the grid's tab stop re-renders the row it leaves and the row it enters, and the
    // tab stop stays single.
    const second = rows[1]?.service_request_id ?? '';
    await user.keyboard('{ArrowDown}');
    const focused = document.activeElement as HTMLElement;
    expect(focused.closest('tr')).toHaveAttribute('data-cob-row-id', second);
    expect(screen.getByRole('grid').querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(renders.get(second)).toBe(2);
    expect(rows.slice(2).map((r) => renders.get(r.service_request_id))).toEqual(
      rows.slice(2).map(() => 1),
    );
  });

  it('pages on the client with correct aria-rowindex on later pages', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <DataTable
        caption="Requests"
        data={rows}
        columns={publicColumns}
        getRowId={getRowId}
        pageSize={5}
      />,
    );
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    const previous = screen.getByRole('button', { name: 'Previous' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Page 2 of 3', { selector: '.cob-datatable__page' })).toBeVisible();
    const bodyRows = screen.getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(5);
    expect(bodyRows[0]).toHaveAttribute('aria-rowindex', '7');
    expect(bodyRows[0]).toHaveTextContent(rows[5]?.service_request_id ?? 'missing');
  });

  it('server mode: shows the given page and reports sort and page changes to the app', async () => {
    const user = userEvent.setup({ delay: null });
    const onSortingChange = vi.fn();
    const onPaginationChange = vi.fn();
    render(
      <DataTable
        caption="Requests"
        data={rows.slice(0, 10)}
        columns={publicColumns}
        getRowId={getRowId}
        server={{ rowCount: 1000 }}
        sorting={[]}
        onSortingChange={onSortingChange}
        pagination={{ pageIndex: 3, pageSize: 10 }}
        onPaginationChange={onPaginationChange}
      />,
    );
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '1001');
    expect(screen.getAllByRole('row')[1]).toHaveAttribute('aria-rowindex', '32');
    expect(screen.getByText('Page 4 of 100')).toBeInTheDocument();
    await user.click(
      within(screen.getByRole('columnheader', { name: /Status/ })).getByRole('button'),
    );
    expect(onSortingChange).toHaveBeenCalledWith([{ id: 'status', desc: false }]);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(onPaginationChange).toHaveBeenCalledWith({ pageIndex: 4, pageSize: 10 });
  });

  it('grid mode: arrow keys move focus, Enter opens the row', async () => {
    const user = userEvent.setup({ delay: null });
    const onRowOpen = vi.fn();
    render(
      <DataTable
        caption="Requests"
        data={rows}
        columns={publicColumns}
        getRowId={getRowId}
        onRowOpen={onRowOpen}
      />,
    );
    const grid = screen.getByRole('grid', { name: 'Requests' });
    const sortButtons = within(grid).getAllByRole('button');
    expect(sortButtons[0]).toHaveAttribute('tabindex', '0');
    expect(sortButtons[1]).toHaveAttribute('tabindex', '-1');
    sortButtons[0]?.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    const focused = document.activeElement as HTMLElement;
    expect(focused.closest('tr')).toHaveAttribute('aria-rowindex', '3');
    expect(focused).toHaveTextContent(rows[1]?.status ?? 'missing');
    await user.keyboard('{Enter}');
    expect(onRowOpen).toHaveBeenCalledWith(rows[1]);
    await user.keyboard('{Control>}{End}{/Control}');
    expect((document.activeElement as HTMLElement).closest('tr')).toHaveAttribute(
      'aria-rowindex',
      String(rows.length + 1),
    );
  });

  it('hides and shows columns from the Columns menu', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <DataTable caption="Requests" data={rows} columns={publicColumns} getRowId={getRowId} />,
    );
    await user.click(screen.getByText('Columns', { selector: 'summary' }));
    await user.click(screen.getByRole('checkbox', { name: 'Neighborhood' }));
    expect(screen.queryByRole('columnheader', { name: /Neighborhood/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Neighborhood' }));
    expect(screen.getByRole('columnheader', { name: /Neighborhood/ })).toBeInTheDocument();
  });

  it('exports what the viewer sees, redacted, through the audit hook (which can cancel)', async () => {
    const user = userEvent.setup({ delay: null });
    const events: DataTableExportEvent[] = [];
    render(
      <DataTable
        caption="Requests"
        data={rows}
        columns={publicColumns}
        getRowId={getRowId}
        exportable
        exportFileName="requests"
        onExport={(event) => {
          events.push(event);
          return false;
        }}
      />,
    );
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'closed');
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(events).toHaveLength(1));
    const event = events[0];
    const closed = rows.filter((r) => r.status === 'closed').length;
    expect(event).toMatchObject({ fileName: 'requests.csv', redactedColumns: ['contact.email'] });
    expect(event?.rowCount).toBeGreaterThanOrEqual(closed);
    expect(event?.csv.split('\r\n')[0]).toBe('Case,Status,Service name,Neighborhood,Email');
    for (const r of withEmail) expect(event?.csv).not.toContain(r.contact?.email);
    expect(event?.csv).toContain(',Redacted\r\n');
  });

  it('shows loading, error and empty states', () => {
    const { rerender } = render(
      <DataTable
        caption="Requests"
        data={[]}
        columns={publicColumns}
        getRowId={getRowId}
        loading
      />,
    );
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading rows')).toBeInTheDocument();
    rerender(
      <DataTable
        caption="Requests"
        data={[]}
        columns={publicColumns}
        getRowId={getRowId}
        error="Server unavailable"
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The data could not be loaded Server unavailable',
    );
    rerender(
      <DataTable caption="Requests" data={[]} columns={publicColumns} getRowId={getRowId} />,
    );
    expect(screen.getByText('No results')).toBeInTheDocument();
  });

  it('speaks Spanish through the I18nProvider', () => {
    render(
      <I18nProvider locale="es">
        <DataTable
          caption="Solicitudes"
          data={rows}
          columns={publicColumns}
          getRowId={getRowId}
          pageSize={5}
        />
      </I18nProvider>,
    );
    expect(screen.getByRole('searchbox', { name: 'Buscar' })).toBeInTheDocument();
    expect(screen.getByText('Página 1 de 3')).toBeInTheDocument();
    expect(screen.getByText('12 resultados')).toBeInTheDocument();
  });

  it('rejects duplicate column ids with UI_INVALID_PROP', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <DataTable
          caption="Requests"
          data={rows}
          columns={[
            { id: 'status', header: 'Status' },
            { id: 'status', header: 'Again' },
          ]}
          getRowId={getRowId}
        />,
      ),
    ).toThrow(expect.objectContaining({ code: 'UI_INVALID_PROP' }));
    spy.mockRestore();
  });

  it('keeps state rows out of the count when virtualizing large data (jsdom renders the first window)', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: `r${i}`, n: i }));
    render(
      <DataTable
        caption="Numbers"
        data={many}
        columns={[
          { id: 'id', header: 'Id', rowHeader: true },
          { id: 'n', header: 'N', align: 'end' },
        ]}
        getRowId={(r) => r.id}
      />,
    );
    const table = screen.getByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', '501');
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows.length).toBeLessThan(60);
    for (const row of bodyRows) {
      const index = Number(row.getAttribute('aria-rowindex'));
      expect(row).toHaveTextContent(`r${index - 2}`);
    }
    act(() => {
      fireEvent.scroll(table.parentElement as HTMLElement);
    });
  });
});
