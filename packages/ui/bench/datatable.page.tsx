// The benchmark page, bundled by datatable.bench.ts and driven in Chromium. It mounts either our
// DataTable or a bare TanStack Table + Virtual reference (no accessibility) over the same
// 100,000 synthetic ServiceRequest rows and times what a user does: first render, sorting,
// typing a filter and scrolling to the end.

import { ServiceRequest } from '@cityofboston/standards-schema';
import { fakeMany } from '@cityofboston/standards-schema/testing';
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { z } from 'zod';
import { columnsFromSchema } from '../src/DataTable/columnsFromSchema.js';
import { DataTable } from '../src/DataTable/DataTable.js';
import '../src/tokens.css';
import '../src/base.css';
import '../src/DataTable/DataTable.css';

export const ROWS = 100_000;
const INCLUDE = [
  'service_request_id',
  'status',
  'service_name',
  'neighborhood',
  'requested_datetime',
  'priority',
  'department',
  'contact.email',
];

// The record type, read off the schema (robust to how the type alias is re-exported).
type Req = z.output<typeof ServiceRequest>;
let data: Req[] = [];

// Ours: every accessibility feature on (sort announcements, counts, aria-rowindex, search).
const ourColumns = columnsFromSchema(ServiceRequest, {
  viewerClearance: 'confidential',
  include: INCLUDE,
});
function Ours() {
  return (
    <DataTable
      caption="Requests"
      data={data}
      columns={ourColumns}
      getRowId={(r) => r.service_request_id}
      viewerClearance="confidential"
      height="600px"
    />
  );
}

