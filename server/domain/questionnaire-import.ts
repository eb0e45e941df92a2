/**
 * Standard questionnaires in (issue 16): a vendor's completed CAIQ v4 or SIG Lite answer sheet,
 * kept whole as text, and what its mapped answers said about our facts (docs/QUESTIONNAIRES.md).
 */
import { z } from 'zod';
import { id, isoDay, timestamp } from './fields.ts';
import { questionnaireImportSource } from './fact-source.ts';

export const IMPORT_FORMATS = ['caiq', 'sig'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const FORMAT_TITLES: Record<ImportFormat, string> = { caiq: 'CAIQ v4', sig: 'SIG Lite' };

/** How an answer cell reads: Yes / No / NA as the sheets write them, blank, or anything else (kept as written). */
export const ANSWER_KINDS = ['yes', 'no', 'na', 'blank', 'other'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Where a mapped answer points, as a fact written from it names it (its `source`): one import, one question. */
export const importSource = questionnaireImportSource;
export type ImportSource = z.output<typeof importSource>;

/**
 * What became of a mapped answer: `written` (a fact now rests on it), `kept-on-record` (the fact on
 * record says more, or rests on stronger evidence, and stays), `no-reading` (NA, blank, or words
 * that say nothing we can use) or `not-stored` (read, but not a fact Vendorscope can keep: a Yes naming
no subprocessor, a commitment naming no number of days).
 */
export const FACT_OUTCOMES = ['written', 'kept-on-record', 'no-reading', 'not-stored'] as const;

export const mappedAnswer = z
  .strictObject({
    questionId: z.string(),
    fact: z.enum(['mfa', 'commitment', 'supply-chain']),
    target: z.string().meta({ description: 'The MFA population, or the commitment field (notifyWithinDays).' }),
    label: z.string().meta({ description: 'The fact in words: "MFA · admins".' }),
    reading: z.string().meta({ description: 'How the answer was read, in words.' }),
    value: z.unknown().meta({ description: 'The reading as data (an MFA record’s method and enforced; a number of days), or null.' }),
    outcome: z.enum(FACT_OUTCOMES),
    detail: z.string(),
    source: importSource,
  })
  .meta({ id: 'QuestionnaireImportMapping' });
export type MappedAnswer = z.output<typeof mappedAnswer>;

export const questionnaireImport = z
  .strictObject({
    id,
    vendorId: id,
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string().nullable(),
    fileKind: z.enum(['xlsx', 'csv']),
    sheetName: z.string().nullable().meta({ description: 'The workbook sheet the answers were on; null for CSV.' }),
    sha256: z.string(),
    knownFrom: isoDay.meta({ description: 'The day the answers are known from: the import day unless given.' }),
    importedAt: timestamp,
    importedBy: z.string(),
    answerCount: z.number().int(),
    mappedCount: z.number().int().meta({ description: 'Answers to questions that correspond to Vendorscope facts.' }),
  })
  .meta({ id: 'QuestionnaireImport' });
export type QuestionnaireImport = z.output<typeof questionnaireImport>;

export const importAnswer = z
  .strictObject({
    line: z.number().int().meta({ description: 'The row of the sheet it came from.' }),
    questionId: z.string(),
    question: z.string(),
    answer: z.string().meta({ description: 'As written in the sheet: plain text, never markup.' }),
    answerKind: z.enum(ANSWER_KINDS),
    detail: z.string().nullable().meta({ description: 'The implementation description (CAIQ) or additional information (SIG).' }),
    extra: z.record(z.string(), z.string()).meta({ description: 'The sheet’s other known columns, by their label.' }),
    mapping: mappedAnswer.nullable(),
  })
  .meta({ id: 'QuestionnaireImportAnswer' });
export type ImportAnswer = z.output<typeof importAnswer>;

export const importCreated = z.strictObject({ import: questionnaireImport, facts: z.array(mappedAnswer) }).meta({ id: 'QuestionnaireImportCreated' });
export const importList = z.strictObject({ items: z.array(questionnaireImport) }).meta({ id: 'QuestionnaireImportList' });
export const importDetail = z
  .strictObject({ import: questionnaireImport, vendorName: z.string(), answers: z.array(importAnswer), answersTotal: z.number().int() })
  .meta({ id: 'QuestionnaireImportDetail' });
export type ImportDetail = z.output<typeof importDetail>;
