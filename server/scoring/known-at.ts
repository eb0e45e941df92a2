/**
 * What was known at `asOf`: the one place the engine decides it. Every fact has the period it
 * describes and the day it became known; a score as of a day uses a fact only when it was known
 * by then and its period covers the day. A partial date counts from its last possible day
 * ("2023-10" is known from 31 October), so a score never uses a fact before it could have been
 * known. `knownAt` strips from the facts everything not known on a day; scoreVendor calls it
 * first, so no factor, finding, gap or confidence figure can see a fact that was not yet known.
 */
import { parsePartialDate } from '../domain/partial-date.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import type { IncidentFacts, ScoringFacts, SubprocessorFacts } from './types.ts';

const first = (d: string | null) => (d ? parsePartialDate(d)?.first : undefined);
const last = (d: string | null) => (d ? parsePartialDate(d)?.last : undefined);

/**
 * The date an incident became known: its public disclosure; failing that (a privately notified
 * incident) the first date anyone knew of it. Null for an incident with no date at all.
 */
export function incidentKnownDate(
  i: Pick<IncidentFacts, 'publicDisclosureDate' | 'detectedByVendorDate' | 'firstReportedByThirdPartyDate' | 'intrusionStartDate'>,
): string | null {
  return i.publicDisclosureDate ?? i.detectedByVendorDate ?? i.firstReportedByThirdPartyDate ?? i.intrusionStartDate;
}

/** The day an incident became known (the last day of its known date); an incident with no date at all is always known. */
export function incidentKnownFrom(i: IncidentFacts): number {
  return last(incidentKnownDate(i)) ?? Number.NEGATIVE_INFINITY;
}

export const incidentKnownAt = (i: IncidentFacts, asOf: number): boolean => incidentKnownFrom(i) <= asOf;

/** The day a record's evidence became known; a date that is not one is never known. */
export const knownFromDay = (knownFrom: string): number => last(knownFrom) ?? Number.POSITIVE_INFINITY;

export const recordKnownAt = (r: { readonly knownFrom: string }, asOf: number): boolean => knownFromDay(r.knownFrom) <= asOf;

/**
 * An arrangement counts once it is known and has begun (its first possible day; with the start
 * unknown, from the day it became known, never "always") until it ended (its last possible day).
 */
export function subprocessorActiveAt(s: Pick<SubprocessorFacts, 'since' | 'until' | 'knownFrom'>, asOf: number): boolean {
  const since = first(s.since);
  const until = last(s.until);
  return recordKnownAt(s, asOf) && (since === undefined || since <= asOf) && (until === undefined || until >= asOf);
}

/** The day an arrangement started to count: the later of its start and the day it became known. */
export const subprocessorCountsFrom = (s: Pick<SubprocessorFacts, 'since' | 'knownFrom'>): number =>
  Math.max(first(s.since) ?? Number.NEGATIVE_INFINITY, knownFromDay(s.knownFrom));

/** A posture record is true from its assessment date. */
export const validFrom = (assessedOn: string): number => last(assessedOn) ?? Number.POSITIVE_INFINITY;

/** A posture record counts once it is both true (assessed) and known. */
export const mfaInForceAt = (r: Pick<MfaRecord, 'assessedOn' | 'knownFrom'>, asOf: number): boolean =>
  validFrom(r.assessedOn) <= asOf && recordKnownAt(r, asOf);

/**
 * The facts as they were known on `asOf`: incidents known by then (a subprocessor's own ones
 * too), and the arrangements and MFA records whose evidence was known by then. Periods (since,
 * until, assessedOn) are left to the factors, through the helpers above.
 */
export function knownAt(facts: ScoringFacts, asOf: number): ScoringFacts {
  return {
    vendor: facts.vendor,
    incidents: facts.incidents.filter((i) => incidentKnownAt(i, asOf)),
    subprocessors: facts.subprocessors
      .filter((s) => recordKnownAt(s, asOf))
      .map((s) => ({ ...s, ownIncidents: s.ownIncidents.filter((i) => incidentKnownAt(i, asOf)) })),
    mfa: facts.mfa.filter((r) => recordKnownAt(r, asOf)),
    ...(facts.documents ? { documents: facts.documents.filter((d) => recordKnownAt(d, asOf)) } : {}),
  };
}

export { first as firstDay, last as lastDay };
