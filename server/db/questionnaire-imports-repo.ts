/** SQL for imported questionnaire answer sheets (CAIQ v4, SIG Lite) and their answers. */
import type { Db } from './open.ts';
import type { AnswerKind, ImportAnswer, ImportFormat, MappedAnswer, QuestionnaireImport } from '../domain/questionnaire-import.ts';

interface ImportRow {
  id: number;
  vendor_id: number;
  format: string;
  file_name: string | null;
  file_kind: string;
  sheet_name: string | null;
  sha256: string;
  known_from: string;
  imported_at: string;
  imported_by: string;
  answer_count: number;
  mapped_count: number;
}

interface AnswerRow {
  line: number;
  question_id: string;
  question: string;
  answer: string;
  answer_kind: string;
  detail: string | null;
  extra: string;
  mapping: string | null;
}

const toImport = (r: ImportRow): QuestionnaireImport => ({
  id: r.id,
  vendorId: r.vendor_id,
  format: r.format as ImportFormat,
  fileName: r.file_name,
  fileKind: r.file_kind as 'xlsx' | 'csv',
  sheetName: r.sheet_name,
  sha256: r.sha256,
  knownFrom: r.known_from,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  answerCount: r.answer_count,
  mappedCount: r.mapped_count,
});

const toAnswer = (r: AnswerRow): ImportAnswer => ({
  line: r.line,
  questionId: r.question_id,
  question: r.question,
  answer: r.answer,
  answerKind: r.answer_kind as AnswerKind,
  detail: r.detail,
  extra: JSON.parse(r.extra) as Record<string, string>,
  mapping: r.mapping === null ? null : (JSON.parse(r.mapping) as MappedAnswer),
});

export type NewImport = Omit<QuestionnaireImport, 'id'> & { importedByUserId: number | null };

export function questionnaireImportsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO questionnaire_imports (id, vendor_id, format, file_name, file_kind, sheet_name, sha256, known_from,
      imported_at, imported_by, imported_by_user_id, answer_count, mapped_count)
    VALUES (@id, @vendorId, @format, @fileName, @fileKind, @sheetName, @sha256, @knownFrom, @importedAt, @importedBy, @importedByUserId, @answerCount, @mappedCount)`);
  const insertAnswer =
    db.prepare(`INSERT INTO questionnaire_import_answers (import_id, position, line, question_id, question, answer, answer_kind, detail, extra, mapping)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const setMapped = db.prepare<[number, number]>('UPDATE questionnaire_imports SET mapped_count = ? WHERE id = ?');
  const byVendor = db.prepare<[number], ImportRow>('SELECT * FROM questionnaire_imports WHERE vendor_id = ? ORDER BY id DESC');
  const one = db.prepare<[number], ImportRow>('SELECT * FROM questionnaire_imports WHERE id = ?');
  const all = db.prepare<[], ImportRow>('SELECT * FROM questionnaire_imports ORDER BY id');
  const allAnswers = db.prepare<[number], AnswerRow>('SELECT * FROM questionnaire_import_answers WHERE import_id = ? ORDER BY position');
  const same = db.prepare<[number, string, string], { id: number }>(
    'SELECT id FROM questionnaire_imports WHERE vendor_id = ? AND sha256 = ? AND imported_at = ?',
  );
  const answers = db.prepare<[number, number, number], AnswerRow>(
    'SELECT * FROM questionnaire_import_answers WHERE import_id = ? ORDER BY position LIMIT ? OFFSET ?',
  );
  return {
    /** Inserts an import; `id` (a restore keeping the export's ids) or else a new one. Returns its id. */
    create: (i: NewImport, id: number | null = null): number => Number(insert.run({ ...i, id }).lastInsertRowid),
    addAnswers: (importId: number, rows: readonly ImportAnswer[]): void => {
      rows.forEach((a, position) =>
        insertAnswer.run(
          importId,
          position,
          a.line,
          a.questionId,
          a.question,
          a.answer,
          a.answerKind,
          a.detail,
          JSON.stringify(a.extra),
          a.mapping === null ? null : JSON.stringify(a.mapping),
        ),
      );
    },
    setMappedCount: (importId: number, n: number): void => {
      setMapped.run(n, importId);
    },
    listByVendor: (vendorId: number): QuestionnaireImport[] => byVendor.all(vendorId).map(toImport),
    find: (id: number): QuestionnaireImport | undefined => {
      const r = one.get(id);
      return r ? toImport(r) : undefined;
    },
    /** Every import, oldest first, and one's whole sheet (the full export). */
    all: (): QuestionnaireImport[] => all.all().map(toImport),
    allAnswers: (importId: number): ImportAnswer[] => allAnswers.all(importId).map(toAnswer),
    /** The same sheet of the same vendor imported at the same instant: the same import (a merge adds it once). */
    findSame: (vendorId: number, sha256: string, importedAt: string): number | undefined => same.get(vendorId, sha256, importedAt)?.id,
    answers: (importId: number, offset: number, limit: number): ImportAnswer[] => answers.all(importId, limit, offset).map(toAnswer),
  };
}
