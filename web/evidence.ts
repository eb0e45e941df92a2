/**
 * How findings and gaps point at the evidence shown on the vendor page, PURE: the score's refs
 * (`incident:12`, `subprocessor:3`, `mfa:support`) become element ids (`incident-12`…) and link
 * text with the fact's two dates (true since, known from), and gaps are grouped by factor.
 */
import type { Document } from '../server/domain/document.ts';
import type { Incident } from '../server/domain/incident.ts';
import type { MfaRecord } from '../server/domain/mfa.ts';
import type { Subprocessor } from '../server/domain/subprocessor.ts';
import type { FactConfidence, FactSource } from '../server/domain/fact-source.ts';
import type { FactorScore, Finding, Gap } from '../server/http/contract.ts';
import { MFA_POPULATION_LABEL, MFA_POPULATIONS, SEVERITIES_MOST_FIRST, SEVERITY_LABEL } from './format.ts';
import { incidentDates, mfaDates, subprocessorDates } from './known.ts';

/** `incident:12` → `incident-12`: the id of the element that shows what the ref points to. */
export const anchorId = (ref: string): string => ref.replace(/[^A-Za-z0-9_-]+/g, '-');

/** Where a ref is shown on the page, the words of a link to it, and the fact's two dates. */
export interface EvidenceTarget {
  readonly anchor: string;
  readonly label: string;
  /** "true since 28 Sep 2023; known from 20 Oct 2023", shown beside the link, when the record carries them. */
  readonly dates?: string;
}

const INCIDENT_DATES = ['intrusionStartDate', 'detectedByVendorDate', 'firstReportedByThirdPartyDate', 'publicDisclosureDate'] as const;
type IncidentRef = Pick<Incident, 'id' | 'title'> & Partial<Pick<Incident, (typeof INCIDENT_DATES)[number]>>;
type SubprocessorRef = Pick<Subprocessor, 'id' | 'name'> & Partial<Pick<Subprocessor, 'since' | 'knownFrom'>>;

/**
 * Refs → targets, for everything the vendor page shows: every incident, every subprocessor, every
 * MFA population (with its record's dates when it has one).
 */
export function evidenceTargets(
  incidents: readonly IncidentRef[],
  subprocessors: readonly SubprocessorRef[],
  mfa: readonly Pick<MfaRecord, 'population' | 'assessedOn' | 'knownFrom'>[] = [],
  documents: readonly Pick<Document, 'id' | 'kind' | 'fileName' | 'knownFrom'>[] = [],
): ReadonlyMap<string, EvidenceTarget> {
  const targets: Array<[string, EvidenceTarget]> = [];
  const add = (ref: string, label: string, dates?: string) => targets.push([ref, { anchor: anchorId(ref), label, ...(dates ? { dates } : {}) }]);
  for (const i of incidents) {
    const dated = INCIDENT_DATES.every((k) => i[k] !== undefined);
    add(`incident:${i.id}`, `Incident: ${i.title}`, dated ? incidentDates(i as Required<IncidentRef>, '').both : undefined);
  }
  for (const s of subprocessors) {
    add(
      `subprocessor:${s.id}`,
      `Subprocessor: ${s.name}`,
      s.knownFrom !== undefined && s.since !== undefined ? subprocessorDates({ since: s.since, knownFrom: s.knownFrom }, '').both : undefined,
    );
  }
  // The MFA grid shows a row for every population, on record or not.
  for (const p of MFA_POPULATIONS) {
    const r = mfa.find((x) => x.population === p);
    add(`mfa:${p}`, `MFA posture: ${MFA_POPULATION_LABEL[p]}`, r ? mfaDates(r, '').both : undefined);
  }
  // Evidence documents (an expired report is a gap and a review reason).
  for (const d of documents) add(`document:${d.id}`, `Document: ${d.fileName}`, `known from ${d.knownFrom}`);
  return new Map(targets);
}

export interface GapGroup {
  readonly factor: Gap['factor'];
  readonly label: string;
  readonly gaps: readonly Gap[];
}

/**
 * Gaps by factor, in the order of the score's factors and labelled as they are; gaps keep their
 * order within a group. Factors without a gap are left out; a factor the score does not list
 * (it should not happen) comes last, under its id.
 */
export function groupGaps(gaps: readonly Gap[], factors: readonly Pick<FactorScore, 'id' | 'label'>[]): GapGroup[] {
  const order = [...factors.map((f) => f.id), ...gaps.map((g) => g.factor)];
  const labels = new Map(factors.map((f) => [f.id, f.label]));
  return [...new Set(order)].flatMap((factor) => {
    const mine = gaps.filter((g) => g.factor === factor);
    return mine.length === 0 ? [] : [{ factor, label: labels.get(factor) ?? factor, gaps: mine }];
  });
}

/** "1 critical, 6 high and 2 medium": how many findings of each severity, most severe first; "" for none. */
export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): string {
  const parts = SEVERITIES_MOST_FIRST.flatMap((s) => {
    const n = findings.filter((f) => f.severity === s).length;
    return n === 0 ? [] : [`${n} ${SEVERITY_LABEL[s].toLowerCase()}`];
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** A structured source (the answer a fact came from), not a citation string. */
export const isFactSource = (s: string | FactSource | null | undefined): s is FactSource => typeof s === 'object' && s !== null;

/** "Questionnaire request 12, question mfa-support-method": the answer a fact came from, in words. */
export function sourceWords(s: FactSource): string {
  return s.kind === 'questionnaire'
    ? `Questionnaire request ${s.requestId}, question ${s.questionId}`
    : `Imported questionnaire ${s.importId}, question ${s.questionId}`;
}

/**
 * "Self-attested: questionnaire request 12, question mfa-support-method" for a fact accepted from
 * the vendor's own answer (it weighs less in confidence and is listed among the gaps); null for a
 * fact an analyst recorded.
 */
export function attestedBy(f: { readonly confidence?: FactConfidence | undefined; readonly source?: string | FactSource | null | undefined }): string | null {
  if (f.confidence !== 'self-attested') return null;
  const s = f.source;
  if (!isFactSource(s)) return 'Self-attested by the vendor';
  return `Self-attested: ${sourceWords(s).replace(/^./, (c) => c.toLowerCase())}`;
}

/** The id of a question's answer on the review page (`/vendors/:id/questionnaires/:requestId/review#answer-<questionId>`). */
export const answerAnchor = (questionId: string): string => anchorId(`answer:${questionId}`);

/**
 * Where a self-attested fact's answer is shown: the request's review page, at the question; null
 * for a fact from an imported sheet (its answers are listed on the dossier) or without a source.
 */
export function answerHref(vendorId: number, o: FactSource | undefined | null): string | null {
  if (!o || o.kind !== 'questionnaire' || vendorId <= 0) return null;
  return `/vendors/${vendorId}/questionnaires/${o.requestId}/review#${answerAnchor(o.questionId)}`;
}
