/**
 * Importing a vendor's completed CAIQ v4 or SIG Lite answer sheet: read (bounded), recognise the
 * format by its columns, keep every answer as text, and turn the answers that correspond to our
 * facts into self-attested facts (caiq-facts.ts). All of it in one transaction: a sheet either
 * lands whole with its facts, or not at all.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/account.ts';
import { knownFromInFuture } from '../../domain/known-from.ts';
import type { ImportAnswer, ImportDetail, ImportFormat, MappedAnswer, QuestionnaireImport } from '../../domain/questionnaire-import.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { found, invalid, notFound, ServiceError } from '../errors.ts';
import type { MfaService } from '../mfa-service.ts';
import type { CommitmentsService } from '../commitments-service.ts';
import { applyImportFacts, type PendingFact } from './caiq-facts.ts';
import { readSheets } from './sheet-read.ts';
import { recognise } from './sheet-formats.ts';
import { mappingFor, mappingLabel, mappingTarget, readAnswer } from './standard-mappings.ts';

export interface ImportOptions {
  /** Forces the format; null: told by the header. */
  readonly format: ImportFormat | null;
  readonly fileName: string | null;
  /** YYYY-MM-DD; null: today. */
  readonly knownFrom: string | null;
}

export const MAX_PAGE = 5000;
/** A CAIQ v4 workbook is about 1 MB; a sheet is refused unread past this (and its XML past 40 MB inflated: xlsx-guard.ts). */
export const MAX_SHEET_BYTES = 10 * 1024 * 1024;

export function questionnaireImportsService(store: Store, clock: Clock, mfa: MfaService, commitments: CommitmentsService) {
  const vendorOf = (vendorId: number) => found(store.vendors.find(vendorId), 'vendor', vendorId);
  return {
    async importSheet(actor: Actor, vendorId: number, bytes: Buffer, opts: ImportOptions): Promise<{ import: QuestionnaireImport; facts: MappedAnswer[] }> {
      vendorOf(vendorId); // an unknown vendor is refused before the file is read
      const today = clock.today();
      const knownFrom = opts.knownFrom ?? today;
      const future = knownFromInFuture(knownFrom, today);
      if (future) throw invalid('The answers cannot be known from that day.', [{ path: 'query.knownFrom', message: future }]);
      if (bytes.length > MAX_SHEET_BYTES)
        throw new ServiceError('too-large', 'payload-too-large', `An answer sheet may be at most ${MAX_SHEET_BYTES / 1024 / 1024} MB.`);
      const read = await readSheets(bytes);
      const sheet = recognise(read.sheets, opts.format);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return store.transaction(() => {
        vendorOf(vendorId); // still there after the read
        const importId = store.questionnaireImports.create({
          vendorId,
          format: sheet.format,
          fileName: opts.fileName,
          fileKind: read.kind,
          sheetName: sheet.sheetName,
          sha256,
          knownFrom,
          importedAt: clock.now(),
          importedBy: actor.label,
          importedByUserId: actor.userId,
          answerCount: sheet.answers.length,
          mappedCount: 0,
        });
        const pending: PendingFact[] = [];
        for (const a of sheet.answers) {
          const m = mappingFor(sheet.format, a.questionId, a.question);
          if (!m) continue;
          const text = `${a.answer}\n${a.detail ?? ''}`;
          pending.push({
            questionId: a.questionId,
            question: a.question,
            answer: a.answer,
            detail: a.detail,
            fact: m.fact,
            target: mappingTarget(m),
            label: mappingLabel(m),
            reading: readAnswer(m, a.answerKind, text),
          });
        }
        const facts = applyImportFacts({ mfa, commitments, actor, vendorId, importId, format: sheet.format, knownFrom, now: clock.now() }, pending);
        const byQuestion = new Map(facts.map((f) => [f.questionId, f]));
        const answers: ImportAnswer[] = sheet.answers.map((a) => ({ ...a, mapping: byQuestion.get(a.questionId) ?? null }));
        store.questionnaireImports.addAnswers(importId, answers);
        store.questionnaireImports.setMappedCount(importId, facts.length);
        const created = store.questionnaireImports.find(importId)!;
        store.audit.append(
          actor,
          {
            action: 'import',
            entity: 'questionnaire-import',
            entityId: importId,
            vendorId,
            before: null,
            after: { ...created, facts: facts.map((f) => ({ questionId: f.questionId, label: f.label, outcome: f.outcome })) },
          },
          clock.now(),
        );
        return { import: created, facts };
      });
    },
    list: (vendorId: number): QuestionnaireImport[] => {
      vendorOf(vendorId);
      return store.questionnaireImports.listByVendor(vendorId);
    },
    get: (id: number, offset = 0, limit = MAX_PAGE): ImportDetail => {
      const imp = store.questionnaireImports.find(id);
      if (!imp) throw notFound('questionnaire-import', id);
      return {
        import: imp,
        vendorName: vendorOf(imp.vendorId).name,
        answers: store.questionnaireImports.answers(id, offset, limit),
        answersTotal: imp.answerCount,
      };
    },
  };
}

export type QuestionnaireImportsService = ReturnType<typeof questionnaireImportsService>;
