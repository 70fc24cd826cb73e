import { describe, expect, it } from 'vitest';
import { toCsv } from './toCsv.js';

const cols = [
  { header: 'Id', text: (r: { id: string; note: string }) => r.id },
  { header: 'Note', text: (r: { id: string; note: string }) => r.note },
];

describe('toCsv', () => {
  it('writes a header line and CRLF-terminated rows', () => {
    expect(toCsv([{ id: 'A1', note: 'ok' }], cols)).toBe('Id,Note\r\nA1,ok\r\n');
  });
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(toCsv([{ id: 'A,1', note: 'say "hi"\nthere' }], cols)).toBe(
      'Id,Note\r\n"A,1","say ""hi""\nthere"\r\n',
    );
  });
  it('security: neutralizes spreadsheet formulae (CSV injection) in every cell', () => {
    const csv = toCsv(
      [
        { id: '=HYPERLINK("http://evil")', note: '+1' },
        { id: '@SUM(A1)', note: '-2' },
      ],
      cols,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'+1");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'-2");
    expect(csv.split('\r\n').slice(1).join('\n')).not.toMatch(/(^|,)"?[=+\-@]/m);
  });
  it('can leave formulae alone when asked', () => {
    expect(toCsv([{ id: '=1', note: '' }], cols, { escapeFormulae: false })).toBe(
      'Id,Note\r\n=1,\r\n',
    );
  });
});
