/**
 * The two standard answer sheets, told apart by their header columns. Header wording varies
 * between editions and exports ("CSP CAIQ Answer" / "CSP CAIQ Answer (Yes/No/NA)", "Ques Num" /
 * "Question Number"), so headers are compared loosely; but a column that is neither a known
 * column nor blank refuses the sheet, naming it: its answers would otherwise be dropped unseen.
 */
import type { FieldProblem } from '../../domain/field-problems.ts';
import type { ImportFormat, AnswerKind } from '../../domain/questionnaire-import.ts';
import { ServiceError } from '../errors.ts';
import type { Sheet } from './sheet-read.ts';

type Role = 'id' | 'question' | 'answer' | 'detail' | 'extra';

interface ColumnDef {
  readonly label: string;
  readonly role: Role;
  readonly required: boolean;
  /** Header texts as `normalizeHeader` leaves them. */
  readonly aliases: readonly string[];
}

export interface FormatDef {
  readonly format: ImportFormat;
  readonly title: string;
  readonly columns: readonly ColumnDef[];
  /** A question id of this format, when it has a fixed shape. */
  readonly idPattern: RegExp | null;
}

export const FORMATS: Record<ImportFormat, FormatDef> = {
  caiq: {
    format: 'caiq',
    title: 'CAIQ v4',
    // A&A-01.1, IAM-14.1, SEF-07.2 (the CCM v4 control id and the question's number under it)
    idPattern: /^[A-Z&]{3}-\d{2}\.\d{1,2}$/,
    columns: [
      { label: 'Question ID', role: 'id', required: true, aliases: ['question id', 'questionid', 'question identifier', 'caiq question id'] },
      { label: 'Question', role: 'question', required: true, aliases: ['question', 'question text', 'caiq question'] },
      { label: 'CSP CAIQ Answer', role: 'answer', required: true, aliases: ['csp caiq answer', 'caiq answer', 'csp answer', 'answer'] },
      { label: 'SSRM Control Ownership', role: 'extra', required: false, aliases: ['ssrm control ownership', 'control ownership', 'ssrm ownership'] },
      {
        label: 'CSP Implementation Description',
        role: 'detail',
        required: false,
        aliases: ['csp implementation description', 'implementation description', 'csp implementation description optional recommended'],
      },
      { label: 'CSC Responsibilities', role: 'extra', required: false, aliases: ['csc responsibilities', 'csc responsibilities optional recommended'] },
      { label: 'CCM Control ID', role: 'extra', required: false, aliases: ['ccm control id', 'control id'] },
      { label: 'CCM Control Specification', role: 'extra', required: false, aliases: ['ccm control specification', 'control specification'] },
      { label: 'CCM Control Title', role: 'extra', required: false, aliases: ['ccm control title', 'control title'] },
      { label: 'CCM Domain Title', role: 'extra', required: false, aliases: ['ccm domain title', 'domain title'] },
    ],
  },
  sig: {
    format: 'sig',
    title: 'SIG Lite',
    idPattern: null, // SL.75 in the 2019 edition, A.1 and the like in others
    columns: [
      {
        label: 'Ques Num',
        role: 'id',
        required: true,
        aliases: ['ques num', 'ques number', 'question num', 'question number', 'ques no', 'question no', 'ques num num'],
      },
      { label: 'Question', role: 'question', required: true, aliases: ['question', 'question request', 'ques text', 'question text'] },
      { label: 'Response', role: 'answer', required: true, aliases: ['response', 'answer'] },
      {
        label: 'Additional Information',
        role: 'detail',
        required: false,
        aliases: ['additional information', 'additional info', 'comments', 'comment', 'notes'],
      },
      { label: 'Category', role: 'extra', required: false, aliases: ['category', 'domain', 'section', 'risk domain'] },
    ],
  },
};

/** Lower case, parenthesised notes dropped ("(Yes/No/NA)"), punctuation as spaces, "#" as "num". */
export const normalizeHeader = (h: string): string =>
  h
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/#/g, ' num ')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();

const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

export interface SheetAnswer {
  readonly line: number;
  readonly questionId: string;
  readonly question: string;
  readonly answer: string;
  readonly answerKind: AnswerKind;
  readonly detail: string | null;
  /** The other known columns, by their canonical label (SSRM Control Ownership, Category…). */
  readonly extra: Readonly<Record<string, string>>;
}

export interface RecognisedSheet {
  readonly format: ImportFormat;
  readonly sheetName: string | null;
  readonly answers: readonly SheetAnswer[];
}

export const columnsProblem = (message: string, fields: readonly FieldProblem[]): ServiceError =>
  new ServiceError('unprocessable', 'questionnaire-columns', message, fields);

/** Yes, No, NA as the sheets write them; anything else is kept as it is, as `other`. */
export function answerKind(answer: string): AnswerKind {
  const a = answer.trim().toLowerCase().replace(/\.$/, '');
  if (a === '') return 'blank';
  if (['yes', 'y', 'true'].includes(a)) return 'yes';
  if (['no', 'n', 'false'].includes(a)) return 'no';
  if (['na', 'n/a', 'n.a', 'not applicable'].includes(a)) return 'na';
  return 'other';
}

const HEADER_SCAN = 30;
const LIMITS = { id: 40, question: 4000, answer: 4000, detail: 8000, extra: 4000 } as const;

/** How many of `def`'s columns a row names, and whether they include its question id and answer columns. */
function headerScore(cells: readonly string[], def: FormatDef): { score: number; full: boolean } {
  const names = cells.map(normalizeHeader);
  const hit = def.columns.filter((c) => names.some((h) => c.aliases.includes(h)));
  return { score: hit.length, full: hit.some((c) => c.role === 'id') && hit.some((c) => c.role === 'answer') };
}

