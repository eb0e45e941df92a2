/**
 * Imported standard questionnaires (CAIQ v4, SIG Lite) in words, PURE: labels, what became of a
 * mapped answer, and a refused import's problems sorted to the fields they belong beside (the
 * file, the format, the day). Tested in node.
 */
import type { ImportFormat, MappedAnswer, QuestionnaireImport } from '../server/domain/questionnaire-import.ts';
import { ApiError } from './api/api-error.ts';
import { fieldMessage } from './field-messages.ts';

export const FORMAT_LABEL: Readonly<Record<ImportFormat, string>> = { caiq: 'CAIQ v4', sig: 'SIG Lite' };

export const OUTCOME_LABEL: Readonly<Record<MappedAnswer['outcome'], string>> = {
  written: 'Written as a fact (self-attested)',
  'kept-on-record': 'Record on file kept',
  'no-reading': 'Nothing to read',
  'not-stored': 'Read, not stored as a fact',
};

/** One line per import: "CAIQ v4 · caiq.xlsx · 14 answers, 3 mapped · known from 2026-11-29". */
export function importLine(i: QuestionnaireImport): string {
  return [
    FORMAT_LABEL[i.format],
    i.fileName ?? (i.fileKind === 'xlsx' ? 'XLSX workbook' : 'CSV file'),
    `${i.answerCount} answers, ${i.mappedCount} mapped`,
    `known from ${i.knownFrom}`,
  ].join(' · ');
}

/** A mapped answer in words: "MFA · admins: push with number matching, enforced: written as a fact". */
export const mappingLine = (m: MappedAnswer): string => `${m.label}: ${m.reading}. ${OUTCOME_LABEL[m.outcome]}: ${m.detail}.`;

export interface ImportProblems {
  /** Beside the file: what is wrong with the sheet, each column or row problem as its own line. */
  readonly file: readonly string[];
  readonly knownFrom: string | undefined;
  readonly format: string | undefined;
  /** What belongs to no field (the server could not be reached, a role that may not import). */
  readonly general: string | undefined;
}

const NO_PROBLEMS: ImportProblems = { file: [], knownFrom: undefined, format: undefined, general: undefined };

/** "columns.F" → "Column F", "rows.12.questionId" → "Row 12". */
const where = (path: string): string => {
  const [part, at] = path.split('.');
  if (part === 'columns') return at ? `Column ${at}` : 'Columns';
  if (part === 'rows') return `Row ${at}`;
  return path;
};

export function importProblems(e: unknown): ImportProblems {
  if (e === undefined) return NO_PROBLEMS;
  if (!(e instanceof ApiError)) return { ...NO_PROBLEMS, general: 'The import failed.' };
  const of = (path: string, label: string) =>
    e.fields
      .filter((f) => f.path === path)
      .map((f) => fieldMessage(f, label))
      .join(' ') || undefined;
  if (e.code === 'validation-failed')
    return {
      ...NO_PROBLEMS,
      knownFrom: of('query.knownFrom', 'Answers known from'),
      format: of('query.format', 'Format'),
      general: of('query.fileName', 'The file name'),
    };
  if (e.code.startsWith('questionnaire-') || ['payload-too-large', 'bad-encoding', 'unsupported-media-type'].includes(e.code)) {
    return { ...NO_PROBLEMS, file: [e.message, ...e.fields.map((f) => `${where(f.path)}: ${f.message}`)] };
  }
  return { ...NO_PROBLEMS, general: e.message };
}
