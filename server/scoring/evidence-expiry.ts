/**
 * Documents that lapse (a SOC 2 report 12 months after its period, an ISO 27001 certificate on its
 * expiry), PURE: which one counts for a vendor on a day, and whether it has lapsed. Per kind the
 * document that counts is the one known by then that runs longest: a newer report replaces an older
 * one, and an old report uploaded late does not bring back a gap.
 */
import { DOCUMENT_KIND_LABELS, documentExpiresOn, type DocumentKind } from '../domain/document.ts';
import { dayNumber } from '../domain/partial-date.ts';
import { knownFromDay, recordKnownAt } from './known-at.ts';
import type { DocumentFacts } from './types.ts';

export interface LapsingEvidence {
  readonly id: number;
  readonly kind: DocumentKind;
  /** "SOC 2 report (period ended 2025-06-30)", "ISO 27001 certificate IS 712345". */
  readonly label: string;
  readonly expiresOn: string;
  /** Day number of expiresOn. */
  readonly lastDay: number;
  /** Day number of the day it became known. */
  readonly knownDay: number;
}

function labelOf(d: DocumentFacts): string {
  const details = d.details;
  if (d.kind === 'soc2') return `${DOCUMENT_KIND_LABELS.soc2} (${details.type === 'type1' ? 'Type I' : 'Type II'}, period ended ${String(details.periodEnd)})`;
  if (d.kind === 'iso27001') return `${DOCUMENT_KIND_LABELS.iso27001} ${String(details.certificateNumber)}`;
  return DOCUMENT_KIND_LABELS[d.kind];
}

/** Per kind that lapses, the document that counts on `asOf` (a day number), known by then. */
export function evidenceInForce(documents: readonly DocumentFacts[] | undefined, asOf: number): LapsingEvidence[] {
  const best = new Map<DocumentKind, LapsingEvidence>();
  for (const d of documents ?? []) {
    if (!recordKnownAt(d, asOf)) continue;
    const expiresOn = documentExpiresOn(d.kind, d.details);
    if (expiresOn === null) continue;
    const e = { id: d.id, kind: d.kind, label: labelOf(d), expiresOn, lastDay: dayNumber(expiresOn), knownDay: knownFromDay(d.knownFrom) };
    const held = best.get(d.kind);
    if (!held || e.lastDay > held.lastDay || (e.lastDay === held.lastDay && e.id > held.id)) best.set(d.kind, e);
  }
  return [...best.values()].sort((a, b) => a.lastDay - b.lastDay || a.id - b.id);
}

/** The evidence that had lapsed by `asOf`: its last day is before it. */
export const lapsedAt = (documents: readonly DocumentFacts[] | undefined, asOf: number): LapsingEvidence[] =>
  evidenceInForce(documents, asOf).filter((e) => e.lastDay < asOf);
