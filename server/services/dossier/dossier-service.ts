/**
 * One vendor's dossier as a document (for a ticket, an e-mail, a file): the relationship, the
 * score with its findings and gaps, the review (status, decisions and their conditions), and the
 * evidence (incidents, the support chain, MFA posture, posture statements) with its sources, as
 * of a day. Like the score, it holds only what was known on that day: facts recorded later are
 * left out and counted (`leftOut`), decisions taken later are left out. Conditions carry their
 * state as it is now (they keep no history of it).
 */
import { MFA_POPULATIONS, type MfaPopulation } from '../../domain/vocabulary.ts';
import { dayNumber } from '../../domain/partial-date.ts';
import { isFactSource, sourceText } from '../../domain/fact-source.ts';
import type { Vendor } from '../../domain/vendor.ts';
import type { Incident } from '../../domain/incident.ts';
import type { Subprocessor } from '../../domain/subprocessor.ts';
import type { MfaRecord, StoredMfaPosture } from '../../domain/mfa.ts';
import type { PostureFact } from '../../domain/posture-fact.ts';
import type { Review, ReviewStatus } from '../../domain/review.ts';
import type { VendorScore } from '../../scoring/types.ts';
import { incidentKnownDate, mfaInForceAt, recordKnownAt } from '../../scoring/known-at.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';

/** Where a dossier's parts come from: the services the vendor page reads. */
export interface DossierSources {
  readonly vendor: (id: number) => Vendor;
  readonly score: (id: number, asOf: string) => VendorScore;
  readonly reviewStatus: (id: number, asOf: string) => ReviewStatus;
  readonly reviews: (id: number) => Review[];
  readonly incidents: (id: number) => Incident[];
  readonly subprocessors: (id: number) => Subprocessor[];
  readonly mfa: (id: number) => StoredMfaPosture;
  readonly statements: (id: number) => PostureFact[];
  readonly now: () => string;
}

/** A link or citation the dossier rests on, and what it is evidence for. */
export interface DossierSource {
  readonly about: string;
  readonly source: string;
}

export interface Dossier {
  readonly asOf: string;
  readonly generatedAt: string;
  readonly vendor: Vendor;
  readonly score: VendorScore;
  readonly review: { readonly status: ReviewStatus; readonly decisions: Review[] };
  readonly incidents: Incident[];
  readonly supportChain: Subprocessor[];
  readonly mfa: { readonly items: MfaRecord[]; readonly unknown: MfaPopulation[] };
  readonly statements: PostureFact[];
  readonly sources: DossierSource[];
  readonly leftOut: {
    readonly incidents: number;
    readonly supportChain: number;
    readonly mfa: number;
    readonly statements: number;
    readonly decisions: number;
  };
}

/** An incident with no date at all is always known; else from the last day of its known date. */
function incidentKnown(i: Incident, day: number): boolean {
  const d = incidentKnownDate(i);
  const r = d ? parsePartialDate(d) : undefined;
  return !r || r.last <= day;
}

const split = <T>(items: readonly T[], keep: (t: T) => boolean): [T[], number] => {
  const kept = items.filter(keep);
  return [kept, items.length - kept.length];
};

export function dossierOf(s: DossierSources, id: number, asOf: string): Dossier {
  const vendor = s.vendor(id);
  const day = dayNumber(asOf);
  const [incidents, lateIncidents] = split(s.incidents(id), (i) => incidentKnown(i, day));
  const [supportChain, lateChain] = split(s.subprocessors(id), (p) => recordKnownAt(p, day));
  const [mfa, lateMfa] = split(s.mfa(id).items, (r) => mfaInForceAt(r, day));
  const [statements, lateStatements] = split(s.statements(id), (f) => recordKnownAt(f, day));
  const [decisions, lateDecisions] = split(s.reviews(id), (r) => r.decidedOn <= asOf);
  const covered = new Set(mfa.map((r) => r.population));
  return {
    asOf,
    generatedAt: s.now(),
    vendor,
    score: s.score(id, asOf),
    review: { status: s.reviewStatus(id, asOf), decisions },
    incidents,
    supportChain,
    mfa: { items: mfa, unknown: MFA_POPULATIONS.filter((p) => !covered.has(p)) },
    statements,
    sources: sourcesOf(incidents, supportChain, mfa, statements),
    leftOut: { incidents: lateIncidents, supportChain: lateChain, mfa: lateMfa, statements: lateStatements, decisions: lateDecisions },
  };
}

/** Every source cited, once per fact it supports, in the dossier's order. */
function sourcesOf(incidents: Incident[], chain: Subprocessor[], mfa: MfaRecord[], statements: PostureFact[]): DossierSource[] {
  return [
    ...incidents.flatMap((i) => i.sources.map((u) => ({ about: `Incident: ${i.title}`, source: u }))),
    ...incidents.flatMap((i) =>
      i.source ? [{ about: `Incident: ${i.title}`, source: `${i.source.format.toUpperCase()} ${i.source.id} (${i.source.attribution})` }] : [],
    ),
    ...chain.flatMap((p) => p.sources.map((u) => ({ about: `Support chain: ${p.name}`, source: u }))),
    ...chain.flatMap((p) => (p.source ? [{ about: `Support chain: ${p.name}`, source: sourceText(p.source) }] : [])),
    ...mfa.flatMap((r) => (r.source === null ? [] : [{ about: `MFA: ${r.population}`, source: isFactSource(r.source) ? sourceText(r.source) : r.source }])),
    ...statements.flatMap((f) =>
      f.sources.map((u) => ({ about: `Statement: ${f.statement.length > 80 ? `${f.statement.slice(0, 79)}…` : f.statement}`, source: u })),
    ),
  ];
}