// The peer: TanStack's own virtualized-rows example shape, plus a search box and sort buttons.
const peerFeatures = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString },
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    text: sortFn_text,
    datetime: sortFn_datetime,
    basic: sortFn_basic,
  },
});
const peerColumns = INCLUDE.map((path) => ({
  id: path,
  header: path,
  accessorFn: (row: Req) => {
    let v: unknown = row;
    for (const key of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[key];
    return v as string | number | undefined;
  },
}));
// One line per cell, truncated, in rows of exactly the 48px both tables estimate, as our cells
// are: wrapped text made the peer's rows 26 to 74px tall, so each jump re-measured rows and the
// virtualizer's scroll correction undid the jump back to the top (the next jump then cost 0 ms).
const PEER_CELL = {
  width: 160,
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  textOverflow: 'ellipsis',
} as const;
function Peer() {
  const [globalFilter, setGlobalFilter] = useState('');
  const table = useTable({
    features: peerFeatures,
    columns: peerColumns,
    data,
    getRowId: (r: Req) => r.service_request_id,
    state: { globalFilter },
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: 'includesString',
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 48,
    getItemKey: (i) => rows[i]?.id ?? i,
    overscan: 6,
  });
  return (
    <div>
      <input
        type="search"
        data-bench="search"
        value={globalFilter}
        onChange={(e) => table.setGlobalFilter(e.target.value)}
      />
      <p>{table.getPrePaginatedRowModel().rows.length} results</p>
      <div ref={scrollRef} data-bench="scroll" style={{ height: 600, overflow: 'auto' }}>
        <table style={{ display: 'grid' }}>
          <thead style={{ display: 'grid', position: 'sticky', top: 0, background: '#fff' }}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} style={{ display: 'flex' }}>
                {group.headers.map((header) => (
                  <th key={header.id} style={{ width: 160 }}>
                    <button type="button" onClick={header.column.getToggleSortingHandler()}>
                      {header.id}
                    </button>
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody
            style={{ display: 'grid', height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{
                    display: 'flex',
                    position: 'absolute',
                    transform: `translateY(${item.start}px)`,
                    width: '100%',
                    height: 48,
                  }}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} style={PEER_CELL}>
                      {String(cell.getValue() ?? '')}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

type Kind = 'ours' | 'peer';
let root: Root | undefined;
let host: HTMLElement | undefined;

const tick = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const q = <T extends Element>(selector: string) => {
  const el = host?.querySelector<T>(selector);
  if (!el) throw new Error(`bench page: nothing matches ${selector}`);
  return el;
};
const scroller = (kind: Kind) =>
  q<HTMLElement>(kind === 'ours' ? '.cob-datatable__scroll' : '[data-bench="scroll"]');
const search = (kind: Kind) =>
  q<HTMLInputElement>(kind === 'ours' ? 'input[type="search"]' : '[data-bench="search"]');
// The third column, service name, in both tables.
const sortButton = () => q<HTMLButtonElement>('th:nth-child(3) button');
const rowShown = (kind: Kind, index: number) =>
  host?.querySelector(
    kind === 'ours' ? `tr[aria-rowindex="${index + 2}"]` : `tr[data-index="${index}"]`,
  ) != null;
const firstRowText = () => host?.querySelector('tbody tr')?.textContent ?? '';

/**
 * Scrolls to the top and waits (untimed) until the first row is rendered and the last is gone,
 * so every jump starts from the same place: a virtualizer's scroll correction after measuring
 * rows can otherwise leave the table at the end, and the next jump would cost nothing.
 */
async function backToTop(kind: Kind, el: HTMLElement) {
  const t0 = performance.now();
  el.scrollTop = 0;
  await frame();
  while (el.scrollTop !== 0 || !rowShown(kind, 0) || rowShown(kind, data.length - 1)) {
    if (performance.now() - t0 > 10_000) throw new Error(`${kind}: first row never rendered`);
    el.scrollTop = 0;
    await frame();
  }
  await frame();
}

function setInput(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const api = {
  async init(count: number) {
    data = fakeMany(ServiceRequest, { seed: 2026, count });
    return data.length;
  },
  /** Milliseconds from render call to committed, laid-out table. */
  mount(kind: Kind): number {
    api.unmount();
    host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
    const t0 = performance.now();
    flushSync(() => root?.render(kind === 'ours' ? <Ours /> : <Peer />));
    void host.offsetHeight;
    return performance.now() - t0;
  },
  unmount() {
    root?.unmount();
    host?.remove();
    root = undefined;
    host = undefined;
  },
  /** Sort ascending then descending by service name (two sorts of every row), timed. */
  async sort(kind: Kind): Promise<number> {
    let total = 0;
    for (let i = 0; i < 2; i++) {
      const before = firstRowText();
      const t0 = performance.now();
      sortButton().click();
      await tick();
      void scroller(kind).scrollHeight;
      total += performance.now() - t0;
      if (firstRowText() === before && i === 0) throw new Error(`${kind}: sort changed nothing`);
    }
    sortButton().click(); // back to unsorted, untimed
    await tick();
    return total;
  },
  /** Type a word one keystroke at a time, each re-filtering every row; timed. Then clear. */
  async filter(kind: Kind, word: string): Promise<number> {
    const input = search(kind);
    let total = 0;
    for (let i = 1; i <= word.length; i++) {
      const t0 = performance.now();
      setInput(input, word.slice(0, i));
      await tick();
      void scroller(kind).scrollHeight;
      total += performance.now() - t0;
    }
    setInput(input, '');
    await tick();
    return total;
  },
  /**
   * From the top, jump to the end and wait until the last row is rendered; timed. One operation
   * is the mean of three jumps: a single jump is short enough for frame timing to dominate.
   */
  async scrollEnd(kind: Kind): Promise<number> {
    const el = scroller(kind);
    let total = 0;
    for (let i = 0; i < 3; i++) {
      await backToTop(kind, el);
      const t0 = performance.now();
      el.scrollTop = el.scrollHeight;
      while (!rowShown(kind, data.length - 1)) {
        await frame();
        if (performance.now() - t0 > 10_000) throw new Error(`${kind}: last row never rendered`);
        el.scrollTop = el.scrollHeight;
      }
      total += performance.now() - t0;
    }
    await backToTop(kind, el);
    return total / 3;
  },
  domRows: () => host?.querySelectorAll('tbody tr').length ?? 0,
};

(window as unknown as { bench: typeof api }).bench = api;
