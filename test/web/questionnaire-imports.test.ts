/** The import form's and list's words: labels, what became of a mapped answer, and problems sorted to their fields. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/api/api-error.ts';
import { importLine, importProblems, mappingLine } from '../../web/questionnaire-imports.ts';
import type { MappedAnswer, QuestionnaireImport } from '../../server/domain/questionnaire-import.ts';

const imp: QuestionnaireImport = {
  id: 3,
  vendorId: 1,
  format: 'caiq',
  fileName: 'northwind.xlsx',
  fileKind: 'xlsx',
  sheetName: 'CAIQv4.0.2',
  sha256: 'ab',
  knownFrom: '2026-11-29',
  importedAt: '2026-11-29T12:00:00.000Z',
  importedBy: 'ana@example.com',
  answerCount: 14,
  mappedCount: 3,
};

describe('questionnaire imports in words', () => {
  it('names an import by format, file, counts and day', () => {
    expect(importLine(imp)).toBe('CAIQ v4 · northwind.xlsx · 14 answers, 3 mapped · known from 2026-11-29');
    expect(importLine({ ...imp, format: 'sig', fileName: null, fileKind: 'csv' })).toBe('SIG Lite · CSV file · 14 answers, 3 mapped · known from 2026-11-29');
  });

  it('says what a mapped answer was read as and what became of it', () => {
    const m: MappedAnswer = {
      questionId: 'IAM-14.1',
      fact: 'mfa',
      target: 'admins',
      label: 'MFA · admins',
      reading: 'push with number matching, enforced',
      value: { method: 'push-number-matching', enforced: true },
      outcome: 'written',
      detail: 'MFA record of admins written (attestation, known from 2026-11-29)',
      source: { kind: 'questionnaire-import', importId: 3, questionId: 'IAM-14.1' },
    };
    expect(mappingLine(m)).toBe(
      'MFA · admins: push with number matching, enforced. Written as a fact (self-attested): MFA record of admins written (attestation, known from 2026-11-29).',
    );
  });

  it('puts column and row problems beside the file, a bad day beside the day, the rest apart', () => {
    const columns = new ApiError(422, 'questionnaire-columns', 'The CAIQ v4 sheet has columns that cannot be read; nothing was imported.', [
      { path: 'columns.I', message: 'unknown column “Risk Rating” in a CAIQ v4 sheet' },
      { path: 'columns.CSP CAIQ Answer', message: 'missing: a CAIQ v4 sheet needs the CSP CAIQ Answer column' },
    ]);
    expect(importProblems(columns)).toEqual({
      file: [
        'The CAIQ v4 sheet has columns that cannot be read; nothing was imported.',
        'Column I: unknown column “Risk Rating” in a CAIQ v4 sheet',
        'Column CSP CAIQ Answer: missing: a CAIQ v4 sheet needs the CSP CAIQ Answer column',
      ],
      knownFrom: undefined,
      format: undefined,
      general: undefined,
    });
    expect(
      importProblems(
        new ApiError(422, 'questionnaire-rows-invalid', '1 row problem(s)', [{ path: 'rows.12.questionId', message: 'IAM-14.1 is answered twice' }]),
      ).file,
    ).toEqual(['1 row problem(s)', 'Row 12: IAM-14.1 is answered twice']);
    expect(importProblems(new ApiError(413, 'payload-too-large', 'The workbook inflates to more than 40 MB')).file).toEqual([
      'The workbook inflates to more than 40 MB',
    ]);
    const day = new ApiError(400, 'validation-failed', '1 field(s) failed validation.', [{ path: 'query.knownFrom', message: 'is after today (2026-11-29)' }]);
    expect(importProblems(day)).toMatchObject({ file: [], knownFrom: 'Answers known from is after today (2026-11-29).' });
    expect(importProblems(new ApiError(403, 'forbidden', 'This needs the analyst role'))).toMatchObject({ file: [], general: 'This needs the analyst role' });
    expect(importProblems(undefined)).toMatchObject({ file: [], general: undefined });
  });
});
