/**
 * How sure a fact is and where it came from (issue 16). A fact an analyst records from the evidence
 * it names is `recorded`; one accepted from the vendor's own questionnaire answer is
 * `self-attested`: it counts as evidence (the vendor is assessed on it) but weighs less in the
 * score's confidence (`confidence.selfAttestedWeight`, docs/METHODOLOGY.md) and the score's gaps
 * say that it rests on the vendor's word. Its `source` names the answer:
 * `{ kind: "questionnaire", requestId, questionId }` (the contract) or, for a sheet
 * imported from a standard questionnaire, `{ kind: "questionnaire-import", importId, questionId }`.
 */
import { z } from 'zod';
import { id, label } from './fields.ts';
import { questionnaireSource, SELF_ATTESTED } from './questionnaire.ts';

export const FACT_CONFIDENCES = ['recorded', SELF_ATTESTED] as const;
export type FactConfidence = (typeof FACT_CONFIDENCES)[number];

export const factConfidence = z.enum(FACT_CONFIDENCES).meta({
  description:
    "recorded: typed by an analyst from the evidence it names; self-attested: the vendor's own answer, accepted from a questionnaire (weighs less in confidence).",
});

/** A sheet imported from a standard questionnaire (CAIQ, SIG): the answer a fact was mapped from. */
export const questionnaireImportSource = z
  .strictObject({ kind: z.literal('questionnaire-import'), importId: id, questionId: label(100) })
  .meta({ id: 'QuestionnaireImportSource', description: 'The imported answer this fact was mapped from.' });

/** The answer a fact came from. */
export const factSource = z
  .discriminatedUnion('kind', [questionnaireSource, questionnaireImportSource])
  .meta({ id: 'FactSource', description: 'The questionnaire answer the fact came from.' });
export type FactSource = z.output<typeof factSource>;

/** The two fields as stored subprocessors carry them; absent in facts from before they existed (read as recorded). */
export const factProvenanceFields = {
  confidence: factConfidence.optional(),
  source: factSource.nullable().optional().meta({ description: 'The questionnaire answer the fact came from; null when an analyst recorded it.' }),
};

export const isSelfAttested = (f: { confidence?: FactConfidence | undefined }): boolean => f.confidence === SELF_ATTESTED;

/** A structured source (an answer), not a citation string. */
export const isFactSource = (s: unknown): s is FactSource => typeof s === 'object' && s !== null && 'kind' in s;

/** Two sources, citations or answers, compared by value. */
export function sameSource(a: string | FactSource | null | undefined, b: string | FactSource | null | undefined): boolean {
  if (isFactSource(a) && isFactSource(b)) {
    if (a.kind === 'questionnaire' && b.kind === 'questionnaire') return a.requestId === b.requestId && a.questionId === b.questionId;
    if (a.kind === 'questionnaire-import' && b.kind === 'questionnaire-import') return a.importId === b.importId && a.questionId === b.questionId;
    return false;
  }
  return (a ?? null) === (b ?? null);
}

/** "questionnaire, request 12" / "imported questionnaire 3": where a self-attested fact is from, in words. */
export function sourceText(source: string | FactSource | null | undefined): string {
  if (!isFactSource(source)) return 'questionnaire';
  return source.kind === 'questionnaire' ? `questionnaire, request ${source.requestId}` : `imported questionnaire ${source.importId}`;
}

/** SQLite's JSON column, read back. */
export const readSource = (text: string | null): FactSource | null => (text === null ? null : factSource.parse(JSON.parse(text)));
/** And written. */
export const writeSource = (s: FactSource | null | undefined): string | null => (s ? JSON.stringify(s) : null);
