/**
 * The two dates of a fact, as the dossier shows them, PURE: the period it describes ("true since
 * …") and the day it became known ("known from …"), and whether it was known on the page's as-of
 * day. The rule is the engine's (server/scoring/known-at.ts, which the web may not import): a
 * partial date counts from its last possible day; an incident is known from its public disclosure,
 * failing that the first date anyone knew; a record from its `knownFrom`. A fact not yet known on
 * the day is shown as such, never as if it counted.
 */
import type { Incident } from '../server/domain/incident.ts';
import type { MfaRecord } from '../server/domain/mfa.ts';
import type { PostureFact } from '../server/domain/posture-fact.ts';
import type { Subprocessor } from '../server/domain/subprocessor.ts';
import { dayRangeOf, partialDate } from './format.ts';

type IncidentDates = Pick<Incident, 'intrusionStartDate' | 'detectedByVendorDate' | 'firstReportedByThirdPartyDate' | 'publicDisclosureDate'>;

/** The date an incident became known: its disclosure, failing that the first date anyone knew. */
export function incidentKnownDate(i: IncidentDates): string | null {
  return i.publicDisclosureDate ?? i.detectedByVendorDate ?? i.firstReportedByThirdPartyDate ?? i.intrusionStartDate;
}

/** Whether a fact with this known-from date was known on `asOf` (YYYY-MM-DD); a fact without one always was. */
export function knownOn(knownFrom: string | null, asOf: string): boolean {
  const known = dayRangeOf(knownFrom);
  const day = dayRangeOf(asOf);
  return !known || !day || known.last <= day.first;
}

export interface FactDates {
  /** "true since 28 Sep 2023", "true since: start unknown". */
  readonly trueSince: string;
  /** "known from 20 Oct 2023". */
  readonly knownFrom: string;
  /** Both, for a link or a caption: "true since …; known from …". */
  readonly both: string;
  /** Null when known on the as-of day; else "not known on 19 Oct 2023 — known from 20 Oct 2023". */
  readonly notYet: string | null;
}

function dates(since: string | null, knownFrom: string | null, asOf: string, unknownStart = 'start unknown'): FactDates {
  const trueSince = since ? `true since ${partialDate(since)}` : `true since: ${unknownStart}`;
  const known = knownFrom ? `known from ${partialDate(knownFrom)}` : 'known from: undated';
  const notYet = asOf && !knownOn(knownFrom, asOf) ? `not known on ${partialDate(asOf)} — ${known}` : null;
  return { trueSince, knownFrom: known, both: `${trueSince}; ${known}`, notYet };
}

/** An incident is true from its intrusion (or the first date on record) and known from its disclosure. */
export const incidentDates = (i: IncidentDates, asOf: string): FactDates =>
  dates(i.intrusionStartDate ?? i.firstReportedByThirdPartyDate ?? i.detectedByVendorDate, incidentKnownDate(i), asOf);

/** An arrangement with no known start counts from the day it became known. */
export const subprocessorDates = (s: Pick<Subprocessor, 'since' | 'knownFrom'>, asOf: string): FactDates =>
  dates(s.since, s.knownFrom, asOf, 'start unknown, counted from when known');

export const mfaDates = (r: Pick<MfaRecord, 'assessedOn' | 'knownFrom'>, asOf: string): FactDates => dates(r.assessedOn, r.knownFrom, asOf);

export const statementDates = (f: Pick<PostureFact, 'statedDate' | 'knownFrom'>, asOf: string): FactDates => dates(f.statedDate, f.knownFrom, asOf, 'undated');

/** An MFA record assessed after the as-of day is not yet in force either: "not in force on … — true from …". */
export function mfaNotInForce(r: Pick<MfaRecord, 'assessedOn' | 'knownFrom'>, asOf: string): string | null {
  const d = mfaDates(r, asOf);
  if (d.notYet) return d.notYet;
  return asOf && !knownOn(r.assessedOn, asOf) ? `not in force on ${partialDate(asOf)} — true from ${partialDate(r.assessedOn)}` : null;
}
