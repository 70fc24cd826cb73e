// @vitest-environment node
// Regression (issue 19): DataTable failed at Next.js prerender because a server component had to
// pass it functions (getRowId, format). Every prop here is data; the test proves it by sending
// the props through JSON, the way React Server Components serialize props for a client
// component, then prerenders the table as Next.js does (react-dom/static) and as SSR does.
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { UiError } from '../errors.js';
import { formatCell } from './DataTable.formats.js';
import { DataTable } from './DataTable.js';
import type { DataTableProps } from './DataTable.types.js';

interface Case {
  id: string;
  type: string;
  opened: string;
  fee: number;
  owner: { name: string };
}

const rows: Case[] = [
  { id: '101', type: 'Pothole', opened: '2026-03-01', fee: 1250.5, owner: { name: 'Ada' } },
  { id: '102', type: 'Streetlight out', opened: '2026-03-04', fee: 0, owner: { name: 'Grace' } },
];

const props: DataTableProps<Case> = {
  caption: 'Open cases',
  data: rows,
  rowIdKey: 'id',
  columns: [
    { id: 'id', header: 'Case', rowHeader: true, href: '/cases/{id}' },
    { id: 'type', header: 'Type' },
    { id: 'opened', header: 'Opened', format: 'date' },
    { id: 'fee', header: 'Fee', format: 'currency', align: 'end' },
    { id: 'owner.name', header: 'Owner' },
  ],
  pageSize: 25,
};

/** Paths of every function in a value: what React could not pass from server to client. */
function functionsIn(value: unknown, path = 'props'): string[] {
  if (typeof value === 'function') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => functionsIn(v, `${path}.${k}`));
}

async function prerender(element: ReactElement): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

describe('DataTable from a server component', () => {
  const serialized = JSON.parse(JSON.stringify(props)) as DataTableProps<Case>;

  it('takes props that are plain data (no functions)', () => {
    expect(functionsIn(props)).toEqual([]);
    expect(serialized).toEqual(props);
  });

  it('prerenders (react-dom/static, as Next.js does) with ids, named formats and links', async () => {
    const html = await prerender(<DataTable {...serialized} />);
    expect(html).toContain('<table');
    expect(html).toMatch(/<a href="\/cases\/101" class="cob-link">101<\/a>/);
    expect(html).toContain('Mar 1, 2026');
    expect(html).toContain('$1,250.50');
    expect(html).toContain('Grace');
  });

  it('server-renders with react-dom/server', () => {
    const html = renderToString(<DataTable {...serialized} />);
    expect(html).toContain('Streetlight out');
    expect(html).toContain('$0.00');
  });

  it('refuses a table with neither rowIdKey nor getRowId, with a code', () => {
    const { rowIdKey: _omit, ...noId } = serialized;
    expect(() => renderToString(<DataTable {...noId} />)).toThrow(
      expect.objectContaining({ code: 'UI_INVALID_PROP' }),
    );
  });

  it('refuses an unknown format name, with a code', () => {
    const bad = {
      ...serialized,
      columns: [{ id: 'fee', header: 'Fee', format: 'money' }],
    } as unknown as DataTableProps<Case>;
    expect(() => renderToString(<DataTable {...bad} />)).toThrow(UiError);
  });
});

describe('formatCell', () => {
  it('formats by name in the viewer locale and leaves absent values empty', () => {
    expect(formatCell(0.256, 'percent', 'en-US')).toBe('25.6%');
    expect(formatCell(1234.6, 'integer', 'en-US')).toBe('1,235');
    expect(formatCell('2026-03-01', 'date', 'es')).toBe('1 mar 2026');
    expect(formatCell(null, 'currency', 'en-US')).toBe('');
    expect(formatCell('n/a', 'number', 'en-US')).toBe('');
    expect(formatCell(7, 'text', 'en-US')).toBe('7');
  });
});