/**
 * The sheet's format and answers. `want` forces a format (the caller knows it); otherwise the
 * header decides: a row (title rows may sit above it) naming a format's question id and answer
 * columns, or failing that the row naming most of a format's columns (at least two), whose
 * unknown and missing columns are then named.
 */
export function recognise(sheets: readonly Sheet[], want: ImportFormat | null): RecognisedSheet {
  const defs = want ? [FORMATS[want]] : [FORMATS.caiq, FORMATS.sig];
  let best: { sheet: Sheet; at: number; def: FormatDef; score: number } | null = null;
  for (const sheet of sheets) {
    for (const def of defs) {
      for (const [at, row] of sheet.rows.slice(0, HEADER_SCAN).entries()) {
        const { score, full } = headerScore(row.cells, def);
        if (full) return readAnswers(sheet, at, def);
        if (score >= 2 && (!best || score > best.score)) best = { sheet, at, def, score };
      }
    }
  }
  if (best) return readAnswers(best.sheet, best.at, best.def);
  const first = sheets.find((s) => s.rows.length > 0);
  if (!first) throw new ServiceError('unprocessable', 'questionnaire-unreadable', 'The sheet is empty: it holds no header and no answers.');
  const found = first.rows.slice(0, 3).flatMap((r) => r.cells.filter((c) => c !== ''));
  const expected = defs
    .map(
      (d) =>
        `${d.title}: ${d.columns
          .filter((c) => c.required)
          .map((c) => c.label)
          .join(', ')}`,
    )
    .join('; or ');
  throw columnsProblem(`No ${defs.map((d) => d.title).join(' or ')} header was found; nothing was imported. Expected the columns ${expected}.`, [
    { path: 'columns', message: `found ${found.map((c) => `“${c.slice(0, 80)}”`).join(', ') || 'no column headers'}` },
  ]);
}

function readAnswers(sheet: Sheet, at: number, def: FormatDef): RecognisedSheet {
  const header = sheet.rows[at]!.cells;
  const body = sheet.rows.slice(at + 1);
  const problems: FieldProblem[] = [];
  const byColumn = new Map<number, ColumnDef>();
  header.forEach((h, i) => {
    const letter = columnLetter(i);
    if (h === '') {
      if (body.some((r) => (r.cells[i] ?? '') !== '')) problems.push({ path: `columns.${letter}`, message: `column ${letter} has answers but no header` });
      return;
    }
    const col = def.columns.find((c) => c.aliases.includes(normalizeHeader(h)));
    if (!col) return problems.push({ path: `columns.${letter}`, message: `unknown column “${h}” in a ${def.title} sheet` });
    if ([...byColumn.values()].includes(col)) return problems.push({ path: `columns.${letter}`, message: `“${h}” repeats the ${col.label} column` });
    byColumn.set(i, col);
  });
  const have = new Set(byColumn.values());
  for (const c of def.columns)
    if (c.required && !have.has(c)) problems.push({ path: `columns.${c.label}`, message: `missing: a ${def.title} sheet needs the ${c.label} column` });
  if (problems.length > 0) {
    const known = def.columns.map((c) => c.label).join(', ');
    throw columnsProblem(
      `The ${def.title} sheet${sheet.name ? ` “${sheet.name}”` : ''} has columns that cannot be read; nothing was imported. Known columns: ${known}.`,
      problems,
    );
  }
  const answers: SheetAnswer[] = [];
  const seen = new Map<string, number>();
  for (const r of body) {
    const cell = (role: Role) => {
      for (const [i, c] of byColumn) if (c.role === role) return r.cells[i] ?? '';
      return '';
    };
    const id = cell('id');
    const answer = cell('answer');
    const question = cell('question');
    const path = `rows.${r.line}`;
    if (id === '') {
      // A section heading (SIG groups its questions under title rows); an answer without a question is not.
      if (answer !== '') problems.push({ path: `${path}.questionId`, message: `an answer (“${answer.slice(0, 60)}”) without a question id` });
      continue;
    }
    if (id.length > LIMITS.id) problems.push({ path: `${path}.questionId`, message: `a question id of more than ${LIMITS.id} characters` });
    else if (def.idPattern && !def.idPattern.test(id))
      problems.push({ path: `${path}.questionId`, message: `“${id}” is not a ${def.title} question id (such as IAM-14.1)` });
    const twice = seen.get(id);
    if (twice !== undefined) problems.push({ path: `${path}.questionId`, message: `${id} is answered twice (also on row ${twice})` });
    seen.set(id, r.line);
    const extra: Record<string, string> = {};
    let detail: string | null = null;
    for (const [i, c] of byColumn) {
      const v = r.cells[i] ?? '';
      const limit = LIMITS[c.role];
      if (v.length > limit) problems.push({ path: `${path}.${c.label}`, message: `more than ${limit} characters` });
      if (c.role === 'detail') detail = v === '' ? null : v;
      if (c.role === 'extra' && v !== '') extra[c.label] = v;
    }
    answers.push({ line: r.line, questionId: id, question, answer, answerKind: answerKind(answer), detail, extra });
  }
  if (problems.length > 0)
    throw new ServiceError(
      'unprocessable',
      'questionnaire-rows-invalid',
      `${problems.length} row problem(s) in the ${def.title} sheet; nothing was imported.`,
      problems.slice(0, 1000),
    );
  if (answers.length === 0) throw new ServiceError('unprocessable', 'questionnaire-unreadable', `The ${def.title} sheet has a header but no answers.`);
  return { format: def.format, sheetName: sheet.name, answers };
}
