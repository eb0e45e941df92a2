import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, neutralize, parseCsv, toCsv } from '../../../server/services/imports/csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and CRLF line ends', () => {
    const text = 'name,notes\r\n"Acme, Inc.","said ""hi""\r\nand left"\r\nPlain,\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['name', 'notes'] },
      { line: 2, cells: ['Acme, Inc.', 'said "hi"\r\nand left'] },
      { line: 4, cells: ['Plain', ''] },
    ]);
  });

  it('accepts a last line without a line end, and LF-only files', () => {
    expect(parseCsv('a,b\nc,d').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('refuses an unclosed quote and a stray quote', () => {
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\nab"c,d\n')).toThrow(/quote inside/);
  });

  it('reads back what it writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const safe = rows.map((r) => r.map((c) => c.replace(/^[=+\-@\t\r]/, 'x')));
        const parsed = parseCsv(toCsv(['h1', 'h2'], safe)).map((r) => r.cells);
        expect(parsed).toEqual([['h1', 'h2'], ...safe]);
      }),
    );
  });
});

describe('toCsv', () => {
  it('neutralizes formula-like cells so a spreadsheet never runs them', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralize(bad)).toBe(`'${bad}`);
    expect(toCsv(['a'], [['=HYPERLINK("http://x")'], [3], [null]])).toBe('a\r\n"\'=HYPERLINK(""http://x"")"\r\n3\r\n\r\n');
  });
});
