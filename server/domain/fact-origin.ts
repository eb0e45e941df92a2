/**
 * How sure a fact is and where it came from (issue 16). A fact an analyst records from the evidence
 * it names is `recorded`; one accepted from the vendor's own questionnaire answer is
 * `self-attested`: it counts as evidence (the vendor is assessed on it) but weighs less in the
 * score's confidence (`confidence.selfAttestedWeight`, docs/METHODOLOGY.md) and the score's gaps
 * say that it rests on the vendor's word.
 */
import { z } from 'zod';
import { id, label } from './fields.ts';
import { questionnaireSource, SELF_ATTESTED } from './questionnaire.ts';

export const FACT_CONFIDENCES = ['recorded', SELF_ATTESTED] as const;
export type FactConfidence = (typeof FACT_CONFIDENCES)[number];

export const factConfidence = z.enum(FACT_CONFIDENCES).meta({
  description: "recorded: typed by an analyst from the evidence it names; self-attested: the vendor's own answer, accepted from a questionnaire (weighs less in confidence).",
});

/** A sheet imported from a standard questionnaire (CAIQ, SIG): the answer a fact was mapped from. */
export const questionnaireImportSource = z
  .strictObject({ kind: z.literal('questionnaire-import'), importId: id, questionId: label(100) })
  .meta({ id: 'QuestionnaireImportSource', description: 'The imported answer this fact was mapped from.' });

export const factOrigin = z
  .discriminatedUnion('kind', [questionnaireSource, questionnaireImportSource])
  .nullable()
  .meta({ id: 'FactOrigin', description: 'The answer the fact came from; null when an analyst recorded it.' });
export type FactOrigin = z.output<typeof factOrigin>;

/** The two fields as stored records carry them; absent in facts from before they existed (read as recorded). */
export const factProvenanceFields = {
  confidence: factConfidence.optional(),
  origin: factOrigin.optional(),
};

export const isSelfAttested = (f: { confidence?: FactConfidence | undefined }): boolean => f.confidence === SELF_ATTESTED;

/** "questionnaire, request 12" / "imported questionnaire 3": where a self-attested fact is from, in words. */
export function originText(origin: FactOrigin | undefined): string {
  if (!origin) return 'questionnaire';
  return origin.kind === 'questionnaire' ? `questionnaire, request ${origin.requestId}` : `imported questionnaire ${origin.importId}`;
}

/** SQLite's JSON column, read back. */
export const readOrigin = (text: string | null): FactOrigin => (text === null ? null : factOrigin.parse(JSON.parse(text)));
