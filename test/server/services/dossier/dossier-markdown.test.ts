import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mdTable, mdText } from '../../../../server/services/dossier/dossier-markdown.ts';

/** Splits a table row at its unescaped pipes (a pipe preceded by an odd run of backslashes is text). */
const cells = (row: string) => row.match(/(?:\\.|[^|\\])+|(?<=\|)(?=\|)/g) ?? [];
const unescapedPipes = (row: string) => row.replace(/\\./g, '').split('|').length - 1;

describe('dossier Markdown escaping', () => {
  it('a table row keeps its columns and one line whatever the cells hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('a|b', 'x\\|y', '\\', '\n|\r\n', '*[x](y)*', '# h')), { minLength: 1, maxLength: 6 }),
        (row) => {
          const lines = mdTable(
            row.map((_, i) => `c${i}`),
            [row],
          ).split('\n');
          expect(lines).toHaveLength(3);
          expect(unescapedPipes(lines[2]!)).toBe(row.length + 1);
          expect(cells(lines[2]!)).toHaveLength(row.length);
        },
      ),
    );
  });

  it('leaves no Markdown syntax active in text: stripping the escapes gives the text back, line breaks as spaces', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        const out = mdText(s);
        expect(out).not.toMatch(/[\r\n]/);
        expect(out.replace(/(^|[^\\])(?:\\\\)*(?=[`*_[\]<>|#~])/g, '')).not.toMatch(/(^|[^\\])[`*_[\]<>|#~]/);
        expect(out.replace(/\\(.)/g, '$1')).toBe(s.replace(/\r\n?|\n/g, ' '));
      }),
    );
  });

  it('writes an empty value as a dash', () => {
    expect([null, undefined, ''].map(mdText)).toEqual(['–', '–', '–']);
    expect(mdText(0)).toBe('0');
  });
});
