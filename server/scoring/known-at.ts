/**
 * What was known at `asOf`. A partial date counts from its last possible day ("2023-10" is known
 * from 31 October), so a score never uses a fact before it could have been known.
 */
import { parsePartialDate } from '../domain/partial-date.ts';
import type { IncidentFacts, SubprocessorFacts } from './types.ts';

const first = (d: string | null) => (d ? parsePartialDate(d)?.first : undefined);
const last = (d: string | null) => (d ? parsePartialDate(d)?.last : undefined);

/**
 * The day an incident became known: its public disclosure; failing that (a privately notified
 * incident) the first date anyone knew of it. An incident with no date at all is always known.
 */
export function incidentKnownFrom(i: IncidentFacts): number {
  const dates = [i.publicDisclosureDate, i.detectedByVendorDate, i.firstReportedByThirdPartyDate, i.intrusionStartDate];
  const d = dates.find((x) => x !== null) ?? null;
  return last(d) ?? Number.NEGATIVE_INFINITY;
}

export const incidentKnownAt = (i: IncidentFacts, asOf: number): boolean => incidentKnownFrom(i) <= asOf;

/** An arrangement counts from its start (or always, when the start is unknown) until it ended. */
export function subprocessorActiveAt(s: Pick<SubprocessorFacts, 'since' | 'until'>, asOf: number): boolean {
  const since = first(s.since);
  const until = last(s.until);
  return (since === undefined || since <= asOf) && (until === undefined || until >= asOf);
}

/** A posture record is valid from its assessment date. */
export const validFrom = (assessedOn: string): number => last(assessedOn) ?? Number.POSITIVE_INFINITY;

export { first as firstDay, last as lastDay };
