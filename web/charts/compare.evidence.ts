/**
 * How old the evidence behind each factor of a compared vendor is, and where it comes from, PURE.
 * A score alone hides whether it rests on last month's audit or a 2019 blog post; side by side,
 * that difference decides which of two similar scores to trust. Ages count to the "as of" day,
 * from the day the engine counts a partial date from (its last possible day, server/scoring/known-at.ts),
 * and only what was known by then counts: an arrangement or an MFA record from its `knownFrom`,
 * an incident from its disclosure (web/known.ts).
 */
import type { Incident } from '../../server/domain/incident.ts';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { MfaPosture } from '../../server/domain/mfa.ts';
import type { FactorScore } from '../../server/http/contract.ts';
import { partialDate } from '../format.ts';
import { incidentKnownDate as knownDate } from '../known.ts';
import { isFactSource, sourceWords } from '../evidence.ts';

const DAY_MS = 86_400_000;
/** A partial date, or the day part of a timestamp. */
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;
const POPULATIONS = 5;

/** First and last UTC day number a partial date ("2023", "2023-10", "2023-10-20") or timestamp can mean. */
export function dayRange(text: string | null | undefined): { first: number; last: number } | undefined {
  const m = text ? DATE.exec(text) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : undefined;
  if (mo === undefined) return { first: Date.UTC(y, 0, 1) / DAY_MS, last: Date.UTC(y, 11, 31) / DAY_MS };
  if (!m[3]) return { first: Date.UTC(y, mo, 1) / DAY_MS, last: Date.UTC(y, mo + 1, 0) / DAY_MS };
  const d = Date.UTC(y, mo, Number(m[3])) / DAY_MS;
  return { first: d, last: d };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** 12 → "12 days old", 400 → "13 months old", 1500 → "4.1 years old". */
export function ageText(days: number): string {
  if (days <= 0) return 'same day';
  if (days < 45) return `${plural(days, 'day')} old`;
  if (days < 730) return `${plural(Math.round(days / 30.44), 'month')} old`;
  return `${(days / 365.25).toFixed(1)} years old`;
}

export interface FactorEvidence {
  readonly factor: FactorScore['id'];
  /** Nothing behind the factor: the cell says "no evidence". */
  readonly none: boolean;
  /** What the evidence is, in words: "Newest incident disclosed 20 Oct 2023". */
  readonly what: string;
  readonly ageDays: number | null;
  readonly age: string;
  /** The first public source of the evidence shown (a URL, or a citation for MFA records). */
  readonly source: string | null;
  /** Said beside it, e.g. "3 of 5 populations: no evidence". */
  readonly note: string | null;
}

export interface EvidenceFacts {
  readonly incidents: readonly Incident[];
  readonly subprocessors: readonly Subprocessor[];
  readonly mfa: MfaPosture;
}

type Factor = Pick<FactorScore, 'id' | 'known' | 'contributions'>;

const none = (factor: Factor['id'], what: string, note: string | null = null): FactorEvidence => ({
  factor,
  none: true,
  what: `No evidence: ${what}`,
  ageDays: null,
  age: '',
  source: null,
  note,
});

const dated = (
  factor: Factor['id'],
  what: string,
  day: number | undefined,
  asOf: number,
  source: string | null,
  note: string | null = null,
): FactorEvidence => {
  const ageDays = day === undefined || day > asOf ? null : asOf - day;
  return { factor, none: false, what, ageDays, age: ageDays === null ? '' : ageText(ageDays), source, note };
};

/** Ids the factor's contributions point at with `kind:<id>` (a subprocessor's `:incidents` part too). */
function refIds(f: Factor, kind: 'incident' | 'subprocessor'): Set<number> {
  const re = new RegExp(`^${kind}:(\\d+)`);
  return new Set(
    f.contributions
      .flatMap((c) => (c.ref ? [re.exec(c.ref)?.[1]] : []))
      .filter((x): x is string => !!x)
      .map(Number),
  );
}

function incidentEvidence(f: Factor, facts: EvidenceFacts, asOf: number): FactorEvidence {
  const refs = refIds(f, 'incident');
  const knownBy = facts.incidents.filter((i) => (dayRange(knownDate(i))?.last ?? -Infinity) <= asOf);
  // The incidents the points come from; a factor at 0 (no repeat, no lag) rests on all known ones.
  const pool = refs.size > 0 ? facts.incidents.filter((i) => refs.has(i.id)) : knownBy;
  if (pool.length === 0) return none(f.id, 'no incident known by this day');
  const day = (i: Incident) => dayRange(knownDate(i))?.last ?? -Infinity;
  const newest = pool.reduce((a, b) => (day(b) > day(a) ? b : a));
  const when = knownDate(newest);
  const what = !when
    ? 'Newest incident: undated'
    : newest.publicDisclosureDate
      ? `Newest incident disclosed ${partialDate(when)}`
      : `Newest incident known ${partialDate(when)} (not publicly disclosed)`;
  const note = pool.length > 1 ? `${pool.length} incidents behind it` : null;
  return dated(f.id, what, dayRange(when)?.last, asOf, newest.sources[0] ?? null, note);
}

/**
 * Whether an arrangement counted on a day: known by then (its knownFrom's last possible day), and
 * in place from its first possible start (unknown: from when known) to its last possible end.
 */
export const activeAt = (s: Pick<Subprocessor, 'since' | 'until' | 'knownFrom'>, asOf: number): boolean =>
  (dayRange(s.knownFrom)?.last ?? Infinity) <= asOf && (dayRange(s.since)?.first ?? -Infinity) <= asOf && (dayRange(s.until)?.last ?? Infinity) >= asOf;

function supportEvidence(f: Factor, facts: EvidenceFacts, asOf: number): FactorEvidence {
  if (!f.known) return none(f.id, 'no support arrangement on record');
  const refs = refIds(f, 'subprocessor');
  const pool = refs.size > 0 ? facts.subprocessors.filter((s) => refs.has(s.id)) : facts.subprocessors.filter((s) => activeAt(s, asOf));
  if (pool.length === 0) return none(f.id, 'no support arrangement on record');
  // A record's date: when its evidence became known, or when the arrangement began if that came later, whichever is the newest by the as-of day.
  const dates = pool.flatMap((s) => {
    const known = dayRange(s.knownFrom)?.last;
    const since = dayRange(s.since)?.first;
    return [
      ...(known !== undefined && known <= asOf ? [{ s, day: known, what: `known from ${partialDate(s.knownFrom)}` }] : []),
      ...(since !== undefined && since <= asOf && (known === undefined || since > known)
        ? [{ s, day: since, what: `in place since ${partialDate(s.since)}` }]
        : []),
    ];
  });
  const note = pool.length > 1 ? `${pool.length} arrangements behind it` : null;
  if (dates.length === 0) {
    const s = pool[0]!;
    return dated(f.id, `${s.name}: known only after this day`, undefined, asOf, s.sources[0] ?? null, note);
  }
  const newest = dates.reduce((a, b) => (b.day > a.day ? b : a));
  return dated(f.id, `Newest record: ${newest.s.name}, ${newest.what}`, newest.day, asOf, newest.s.sources[0] ?? null, note);
}

function mfaEvidence(f: Factor, facts: EvidenceFacts, asOf: number): FactorEvidence {
  // In force on the day: assessed and known by then.
  const valid = facts.mfa.items.filter((r) => (dayRange(r.assessedOn)?.last ?? Infinity) <= asOf && (dayRange(r.knownFrom)?.last ?? Infinity) <= asOf);
  const missing = POPULATIONS - valid.length;
  const note = missing > 0 ? `${missing} of ${POPULATIONS} populations: no evidence` : null;
  if (valid.length === 0) return none(f.id, 'no MFA record by this day', note);
  const day = (r: (typeof valid)[number]) => dayRange(r.assessedOn)!.last;
  const oldest = valid.reduce((a, b) => (day(b) < day(a) ? b : a));
  const newest = valid.reduce((a, b) => (day(b) > day(a) ? b : a));
  const what =
    day(oldest) === day(newest)
      ? `Assessed ${partialDate(newest.assessedOn)}`
      : `Assessed ${partialDate(oldest.assessedOn)} to ${partialDate(newest.assessedOn)}`;
  // The age is the oldest record's: a posture is only as fresh as its stalest part.
  // A record from a questionnaire names the answer, in words.
  return dated(f.id, what, day(oldest), asOf, isFactSource(newest.source) ? sourceWords(newest.source) : newest.source, note);
}

/** The evidence behind one factor of a vendor's score, as of `asOf` (YYYY-MM-DD). */
export function factorEvidence(f: Factor, facts: EvidenceFacts, asOf: string): FactorEvidence {
  const day = dayRange(asOf)?.first ?? 0;
  switch (f.id) {
    case 'support':
      return supportEvidence(f, facts, day);
    case 'mfa':
      return mfaEvidence(f, facts, day);
    default:
      return incidentEvidence(f, facts, day);
  }
}
