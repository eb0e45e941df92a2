/** Recognising a CAIQ v4 or SIG Lite sheet by its header, loosely in wording, strictly in columns. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerKind, FORMATS, normalizeHeader, recognise } from '../../../../server/services/questionnaires/sheet-formats.ts';
import { ServiceError } from '../../../../server/services/errors.ts';

const sheet = (rows: string[][], name: string | null = null) => ({ name, rows: rows.map((cells, i) => ({ line: i + 1, cells })) });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('recognising a sheet', () => {
  it('takes header wording variants of CAIQ v4', () => {
    for (const header of [
      ['Question ID', 'Question', 'CSP CAIQ Answer', 'SSRM Control Ownership', 'CSP Implementation Description (Optional/Recommended)'],
      ['QUESTION ID', 'Question Text', 'CSP CAIQ Answer (Yes/No/NA)', 'Control Ownership', 'Implementation Description'],
    ]) {
      const r = recognise([sheet([header, ['IAM-14.1', 'MFA?', 'Yes', 'CSP-owned', 'FIDO2']])], null);
      expect(r).toMatchObject({ format: 'caiq', answers: [{ questionId: 'IAM-14.1', answerKind: 'yes', detail: 'FIDO2' }] });
    }
  });

  it('takes SIG Lite headers (Ques Num, Question/Request, Ques #) and skips section rows', () => {
    const r = recognise(
      [
        sheet([
          ['Ques #', 'Question/Request', 'Response', 'Comments'],
          ['', 'H. Access Control', '', ''],
          ['H.1', 'Unique IDs?', 'Y', ''],
        ]),
      ],
      null,
    );
    expect(r).toMatchObject({ format: 'sig', answers: [{ questionId: 'H.1', answerKind: 'yes' }] });
  });

  it('finds the answers on a later sheet of a workbook, under a title row', () => {
    const r = recognise(
      [
        sheet([['Introduction']], 'Intro'),
        sheet([['CAIQ v4.0.2'], ['Question ID', 'Question', 'CSP CAIQ Answer'], ['A&A-01.1', 'Policies?', 'NA']], 'CAIQv4.0.2'),
      ],
      null,
    );
    expect(r).toMatchObject({ sheetName: 'CAIQv4.0.2', answers: [{ line: 3, answerKind: 'na' }] });
  });

  it('refuses unknown, repeated and missing columns, naming them', () => {
    const e = refusal(() =>
      recognise(
        [
          sheet([
            ['Question ID', 'Question', 'Risk', 'Question'],
            ['IAM-14.1', 'MFA?', 'High', 'x'],
          ]),
        ],
        null,
      ),
    );
    expect(e.code).toBe('questionnaire-columns');
    expect(e.fields).toEqual([
      { path: 'columns.C', message: 'unknown column “Risk” in a CAIQ v4 sheet' },
      { path: 'columns.D', message: '“Question” repeats the Question column' },
      { path: 'columns.CSP CAIQ Answer', message: 'missing: a CAIQ v4 sheet needs the CSP CAIQ Answer column' },
    ]);
  });

  it('ignores a blank header over an empty column, refuses one over answers', () => {
    expect(
      recognise(
        [
          sheet([
            ['Question ID', 'Question', 'CSP CAIQ Answer', ''],
            ['IAM-14.1', 'MFA?', 'Yes', ''],
          ]),
        ],
        null,
      ).answers,
    ).toHaveLength(1);
    expect(
      refusal(() =>
        recognise(
          [
            sheet([
              ['Question ID', 'Question', 'CSP CAIQ Answer', ''],
              ['IAM-14.1', 'MFA?', 'Yes', 'stray'],
            ]),
          ],
          null,
        ),
      ).fields,
    ).toEqual([{ path: 'columns.D', message: 'column D has answers but no header' }]);
  });

  it('a forced format does not read the other one', () => {
    expect(
      refusal(() =>
        recognise(
          [
            sheet([
              ['Ques Num', 'Question', 'Response'],
              ['SL.1', 'Q', 'Yes'],
            ]),
          ],
          'caiq',
        ),
      ).code,
    ).toBe('questionnaire-columns');
  });

  it('refuses an answer without a question id', () => {
    expect(
      refusal(() =>
        recognise(
          [
            sheet([
              ['Ques Num', 'Question', 'Response'],
              ['', 'Q', 'Yes'],
            ]),
          ],
          null,
        ),
      ).fields,
    ).toEqual([{ path: 'rows.2.questionId', message: 'an answer (“Yes”) without a question id' }]);
  });
});

describe('headers and answers', () => {
  it('normalizes headers', () => {
    expect(normalizeHeader(' CSP CAIQ Answer (Yes/No/NA) ')).toBe('csp caiq answer');
    expect(normalizeHeader('Ques #')).toBe('ques num');
  });
  it('reads answer kinds', () => {
    expect(['Yes', 'y', 'NO', 'N/A', 'Not applicable', '', 'Partially'].map(answerKind)).toEqual(['yes', 'yes', 'no', 'na', 'na', 'blank', 'other']);
  });
});

describe('recognition, over any order of the columns (property)', () => {
  const def = FORMATS.caiq;
  const variant = (label: string) => fc.constantFrom(label, label.toUpperCase(), `${label} (Optional/Recommended)`, ` ${label.toLowerCase()} `);
  const columns = fc
    .shuffledSubarray(
      def.columns.filter((c) => !c.required),
      { minLength: 0 },
    )
    .chain((optional) =>
      fc.shuffledSubarray([...def.columns.filter((c) => c.required), ...optional], {
        minLength: def.columns.filter((c) => c.required).length + optional.length,
      }),
    );
  const headerOf = (cols: typeof def.columns) => fc.tuple(...cols.map((c) => variant(c.label)));

  it('reads every answer whatever the order and wording of the known columns', () => {
    fc.assert(
      fc.property(
        columns.chain((cols) => fc.tuple(fc.constant(cols), headerOf(cols))),
        ([cols, header]) => {
          const row = cols.map((c) => (c.role === 'id' ? 'IAM-14.1' : c.role === 'answer' ? 'Yes' : 'text'));
          const r = recognise([sheet([header, row])], null);
          return r.format === 'caiq' && r.answers.length === 1 && r.answers[0]!.questionId === 'IAM-14.1' && r.answers[0]!.answerKind === 'yes';
        },
      ),
    );
  });

  it('refuses any unknown column, naming it, wherever it stands', () => {
    const unknown = fc.stringMatching(/^[A-Z][a-z]{3,12}( [A-Z][a-z]{2,8})?$/).filter((h) => !def.columns.some((c) => c.aliases.includes(normalizeHeader(h))));
    fc.assert(
      fc.property(columns, unknown, fc.nat(), (cols, extra, at) => {
        const header = cols.map((c) => c.label);
        const i = at % (header.length + 1);
        header.splice(i, 0, extra);
        const row = header.map((h) => (h === 'Question ID' ? 'IAM-14.1' : 'Yes'));
        try {
          recognise([sheet([header, row])], null);
          return false;
        } catch (e) {
          return e instanceof ServiceError && e.fields.some((f) => f.message === `unknown column “${extra}” in a CAIQ v4 sheet`);
        }
      }),
    );
  });
});
